using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Features.SmartNumbers;

namespace Plumbline.Features.Meetings;

/// <summary>
/// Builds a meeting's agenda from the data (issue 17): a debrief's from its review, a strategy meeting's from the client's roadmap and
/// smart numbers. Other kinds keep the agenda people write.
/// </summary>
public sealed class MeetingAgendaBuilder(AppDbContext db, MetricsService metrics)
{
    /// <summary>How many months of RHEM the strategy meeting's trend shows.</summary>
    public const int RhemMonths = 6;

    public async Task<List<MeetingAgendaItem>> BuildAsync(Meeting meeting, CancellationToken ct) => meeting switch
    {
        { Kind: MeetingKind.TamVcioDebrief, ReviewId: { } reviewId } => await DebriefAsync(db, reviewId, ct),
        { Kind: MeetingKind.ClientStrategy, ClientId: { } clientId } => await StrategyAsync(clientId, meeting.Date, ct),
        _ => meeting.Agenda,
    };

    /// <summary>
    /// What got worse since the client's previous review first, then the other No answers (most important first, grouped by category),
    /// the questions flagged on the review, and the hand-offs the review or its visit raised.
    /// </summary>
    public static async Task<List<MeetingAgendaItem>> DebriefAsync(AppDbContext db, Guid reviewId, CancellationToken ct)
    {
        var noes = await (from i in db.ReviewItems.AsNoTracking()
                          join s in db.Standards on i.StandardId equals s.Id
                          join c in db.Categories on i.CategoryId equals c.Id
                          where i.ReviewId == reviewId && i.Answer == Answer.No && i.ExceptionExpiresOn == null
                          select new { i.StandardId, i.Priority, Category = c.Name, CategoryOrder = c.Order, s.Title, i.PreviousAnswer, i.PreviousAnsweredOn })
            .ToListAsync(ct);
        var items = new List<MeetingAgendaItem>();
        foreach (var n in noes.Where(n => n.PreviousAnswer == Answer.Yes).OrderBy(n => n.Priority).ThenBy(n => n.CategoryOrder).ThenBy(n => n.Title))
            items.Add(new($"Worse since {(n.PreviousAnsweredOn is { } on ? Infrastructure.Format.Date(on) : "the last review")}: {n.Title} " +
                $"({n.Category}, {n.Priority} priority)", MeetingAgendaSource.Worsened, n.StandardId));
        foreach (var n in noes.Where(n => n.PreviousAnswer != Answer.Yes).OrderBy(n => n.Priority).ThenBy(n => n.CategoryOrder).ThenBy(n => n.Category)
                     .ThenBy(n => n.Title))
            items.Add(new($"{n.Priority} · {n.Category}: {n.Title}", MeetingAgendaSource.NoAnswer, n.StandardId));

        var flags = await (from f in db.QuestionFlags.AsNoTracking()
                           join s in db.Standards on f.StandardId equals s.Id
                           where f.ReviewId == reviewId && !f.Closed
                           orderby s.Title
                           select new { f.StandardId, f.Reason, s.Title }).ToListAsync(ct);
        foreach (var f in flags.DistinctBy(f => (f.StandardId, f.Reason)))
            items.Add(new($"Flagged as {(f.Reason == FlagReason.Unclear ? "unclear" : "not valuable")}: {f.Title}", MeetingAgendaSource.Flag, f.StandardId));

        var visitIds = await db.Visits.AsNoTracking().Where(v => v.ReviewId == reviewId).Select(v => v.Id).ToListAsync(ct);
        var handoffs = await db.Handoffs.AsNoTracking()
            .Where(h => h.ReviewId == reviewId || (h.VisitId != null && visitIds.Contains(h.VisitId.Value)))
            .OrderBy(h => h.Priority).ThenBy(h => h.CreatedAt).Select(h => new { h.Id, h.Title, h.Area, h.Status }).ToListAsync(ct);
        foreach (var h in handoffs)
            items.Add(new($"Hand-off to {Infrastructure.Words.Of(h.Area)}: {h.Title} ({Infrastructure.Words.Of(h.Status).ToLowerInvariant()})",
                MeetingAgendaSource.Handoff, h.Id));
        return items;
    }

    /// <summary>
    /// The recommendations waiting for the client's approval, those planned for the meeting's fiscal quarter, the year's budget and,
    /// where the client has smart numbers, the RHEM trend of the last months.
    /// </summary>
    public async Task<List<MeetingAgendaItem>> StrategyAsync(Guid clientId, DateOnly date, CancellationToken ct)
    {
        var fiscalStart = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.FiscalYearStartMonth).FirstAsync(ct);
        var quarter = FiscalQuarter.Containing(date, fiscalStart);
        var roadmap = await db.Recommendations.AsNoTracking()
            .Where(r => r.ClientId == clientId && r.Status != RecommendationStatus.Draft
                && (r.Status == RecommendationStatus.Proposed || r.TargetFiscalYear == quarter.Year))
            .Select(r => new { r.Id, r.Title, r.Priority, r.Status, r.TargetFiscalYear, r.TargetQuarter, r.OneTimeCost, r.RecurringMonthlyCost })
            .ToListAsync(ct);
        var items = new List<MeetingAgendaItem>();
        foreach (var r in roadmap.Where(r => r.Status == RecommendationStatus.Proposed).OrderBy(r => r.Priority).ThenBy(r => r.Title))
            items.Add(new($"For approval: {r.Title} ({Money(r.OneTimeCost)} one-time, {Money(r.RecurringMonthlyCost)} a month)",
                MeetingAgendaSource.ApprovalDue, r.Id));
        foreach (var r in roadmap.Where(r => r.TargetFiscalYear == quarter.Year && r.TargetQuarter == quarter.Quarter
                     && r.Status is RecommendationStatus.Approved or RecommendationStatus.Scheduled or RecommendationStatus.InProgress)
                     .OrderBy(r => r.Priority).ThenBy(r => r.Title))
            items.Add(new($"{quarter}: {r.Title} ({Infrastructure.Words.Of(r.Status).ToLowerInvariant()})", MeetingAgendaSource.ThisQuarter, r.Id));

        var year = roadmap.Where(r => r.TargetFiscalYear == quarter.Year
            && r.Status is not (RecommendationStatus.Declined or RecommendationStatus.Deferred or RecommendationStatus.Proposed)).ToList();
        var waiting = roadmap.Where(r => r.TargetFiscalYear == quarter.Year && r.Status == RecommendationStatus.Proposed).ToList();
        items.Add(new($"Budget FY{quarter.Year}: {Money(year.Sum(r => r.OneTimeCost))} one-time and {Money(year.Sum(r => r.RecurringMonthlyCost))} " +
            $"a month approved ({year.Count} item{(year.Count == 1 ? "" : "s")}); {Money(waiting.Sum(r => r.OneTimeCost))} one-time waiting for approval",
            MeetingAgendaSource.Budget));

        var from = new DateOnly(date.Year, date.Month, 1).AddMonths(-RhemMonths);
        var to = new DateOnly(date.Year, date.Month, 1).AddDays(-1);
        if (await db.ClientMonthTotals.AnyAsync(t => t.ClientId == clientId && t.Month >= from && t.Month <= to, ct))
        {
            var months = (await metrics.ClientMonthsAsync(clientId, from, to, ct)).Where(m => m.Rhem is not null).ToList();
            if (months.Count > 0)
                items.Add(new("RHEM trend: " + string.Join(", ",
                        months.Select(m => $"{m.Month} {m.Rhem!.Value.ToString("0.00", CultureInfo.InvariantCulture)}")),
                    MeetingAgendaSource.RhemTrend));
        }
        return items;
    }

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);
}
