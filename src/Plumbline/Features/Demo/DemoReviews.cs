using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Demo;

/// <summary>
/// Demo clients with a year of quarterly reviews (answered, rated, completed and delivered) and a current review in
/// progress, so findings, scores and trends have something to show. Uses the same services as people do.
/// </summary>
public sealed class DemoReviews(AppDbContext db, ClientService clients, ReviewService reviews, ReviewWorkflow workflow, TimeProvider clock)
{
    private static readonly (string Name, decimal Mrr, int Seats, int Workstations, int Servers, int FiscalStart, double Health)[] Clients =
    [
        ("Acme Explosives", 9000m, 45, 40, 3, 1, 0.80),
        ("Blue Harbor Dental", 4200m, 22, 20, 1, 7, 0.70),
        ("Cedar Valley Credit Union", 14500m, 80, 72, 6, 10, 0.88),
        ("Dunmore Logistics", 6100m, 38, 35, 2, 4, 0.62),
        ("Evergreen Law Partners", 7800m, 30, 28, 2, 1, 0.92),
    ];

    private static readonly string[] NoNotes =
    [
        "Not in place at this site.", "Only partly done: two devices are missing it.", "Out of date since the last visit.",
        "Configured, but nobody checks it.", "The client has no written record of this.",
    ];

    public async Task SeedAsync(string tamUserId, string vcioUserId, CancellationToken ct)
    {
        var random = new Random(2026);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var c in Clients)
        {
            var change = await clients.SaveAsync(null, new ClientRequest(c.Name, "Active", c.Mrr, c.Seats, c.Workstations, c.Servers, 500 * c.Servers,
                null, today.AddYears(-2), today.AddYears(1), "Morgan Sales", tamUserId, vcioUserId, c.FiscalStart, null), ct);
            var clientId = change.Value!.Id;
            var health = c.Health - 0.12;
            for (var quarter = 4; quarter >= 1; quarter--)
            {
                health = Math.Min(0.97, health + 0.04);
                await PastReviewAsync(clientId, today.AddMonths(-3 * quarter), health, random, ct);
            }
            var current = await reviews.CreateAsync(new CreateReviewRequest(clientId, null, tamUserId, vcioUserId, today.AddDays(7),
                today.AddDays(14), today, null), ct);
            await AnswerAsync(current.Value!.Id, health, random, share: 0.4, ct);
        }
    }

    private async Task PastReviewAsync(Guid clientId, DateOnly asOf, double health, Random random, CancellationToken ct)
    {
        var created = await reviews.CreateAsync(new CreateReviewRequest(clientId, null, null, null, asOf, asOf.AddDays(7), asOf, null), ct);
        var id = created.Value!.Id;
        await AnswerAsync(id, health, random, share: 1, ct);
        await workflow.SubmitAsync(id, ct);
        var findings = await db.ReviewItems.Where(i => i.ReviewId == id && i.Answer == Answer.No).Select(i => i.StandardId).ToListAsync(ct);
        foreach (var standardId in findings)
        {
            var rating = random.NextDouble() switch { < 0.45 => Rating.HighlyVulnerable, < 0.85 => Rating.Marginal, _ => Rating.Aligned };
            var request = rating == Rating.Aligned
                ? new RatingRequest(rating.ToString(), null, null, "The client accepts this: the system is being replaced next year.", "Pat Owner",
                    DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(6))
                : new RatingRequest(rating.ToString(), null, null, null);
            await workflow.RateAsync(id, standardId, request, "Val Vcio", ct);
        }
        await workflow.CompleteAsync(id, ct);
        await workflow.DeliverAsync(id, ct);
    }

    /// <summary>Answers a share of the review's questions: mostly Yes as the client gets healthier, a few N/A.</summary>
    private async Task AnswerAsync(Guid reviewId, double health, Random random, double share, CancellationToken ct)
    {
        var items = await db.ReviewItems.Where(i => i.ReviewId == reviewId && i.Answer == null).OrderBy(i => i.Order).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in items.Take((int)Math.Round(items.Count * share)))
        {
            var roll = random.NextDouble();
            item.Answer = roll < 0.05 ? Answer.NotApplicable : roll < 0.05 + health ? Answer.Yes : Answer.No;
            item.Note = item.Answer == Answer.No ? NoNotes[random.Next(NoNotes.Length)] : "";
            item.AnsweredAt = now;
            item.AnsweredBy = "Terry Tam";
            item.Version++;
        }
        var answered = items.Count(i => i.Answer is not null);
        await db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.AnsweredCount, r => r.AnsweredCount + answered)
            .SetProperty(r => r.Status, ReviewStatus.InProgress), ct);
        await db.SaveChangesAsync(ct);
        // The counts above were changed in SQL; forget tracked copies so the workflow reads them fresh.
        db.ChangeTracker.Clear();
    }
}
