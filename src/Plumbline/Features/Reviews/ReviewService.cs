using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Clients;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <summary>Creates reviews with their scope, and reads them. Changing a scope afterwards: <see cref="ReviewScopeChanges"/>.</summary>
public sealed class ReviewService(AppDbContext db, ClientScope scope, TimeProvider clock, LibraryService library, OnboardingPlan onboarding,
    ReviewItemFactory itemFactory)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<ReviewDetails>> CreateAsync(CreateReviewRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var client = r.ClientId is { } cid ? await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (client is null) e["clientId"] = ["Choose an existing client."];
        if ((r.Title ?? "").Trim().Length > 200) e["title"] = ["Keep the title to 200 characters or fewer."];
        SingleLine.Check(r.Title?.Trim(), "title", e);
        await RoleHolders.CheckAsync(db, r.TamUserId, Roles.Tam, "tamUserId", e, ct);
        await RoleHolders.CheckAsync(db, r.VcioUserId, Roles.Vcio, "vcioUserId", e, ct);
        if (r.TamDueOn is { } tamDue && r.VcioDueOn is { } vcioDue && vcioDue < tamDue) e["vcioDueOn"] = ["The vCIO's due date cannot be before the TAM's."];
        // A review of nothing can never be submitted, and reviews are not deleted.
        if (r.StandardIds is { Count: 0 }) e["standardIds"] = ["List at least one standard, or leave standardIds out to ask what is due."];
        var reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
        if (reason?.Length > 1000) e["reason"] = ["Keep the reason to 1,000 characters or fewer."];
        if (e.Count > 0) return new(default, e);

        var asOf = r.AsOf ?? Today;
        if (!Years.Contains(asOf.Year)) return Outcome<ReviewDetails>.Invalid("asOf", "The visit day must be a date between 2000 and 2100.");
        var applicable = await scope.ApplicableAsync(client!.Id, asOf, ct);
        List<ScopedStandard> chosen;
        if (r.StandardIds is { } ids)
        {
            var byId = applicable.ToDictionary(s => s.StandardId);
            var unknown = ids.Distinct().Where(id => !byId.ContainsKey(id)).ToList();
            if (unknown.Count > 0)
                return Outcome<ReviewDetails>.Invalid("standardIds",
                    $"{unknown.Count} of the standards are not active standards that apply to this client: {string.Join(", ", unknown.Take(5))}.");
            var wanted = ids.ToHashSet();
            chosen = applicable.Where(s => wanted.Contains(s.StandardId)).ToList();
        }
        else chosen = applicable.Where(s => s.Due || s.Exception is not null).ToList();
        // An onboarding client's review asks only the categories its onboarding plan covers so far (ADR-030).
        if (r.StandardIds is null && client!.Status == ClientStatus.Onboarding)
        {
            var covered = await onboarding.NextScopeAsync(client.Id, asOf, ct);
            chosen = [.. chosen.Where(s => covered.Contains(s.CategoryId))];
        }
        if (chosen.Count == 0)
            return Outcome<ReviewDetails>.Invalid("standardIds",
                $"Nothing is due for this client on {asOf:d MMM yyyy}. Choose the standards to ask, or plan the review for a later date.");
        // One open review per client. A no-op update locks the client's row (PostgreSQL) or the database (SQLite), so two people
        // starting a review of the client at the same moment take turns and the second one sees the first.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Clients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Name, c => c.Name), ct);
        var open = await OpenReviewAsync(client.Id, ct);
        if (open is not null && reason is null) return Outcome<ReviewDetails>.Clash(OpenReviewText(client.Name, open), open);

        var review = new Review
        {
            ClientId = client.Id,
            Title = string.IsNullOrWhiteSpace(r.Title) ? DefaultTitle(client.Name, asOf) : r.Title.Trim(),
            AsOf = asOf,
            TamUserId = NullIfEmpty(r.TamUserId) ?? client.TamUserId,
            VcioUserId = NullIfEmpty(r.VcioUserId) ?? client.VcioUserId,
            TamDueOn = r.TamDueOn ?? asOf,
            VcioDueOn = r.VcioDueOn,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            SecondReviewReason = open is null ? null : reason,
        };
        var items = await itemFactory.ItemsForAsync(review, chosen, ct);
        review.ItemCount = items.Count;
        review.AnsweredCount = items.Count(i => i.Answer is not null);
        db.Reviews.Add(review);
        db.ReviewItems.AddRange(items);
        await library.MarkInUseAsync(items.Select(i => i.StandardId).ToList(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<ReviewDetails>.Ok((await GetAsync(review.Id, ct))!);
    }

    /// <summary>
    /// The client's review still in the TAM pass, the newest first. A submitted review does not count: its answers are fixed, so a new
    /// review cannot split them, and the next visit must not wait for the vCIO's ratings.
    /// </summary>
    public async Task<OpenReviewSummary?> OpenReviewAsync(Guid clientId, CancellationToken ct) =>
        await db.Reviews.AsNoTracking().Where(x => x.ClientId == clientId && ReviewStatusRules.Open.Contains(x.Status))
            .OrderByDescending(x => x.AsOf).ThenByDescending(x => x.Id)
            .Select(x => new OpenReviewSummary(x.Id, x.Title, x.Status, x.AsOf)).FirstOrDefaultAsync(ct);

    public static string OpenReviewText(string clientName, OpenReviewSummary open) =>
        $"{clientName} already has a review in the TAM pass: \"{open.Title}\" (visit day {Format.Date(open.AsOf)}, " +
        $"{open.Status.Label().ToLowerInvariant()}). Continue that one, or say why a second review is needed.";

    public async Task<ReviewDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null) return null;
        var clientName = await db.Clients.Where(c => c.Id == review.ClientId).Select(c => c.Name).FirstAsync(ct);
        var rows = await (
            from i in db.ReviewItems.AsNoTracking().Where(i => i.ReviewId == id)
            join rev in db.StandardRevisions on new { i.StandardId, i.Revision } equals new { rev.StandardId, rev.Revision }
            join s in db.Standards on i.StandardId equals s.Id
            join c in db.Categories on i.CategoryId equals c.Id into categories
            from c in categories.DefaultIfEmpty()
            join sec in db.Sections on i.SectionId equals sec.Id into sections
            from sec in sections.DefaultIfEmpty()
            orderby i.Order
            select new
            {
                Item = i,
                rev.Title,
                rev.Question,
                rev.WhyWeAsk,
                rev.HowToCheck,
                s.Code,
                s.AssetKind,
                SectionName = sec == null ? null : sec.Name,
                CategoryName = c == null ? null : c.Name
            }).ToListAsync(ct);
        var evidence = await db.Evidence.Where(x => x.ReviewId == id).GroupBy(x => x.StandardId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var flags = (await db.QuestionFlags.Where(f => f.ReviewId == id).Select(f => f.StandardId).Distinct().ToListAsync(ct)).ToHashSet();
        var items = rows.Select(x => new ReviewItemDetails(x.Item.StandardId, x.Item.Revision, x.Item.Answer, x.Item.Note,
            x.Item.PreviousAnswer, x.Item.PreviousNote, x.Item.PreviousAnsweredOn, x.Item.ChangedSinceLastReview,
            x.Item.Rating, x.Item.RecommendationId, x.Item.AcceptedRiskReason, x.Item.Version, x.Code, x.Title, x.Question,
            x.WhyWeAsk, x.HowToCheck, x.Item.Priority, x.Item.SectionId, x.SectionName ?? ReviewQueries.RemovedSection, x.Item.CategoryId,
            x.CategoryName ?? ReviewQueries.RemovedCategory,
            x.Item.AnsweredBy, evidence.GetValueOrDefault(x.Item.StandardId), flags.Contains(x.Item.StandardId), x.Item.AcceptedException(),
            x.Item.ClientNote, x.AssetKind)).ToList();
        var visitId = await db.Visits.Where(v => v.ReviewId == id).OrderBy(v => v.Date).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        return new ReviewDetails(review.Id, review.ClientId, clientName, review.Title, review.Status, review.AsOf, review.TamUserId,
            review.VcioUserId, review.TamDueOn, review.VcioDueOn, review.Version, items, review.SecondReviewReason, visitId);
    }

    /// <summary>Each item's review interval in months (the category's when the standard sets none), for "why is this due".</summary>
    public async Task<Dictionary<Guid, int>> IntervalsAsync(Guid reviewId, CancellationToken ct) =>
        await (from i in db.ReviewItems.AsNoTracking().Where(i => i.ReviewId == reviewId)
               join s in db.Standards on i.StandardId equals s.Id
               join c in db.Categories on s.CategoryId equals c.Id
               select new { i.StandardId, Interval = s.ReviewIntervalMonths ?? c.ReviewIntervalMonths })
            .ToDictionaryAsync(x => x.StandardId, x => x.Interval, ct);

    public async Task<PagedList<ReviewSummary>> ListAsync(ReviewFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = from r in db.Reviews.AsNoTracking()
                    join c in db.Clients on r.ClientId equals c.Id
                    select new
                    {
                        Review = r,
                        ClientName = c.Name,
                        c.NameSearch
                    };
        if (f.ClientId is { } clientId) query = query.Where(x => x.Review.ClientId == clientId);
        if (ApiEnum.TryParse<ReviewStatus>(f.Status, out var status)) query = query.Where(x => x.Review.Status == status);
        if (!string.IsNullOrWhiteSpace(f.UserId)) query = query.Where(x => x.Review.TamUserId == f.UserId || x.Review.VcioUserId == f.UserId);
        if (!string.IsNullOrWhiteSpace(f.Q)) { var q = f.Q.Trim().ToLowerInvariant(); query = query.Where(x => x.NameSearch.Contains(q)); }
        if (!string.IsNullOrWhiteSpace(f.TamUserId)) query = query.Where(x => x.Review.TamUserId == f.TamUserId);
        if (f.Milestone is { } m)
        {
            var (start, end) = (m.Quarter.StartUtc, m.Quarter.EndUtc);
            query = m.Milestone switch
            {
                ReviewMilestone.Submitted => query.Where(x => x.Review.SubmittedAt >= start && x.Review.SubmittedAt < end),
                ReviewMilestone.Completed => query.Where(x => x.Review.CompletedAt >= start && x.Review.CompletedAt < end),
                _ => query.Where(x => x.Review.DeliveredAt >= start && x.Review.DeliveredAt < end),
            };
        }
        var total = await query.CountAsync(ct);
        query = (f.Sort ?? "-asOf") switch
        {
            "asOf" => query.OrderBy(x => x.Review.AsOf).ThenBy(x => x.Review.Id),
            "client" => query.OrderBy(x => x.NameSearch).ThenByDescending(x => x.Review.AsOf),
            "-client" => query.OrderByDescending(x => x.NameSearch).ThenByDescending(x => x.Review.AsOf),
            "due" => query.OrderBy(x => x.Review.TamDueOn).ThenBy(x => x.Review.Id),
            "-due" => query.OrderByDescending(x => x.Review.TamDueOn).ThenByDescending(x => x.Review.Id),
            _ => query.OrderByDescending(x => x.Review.AsOf).ThenByDescending(x => x.Review.Id),
        };
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var userIds = rows.SelectMany(x => new[] { x.Review.TamUserId, x.Review.VcioUserId }).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var items = rows.Select(x => new ReviewSummary(x.Review.Id, x.Review.ClientId, x.ClientName, x.Review.Title, x.Review.Status,
            x.Review.AsOf, x.Review.TamUserId, x.Review.TamUserId is null ? null : names.GetValueOrDefault(x.Review.TamUserId), x.Review.VcioUserId,
            x.Review.VcioUserId is null ? null : names.GetValueOrDefault(x.Review.VcioUserId), x.Review.TamDueOn, x.Review.VcioDueOn,
            x.Review.ItemCount, x.Review.AnsweredCount, x.Review.CreatedAt)).ToList();
        return new PagedList<ReviewSummary>(items, page, size, total);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>"Contoso review 2 Mar 2026", within the 200 characters of a title even for a client name of 200.</summary>
    private static string DefaultTitle(string clientName, DateOnly asOf)
    {
        var suffix = $" review {asOf.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
        return clientName.Length + suffix.Length <= 200 ? clientName + suffix : clientName[..(200 - suffix.Length)].TrimEnd() + suffix;
    }
}
