using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Demo;

/// <summary>
/// Demo clients with a year of quarterly reviews (answered, rated, completed and delivered, each a few days off the quarter as real
/// visits are) and a current review at a different stage for each client, so findings, scores and trends have something to show.
/// Answers carry over from one review to the next: most findings are fixed within a few quarters, a few new ones appear, so findings
/// have different ages. Uses the same services as people do.
/// </summary>
public sealed class DemoReviews(AppDbContext db, ClientService clients, ReviewService reviews, ReviewWorkflow workflow, OnboardingPlan onboarding,
    TimeProvider clock)
{
    /// <summary>The client still onboarding: signed a few months ago, its first reviews ask part of the template.</summary>
    public const string OnboardingClient = "Foxglove Architects";

    /// <summary>The onboarding plan's starting set: where a new client's risk is highest (categories of the starter library).</summary>
    private static readonly string[] StartingCategories = ["Backup", "Multi-Factor Authentication", "Firewalls", "Endpoint Protection"];

    /// <summary>Where a client's current review stands.</summary>
    private enum Stage { Planned, InProgress, Submitted, Completed }

    // Answered: the share of the current review's questions answered. Lag: how many days before today the current visit day was
    // (negative: a visit still to come); the client's past quarterly visits keep the same rhythm.

    private static readonly (string Name, decimal Mrr, int Seats, int Workstations, int Servers, int FiscalStart, double Health, Stage Stage,
        double Answered, int Lag)[] Clients =
    [
        ("Acme Explosives", 9000m, 45, 40, 3, 1, 0.80, Stage.InProgress, 0.35, 0),
        ("Blue Harbor Dental", 4200m, 22, 20, 1, 7, 0.70, Stage.InProgress, 0.8, 2),
        ("Cedar Valley Credit Union", 14500m, 80, 72, 6, 10, 0.88, Stage.Submitted, 1, 5),
        ("Dunmore Logistics", 6100m, 38, 35, 2, 4, 0.62, Stage.Completed, 1, 9),
        ("Evergreen Law Partners", 7800m, 30, 28, 2, 1, 0.92, Stage.Planned, 0, -6),
    ];

    /// <summary>Days each past quarterly visit came before the quarter's date, oldest first: visits drift a few days like real ones.</summary>
    private static readonly int[] Early = [0, 3, 6, 2];

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
                var asOf = Weekday(today.AddMonths(-3 * quarter).AddDays(-c.Lag - Early[4 - quarter]));
                var id = await CreateAsync(clientId, asOf, null, null, ct);
                await AnswerAsync(id, health, random, share: 1, ct);
                await VcioAsync(id, random, rateShare: 1, ct);
                await workflow.CompleteAsync(id, ct);
                await workflow.DeliverAsync(id, ct);
            }
            var visitDay = c.Lag == 0 ? today : Weekday(today.AddDays(-c.Lag));
            var current = await CreateAsync(clientId, visitDay, tamUserId, vcioUserId, ct);
            if (c.Stage == Stage.Planned) continue;
            await AnswerAsync(current, Math.Min(0.97, health + 0.03), random, c.Answered, ct);
            if (c.Stage == Stage.InProgress) continue;
            await VcioAsync(current, random, rateShare: c.Stage == Stage.Completed ? 1 : 0.5, ct);
            if (c.Stage == Stage.Completed) await workflow.CompleteAsync(current, ct);
        }
        await OnboardingAsync(tamUserId, vcioUserId, random, today, ct);
    }

    /// <summary>
    /// A client still onboarding (issue 17): the agreement began three months ago; the onboarding plan starts with the categories where
    /// a new client's risk is highest and adds three more a visit. Its first review (delivered) asked the starting set; the second, under
    /// way, adds the next categories, so the client's page shows how much of the template has been covered.
    /// </summary>
    private async Task OnboardingAsync(string tamUserId, string vcioUserId, Random random, DateOnly today, CancellationToken ct)
    {
        var starting = await db.Categories.AsNoTracking().Where(c => StartingCategories.Contains(c.Name)).Select(c => c.Id).ToListAsync(ct);
        var plan = await onboarding.SaveSettingsAsync(new OnboardingSettingsRequest(starting, 3), ct);
        if (!plan.Succeeded) throw new InvalidOperationException("Demo onboarding plan: " + string.Join("; ", plan.Errors!.SelectMany(e => e.Value)));
        var joined = today.AddMonths(-3);
        var change = await clients.SaveAsync(null, new ClientRequest(OnboardingClient, nameof(ClientStatus.Onboarding), 5200m, 26, 24, 1, 500, null, joined,
            joined.AddYears(3), "Morgan Sales", tamUserId, vcioUserId, 1, null), ct);
        var clientId = change.Value?.Id ?? throw new InvalidOperationException($"Demo onboarding client: {change.Conflict}");
        var first = await CreateAsync(clientId, Weekday(today.AddDays(-52)), tamUserId, vcioUserId, ct);
        await AnswerAsync(first, 0.6, random, share: 1, ct);
        await VcioAsync(first, random, rateShare: 1, ct);
        await workflow.CompleteAsync(first, ct);
        await workflow.DeliverAsync(first, ct);
        // Ten days ago, so its visit keeps clear of the visit the demo has today.
        var second = await CreateAsync(clientId, Weekday(today.AddDays(-10)), tamUserId, vcioUserId, ct);
        await AnswerAsync(second, 0.65, random, share: 0.6, ct);
    }

    /// <summary>A review of what is due on the day, as "Start a review" makes it.</summary>
    private async Task<Guid> CreateAsync(Guid clientId, DateOnly asOf, string? tamUserId, string? vcioUserId, CancellationToken ct)
    {
        var created = await reviews.CreateAsync(new CreateReviewRequest(clientId, null, tamUserId, vcioUserId, asOf.AddDays(7), asOf.AddDays(14), asOf,
            null), ct);
        return created.Value?.Id ?? throw new InvalidOperationException($"Demo review on {asOf}: {created.Conflict}");
    }

    /// <summary>Submits the TAM pass and rates a share of the findings as the vCIO would.</summary>
    private async Task VcioAsync(Guid id, Random random, double rateShare, CancellationToken ct)
    {
        await workflow.SubmitAsync(id, ct);
        var findings = await db.ReviewItems.Where(i => i.ReviewId == id && i.Answer == Answer.No).OrderBy(i => i.Order).Select(i => i.StandardId)
            .ToListAsync(ct);
        foreach (var standardId in findings.Take((int)Math.Ceiling(findings.Count * rateShare)))
        {
            var rating = random.NextDouble() switch { < 0.45 => Rating.HighlyVulnerable, < 0.85 => Rating.Marginal, _ => Rating.Aligned };
            var request = rating == Rating.Aligned
                ? new RatingRequest(rating.ToString(), null, null, "The client accepts this: the system is being replaced next year.", "Pat Owner",
                    DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(6))
                : new RatingRequest(rating.ToString(), null, null, null);
            await workflow.RateAsync(id, standardId, request, "Val Vcio", ct);
        }
    }

    /// <summary>
    /// Answers a share of the review's questions. A question asked before mostly keeps its answer: a No is fixed more often than
    /// not, and a Yes sometimes slips (less often as the client gets healthier). A question asked for the first time is mostly Yes,
    /// with a few N/A.
    /// </summary>
    private async Task AnswerAsync(Guid reviewId, double health, Random random, double share, CancellationToken ct)
    {
        var items = await db.ReviewItems.Where(i => i.ReviewId == reviewId && i.Answer == null).OrderBy(i => i.Order).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in items.Take((int)Math.Round(items.Count * share)))
        {
            var roll = random.NextDouble();
            item.Answer = item.PreviousAnswer switch
            {
                Answer.No => roll < 0.4 ? Answer.No : Answer.Yes,
                Answer.Yes => roll < (1 - health) * 0.3 ? Answer.No : Answer.Yes,
                Answer.NotApplicable => Answer.NotApplicable,
                _ => roll < 0.05 ? Answer.NotApplicable : roll < 0.05 + health ? Answer.Yes : Answer.No,
            };
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

    /// <summary>The day itself, or the Friday before when it falls on a weekend.</summary>
    private static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };
}
