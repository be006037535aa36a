using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <summary>Scores, findings and comparisons: read-only views over reviews.</summary>
public sealed class ReviewQueries(AppDbContext db, ProviderSettingsService settings, TimeProvider clock)
{
    // A review pins each item's section and category; the library may move or delete them afterwards.
    internal const string RemovedSection = "(section removed from the library)";
    internal const string RemovedCategory = "(category removed from the library)";

    public async Task<ScoreDetails?> ScoreAsync(Guid reviewId, CancellationToken ct)
    {
        if (!await db.Reviews.AnyAsync(r => r.Id == reviewId, ct)) return null;
        var weights = (await settings.GetAsync(ct)).Weights;
        var items = await (
            from i in db.ReviewItems.AsNoTracking().Where(i => i.ReviewId == reviewId)
            join s in db.Standards on i.StandardId equals s.Id
            join rev in db.StandardRevisions on new { i.StandardId, i.Revision } equals new { rev.StandardId, rev.Revision }
            orderby i.Order
            select new
            {
                i.StandardId,
                i.SectionId,
                i.CategoryId,
                i.Priority,
                i.Answer,
                i.Rating,
                s.Code,
                rev.Title,
                Excepted = i.ExceptionExpiresOn != null
            }).ToListAsync(ct);
        var result = AlignmentScore.Compute(
            items.Select(i => new ScoreInput(i.StandardId, i.SectionId, i.CategoryId, i.Priority, i.Answer, i.Rating, i.Excepted)).ToList(), weights);
        var sectionIds = result.BySection.Select(s => s.Id).ToList();
        var categoryIds = result.ByCategory.Select(c => c.Id).ToList();
        var sections = await db.Sections.Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var categories = await db.Categories.Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var byId = items.ToDictionary(i => i.StandardId);
        var sectionOf = result.Breakdown.GroupBy(l => l.CategoryId).ToDictionary(g => g.Key, g => g.First().SectionId);
        int SectionOrder(Guid id) => sections.TryGetValue(id, out var s) ? s.Order : int.MaxValue;
        return new ScoreDetails(result.Score, result.Provisional, result.Completion,
            result.BySection.OrderBy(s => SectionOrder(s.Id))
                .Select(s => new SectionScore(s.Id, sections.GetValueOrDefault(s.Id)?.Name ?? RemovedSection, s.Score)).ToList(),
            result.ByCategory.OrderBy(c => SectionOrder(sectionOf[c.Id])).ThenBy(c => categories.GetValueOrDefault(c.Id)?.Order ?? int.MaxValue)
                .Select(c => new CategoryScore(c.Id, categories.GetValueOrDefault(c.Id)?.Name ?? RemovedCategory, c.Score)).ToList(),
            result.Breakdown.Select(l => new BreakdownLine(l.StandardId, byId[l.StandardId].Code, byId[l.StandardId].Title, l.Weight, l.Value,
                byId[l.StandardId].Answer, byId[l.StandardId].Rating)).ToList());
    }

    public async Task<PagedList<FindingDetails>> FindingsAsync(Guid clientId, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = from f in db.Findings.AsNoTracking().Where(f => f.ClientId == clientId)
                    join s in db.Standards on f.StandardId equals s.Id
                    select new { Finding = f, s.Code, s.Title, s.Question, s.Priority };
        query = status?.ToLowerInvariant() switch
        {
            "resolved" => query.Where(x => x.Finding.ResolvedOn != null),
            "all" => query,
            _ => query.Where(x => x.Finding.ResolvedOn == null),
        };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.Finding.OpenedOn).ThenBy(x => x.Code).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var items = rows.Select(x => new FindingDetails(x.Finding.Id, x.Finding.StandardId, x.Code, x.Title, x.Question, x.Finding.OpenedOn,
            x.Finding.LastSeenOn, x.Finding.ResolvedOn, Math.Max(0, (x.Finding.ResolvedOn ?? today).DayNumber - x.Finding.OpenedOn.DayNumber),
            x.Finding.Rating, x.Finding.RecommendationId, x.Finding.AcceptedRiskReason,
            x.Finding.ResolvedOn is null ? FindingStatus.Open : FindingStatus.Resolved, x.Finding.LastReviewId)).ToList();
        return new PagedList<FindingDetails>(items, p, size, total);
    }

    /// <summary>Every answer of the given standards in the client's reviews, newest first (bounded by the standards asked for).</summary>
    public async Task<Dictionary<Guid, List<AnswerHistoryLine>>> HistoryAsync(Guid clientId, IReadOnlyCollection<Guid> standardIds, CancellationToken ct)
    {
        var rows = await (from i in db.ReviewItems.AsNoTracking().Where(i => i.ClientId == clientId && standardIds.Contains(i.StandardId))
                          join r in db.Reviews on i.ReviewId equals r.Id
                          select new { i.StandardId, i.ReviewId, r.Title, i.AsOf, r.Status, r.CreatedAt, i.Answer, i.Note, i.Rating, i.AnsweredBy })
                              .ToListAsync(ct);
        return rows.OrderByDescending(x => x.AsOf).ThenByDescending(x => x.CreatedAt)
            .Select(x => new AnswerHistoryLine(x.StandardId, x.ReviewId, x.Title, x.AsOf, x.Status, x.Answer, x.Note, x.Rating, x.AnsweredBy))
            .GroupBy(x => x.StandardId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>What each standard answered in the two reviews, and whether that is better, worse or the same.</summary>
    public async Task<List<CompareLine>?> CompareAsync(Guid fromId, Guid toId, CancellationToken ct)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.Id == fromId || r.Id == toId).ToListAsync(ct);
        if (reviews.Count != (fromId == toId ? 1 : 2) || reviews.Select(r => r.ClientId).Distinct().Count() != 1) return null;
        var rows = await (from i in db.ReviewItems.AsNoTracking().Where(i => i.ReviewId == fromId || i.ReviewId == toId)
                          join s in db.Standards on i.StandardId equals s.Id
                          select new { i.ReviewId, i.StandardId, i.Answer, i.Rating, s.Code, s.Title }).ToListAsync(ct);
        return rows.GroupBy(r => r.StandardId).Select(g =>
        {
            var before = g.FirstOrDefault(x => x.ReviewId == fromId);
            var after = g.FirstOrDefault(x => x.ReviewId == toId);
            var b = before is null ? null : AlignmentScore.ValueOf(before.Answer, before.Rating);
            var a = after is null ? null : AlignmentScore.ValueOf(after.Answer, after.Rating);
            var change = before is null ? AnswerChange.Added : after is null ? AnswerChange.Removed
                : after.Answer is null ? AnswerChange.Unanswered : Applicability(before.Answer, after.Answer.Value) ?? Change(b, a);
            var first = before ?? after!;
            return new CompareLine(g.Key, first.Code, first.Title, Describe(before?.Answer, before?.Rating), Describe(after?.Answer, after?.Rating), change);
        }).OrderBy(l => ListingOrder(l.Change)).ThenBy(l => l.Code).ToList();
    }

    /// <summary>Regressions first, then improvements, other changes and changes of applicability; unanswered and unchanged lines last.</summary>
    private static int ListingOrder(AnswerChange change) => change switch
    {
        AnswerChange.Regressed => 0,
        AnswerChange.Improved => 1,
        AnswerChange.Changed => 2,
        AnswerChange.NewlyApplicable => 3,
        AnswerChange.NowNotApplicable => 4,
        AnswerChange.Added => 5,
        AnswerChange.Removed => 6,
        _ => 7,
    };

    /// <summary>N/A on one side (or both) says whether the standard applies, not whether the client is better or worse aligned.</summary>
    private static AnswerChange? Applicability(Answer? before, Answer after) => (before, after) switch
    {
        (Answer.NotApplicable, Answer.NotApplicable) => AnswerChange.Unchanged,
        (_, Answer.NotApplicable) => AnswerChange.NowNotApplicable,
        (Answer.NotApplicable, _) => AnswerChange.NewlyApplicable,
        _ => null,
    };

    private static AnswerChange Change(decimal? before, decimal? after)
    {
        if (before is null || after is null) return before == after ? AnswerChange.Unchanged : AnswerChange.Changed;
        return after > before ? AnswerChange.Improved : after < before ? AnswerChange.Regressed : AnswerChange.Unchanged;
    }

    private static string? Describe(Answer? answer, Rating? rating) => answer switch
    {
        null => null,
        Answer.No when rating is { } r => $"No ({r})",
        _ => answer.ToString(),
    };

    public async Task<PagedList<FlagDetails>> FlagsAsync(string status, Guid? standardId, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = db.QuestionFlags.AsNoTracking();
        if (status == "open") query = query.Where(f => !f.Closed);
        else if (status == "closed") query = query.Where(f => f.Closed);
        if (standardId is { } id) query = query.Where(f => f.StandardId == id);
        var total = await query.CountAsync(ct);
        var rows = await (from f in query.OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id).Skip((p - 1) * size).Take(size)
                          join s in db.Standards on f.StandardId equals s.Id
                          select new { Flag = f, s.Code }).ToListAsync(ct);
        return new PagedList<FlagDetails>(rows.Select(r => ToFlag(r.Flag, r.Code)).ToList(), p, size, total);
    }

    public async Task<FlagDetails?> FlagAsync(Guid id, CancellationToken ct)
    {
        var row = await (from f in db.QuestionFlags.AsNoTracking().Where(f => f.Id == id)
                         join s in db.Standards on f.StandardId equals s.Id
                         select new { Flag = f, s.Code }).FirstOrDefaultAsync(ct);
        return row is null ? null : ToFlag(row.Flag, row.Code);
    }

    private static FlagDetails ToFlag(QuestionFlag f, string code) =>
        new(f.Id, f.ReviewId, f.StandardId, code, f.Revision, f.Reason, f.Comment, f.CreatedAt, f.CreatedBy, f.Closed);
}
