using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

public sealed record VisitItemDetails(Guid Id, VisitItemKind Kind, string Text, bool Done, int Order);

public sealed record VisitItemRequest(string? Kind, string? Text, bool? Done = null);

public sealed record CompleteVisitRequest(string? SummaryNote, Guid? NextVisitId);

/// <summary>The visit's plan and summary: the agenda items, the review of what is due, and completing the day.</summary>
public sealed class VisitDay(AppDbContext db, VisitService visits, ReviewService reviews, IWebhookOutbox webhooks, TimeProvider clock)
{
    public const int MaxItems = 200;

    public async Task<List<VisitItemDetails>> ItemsAsync(Guid visitId, CancellationToken ct) =>
        await db.VisitItems.AsNoTracking().Where(i => i.VisitId == visitId).OrderBy(i => i.Order)
            .Select(i => new VisitItemDetails(i.Id, i.Kind, i.Text, i.Done, i.Order)).ToListAsync(ct);

    public async Task<Outcome<VisitItemDetails>> AddItemAsync(Guid visitId, VisitItemRequest r, CancellationToken ct)
    {
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return Outcome<VisitItemDetails>.Missing();
        if (Invalid(r) is { } invalid) return invalid;
        var count = await db.VisitItems.CountAsync(i => i.VisitId == visitId, ct);
        if (count >= MaxItems) return Outcome<VisitItemDetails>.Clash($"A visit holds at most {MaxItems} items.");
        var order = await db.VisitItems.Where(i => i.VisitId == visitId).MaxAsync(i => (int?)i.Order, ct) ?? 0;
        var item = new VisitItem
        {
            VisitId = visitId,
            Kind = Enum.Parse<VisitItemKind>(r.Kind!, true),
            Text = r.Text!.Trim(),
            Done = r.Done ?? false,
            Order = order + 1
        };
        db.VisitItems.Add(item);
        await db.SaveChangesAsync(ct);
        return Outcome<VisitItemDetails>.Ok(new(item.Id, item.Kind, item.Text, item.Done, item.Order));
    }

    public async Task<Outcome<VisitItemDetails>> UpdateItemAsync(Guid visitId, Guid itemId, VisitItemRequest r, CancellationToken ct)
    {
        var item = await db.VisitItems.FirstOrDefaultAsync(i => i.Id == itemId && i.VisitId == visitId, ct);
        if (item is null) return Outcome<VisitItemDetails>.Missing();
        if (Invalid(r with { Kind = r.Kind ?? item.Kind.ToString(), Text = r.Text ?? item.Text }) is { } invalid) return invalid;
        if (r.Kind is not null) item.Kind = Enum.Parse<VisitItemKind>(r.Kind, true);
        if (r.Text is not null) item.Text = r.Text.Trim();
        if (r.Done is { } done) item.Done = done;
        await db.SaveChangesAsync(ct);
        return Outcome<VisitItemDetails>.Ok(new(item.Id, item.Kind, item.Text, item.Done, item.Order));
    }

    public async Task<bool> RemoveItemAsync(Guid visitId, Guid itemId, CancellationToken ct) =>
        await db.VisitItems.Where(i => i.Id == itemId && i.VisitId == visitId).ExecuteDeleteAsync(ct) > 0;

    private static Outcome<VisitItemDetails>? Invalid(VisitItemRequest r)
    {
        if (!Infrastructure.ApiEnum.TryParse<VisitItemKind>(r.Kind, out _))
            return Outcome<VisitItemDetails>.Invalid("kind", $"Use one of {string.Join(", ", Enum.GetNames<VisitItemKind>())}.");
        if (string.IsNullOrWhiteSpace(r.Text) || r.Text.Trim().Length > 1000)
            return Outcome<VisitItemDetails>.Invalid("text", "Write the item (up to 1,000 characters).");
        return null;
    }

    /// <summary>
    /// Opens the review of what is due for the visit's client on the visit's day, or the one already linked. While the client has another
    /// review in the TAM pass, a new one needs <paramref name="reason"/> (409 naming the open review without it).
    /// </summary>
    public async Task<Outcome<Guid>> OpenReviewAsync(Guid visitId, string? reason, CancellationToken ct)
    {
        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId, ct);
        if (visit is null) return Outcome<Guid>.Missing();
        if (visit.ReviewId is { } existing && await db.Reviews.AnyAsync(r => r.Id == existing, ct)) return Outcome<Guid>.Ok(existing);
        var vcio = await db.Clients.Where(c => c.Id == visit.ClientId).Select(c => c.VcioUserId).FirstOrDefaultAsync(ct);
        var created = await reviews.CreateAsync(new CreateReviewRequest(visit.ClientId, null, visit.TamUserId, vcio, visit.Date, null, visit.Date, null,
            reason), ct);
        if (created.Value is null)
            return new Outcome<Guid>(default, created.Errors, created.Conflict ?? string.Join(" ", (created.Errors ?? []).SelectMany(e => e.Value)),
                created.ConflictBody);
        visit.ReviewId = created.Value.Id;
        visit.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Ok(created.Value.Id);
    }

    /// <summary>Ends the day: the summary note, the next visit confirmed, and the visit.completed event for the PSA.</summary>
    public async Task<Outcome<VisitDetails>> CompleteAsync(Guid visitId, CompleteVisitRequest r, CancellationToken ct)
    {
        if ((r.SummaryNote ?? "").Trim().Length > 4000) return Outcome<VisitDetails>.Invalid("summaryNote", "Keep the summary to 4,000 characters or fewer.");
        Visit? next = null;
        return await visits.ChangeAsync(visitId, null, async visit =>
        {
            if (visit.Date > Today)
                return Outcome<VisitDetails>.Clash($"This visit is on {Infrastructure.Format.Date(visit.Date)}: it can be completed on the day or after.");
            if (r.NextVisitId is { } nextId)
            {
                next = await db.Visits.FirstOrDefaultAsync(v => v.Id == nextId, ct);
                if (next is null || next.ClientId != visit.ClientId || next.Date <= visit.Date || next.Status is VisitStatus.Cancelled or VisitStatus.Completed)
                    return Outcome<VisitDetails>.Invalid("nextVisitId", "Choose a later, open visit of the same client as the next visit.");
                if (next.Status == VisitStatus.Planned)
                {
                    next.Status = VisitStatus.Confirmed;
                    next.Sequence++;
                    next.Version = Guid.NewGuid();
                    next.UpdatedAt = Now;
                }
                visit.NextVisitId = nextId;
            }
            visit.Status = VisitStatus.Completed;
            visit.CompletedAt = Now;
            visit.SummaryNote = (r.SummaryNote ?? "").Trim();
            await webhooks.EnqueueAsync(new VisitCompletedPayload(new VisitCompletedData(visit.Id, visit.ClientId, visit.TamUserId, visit.Date, visit.Onsite,
                visit.ReviewId, visit.NextVisitId, next?.Date)), ct);
            return null;
        }, ct);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
