using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Standards;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

/// <summary>Writes recommendations: validation, links to findings, status history and the client's decision.</summary>
public sealed class RecommendationService(AppDbContext db, TimeProvider clock, IWebhookOutbox outbox, RecommendationQueries queries,
    Notifications.Notifier notifier)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<RecommendationDetails>> CreateAsync(Guid clientId, RecommendationRequest r, string who, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return Outcome<RecommendationDetails>.Missing();
        var recommendation = new Recommendation { ClientId = clientId, CreatedAt = Now, UpdatedAt = Now };
        if (r.TemplateId is { } templateId)
        {
            var template = await db.RecommendationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct);
            if (template is null) return Outcome<RecommendationDetails>.Invalid("templateId", "There is no recommendation template with that id.");
            (recommendation.Title, recommendation.Summary, recommendation.Priority) = (template.Title, template.Summary, template.Priority);
            (recommendation.OneTimeCost, recommendation.RecurringMonthlyCost, recommendation.LaborHours) = (template.OneTimeCost,
                template.RecurringMonthlyCost, template.LaborHours);
        }
        var errors = await ApplyAsync(recommendation, r, creating: true, ct);
        if (errors.Count > 0) return new(null, errors);
        db.Recommendations.Add(recommendation);
        await RecordStatusAsync(recommendation, null, recommendation.Status, who, r.Comment, ct);
        await LinkFindingsAsync(recommendation, r.FindingIds, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<RecommendationDetails>.Ok((await queries.GetAsync(recommendation.Id, ct))!);
    }

    /// <summary>
    /// A Draft for a finding the vCIO is rating, with its first history line. Only added to the context: the caller's save
    /// writes it together with the rating that links it.
    /// </summary>
    public Recommendation AddDraft(Guid clientId, string title, Priority priority, string who)
    {
        var recommendation = new Recommendation { ClientId = clientId, Title = title, Priority = priority, CreatedAt = Now, UpdatedAt = Now };
        db.Recommendations.Add(recommendation);
        db.Set<RecommendationStatusChange>()
            .Add(new RecommendationStatusChange { RecommendationId = recommendation.Id, To = recommendation.Status, At = Now, By = who });
        return recommendation;
    }

    public async Task<Outcome<RecommendationDetails>> UpdateAsync(Guid id, RecommendationRequest r, string who, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (recommendation is null) return Outcome<RecommendationDetails>.Missing();
        if (r.Version is { } version && version != recommendation.Version)
            return Outcome<RecommendationDetails>.Clash("Someone else changed this recommendation after you opened it. Reload it and apply your change again.",
                await queries.GetAsync(id, ct));
        var before = recommendation.Status;
        var errors = await ApplyAsync(recommendation, r, creating: false, ct);
        if (errors.Count > 0) return new(null, errors);
        await RecordStatusAsync(recommendation, before, recommendation.Status, who, r.Comment, ct);
        if (r.FindingIds is not null) await LinkFindingsAsync(recommendation, r.FindingIds, ct);
        recommendation.UpdatedAt = Now;
        recommendation.Version++;
        await db.SaveChangesAsync(ct);
        return Outcome<RecommendationDetails>.Ok((await queries.GetAsync(id, ct))!);
    }

    public async Task<Outcome<RecommendationDetails>> DecideAsync(Guid id, DecisionRequest r, string who, CancellationToken ct)
    {
        if (!ApiEnum.TryParse<RecommendationStatus>(r.Decision, out var decision)
            || decision is not (RecommendationStatus.Approved or RecommendationStatus.Declined))
            return Outcome<RecommendationDetails>.Invalid("decision", "Record the client's decision as Approved or Declined.");
        if (r.Comment?.Length > 2000) return Outcome<RecommendationDetails>.Invalid("comment", "Keep the comment to 2,000 characters or fewer.");
        return await UpdateAsync(id, new RecommendationRequest(Status: decision.ToString(), Comment: r.Comment), who, ct);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var recommendation = await db.Recommendations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (recommendation is null) return false;
        // Findings and review items keep their rating; they simply no longer point at a recommendation.
        await db.Findings.Where(f => f.RecommendationId == id).ExecuteUpdateAsync(u => u.SetProperty(f => f.RecommendationId, (Guid?)null), ct);
        await db.ReviewItems.Where(i => i.RecommendationId == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.RecommendationId, (Guid?)null), ct);
        db.Recommendations.Remove(recommendation);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Dictionary<string, string[]>> ApplyAsync(Recommendation x, RecommendationRequest r, bool creating, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        if (r.Title is not null || creating)
        {
            var title = r.Title?.Trim() ?? x.Title;
            if (title.Length == 0) Error("title", "Give the recommendation a short title the client will understand.");
            else if (title.Length > 200) Error("title", "Keep the title to 200 characters or fewer.");
            else if (SingleLine.IsBroken(title)) Error("title", SingleLine.Message);
            else x.Title = title;
        }
        if (r.Summary is not null)
        {
            if (r.Summary.Length > 4000) Error("summary", "Keep the summary to 4,000 characters or fewer.");
            else x.Summary = r.Summary.Trim();
        }
        if (r.Priority is not null)
        {
            if (ApiEnum.TryParse<Priority>(r.Priority, out var priority)) x.Priority = priority;
            else Error("priority", "Use High, Medium or Low.");
        }
        if (r.ProjectType is not null)
        {
            if (r.ProjectType.Trim().Length == 0) x.ProjectType = null;
            else if (ApiEnum.TryParse<ProjectType>(r.ProjectType, out var type)) x.ProjectType = type;
            else Error("projectType", ProjectTypes.Choices);
        }
        if (r.OneTimeCost is { } oneTime) { if (MoneyError(oneTime) is { } e) Error("oneTimeCost", e); else x.OneTimeCost = oneTime; }
        if (r.RecurringMonthlyCost is { } monthly)
        {
            if (MoneyError(monthly) is { } e) Error("recurringMonthlyCost", e);
            else x.RecurringMonthlyCost = monthly;
        }
        if (r.LaborHours is { } hours)
        {
            if (hours is < 0 or > 100_000 || decimal.Round(hours, 2) != hours)
                Error("laborHours", "Enter labour hours from 0 to 100,000, with at most two decimals.");
            else x.LaborHours = hours;
        }
        if (r.TargetQuarter is not null)
        {
            if (r.TargetQuarter.Trim().Length == 0) x.Target = null;
            else if (FiscalQuarter.TryParse(r.TargetQuarter, out var quarter)) x.Target = quarter;
            else Error("targetQuarter",
                "Write the fiscal quarter as FY2027-Q1 (the fiscal year is named by the year it ends in), or leave it empty for unscheduled.");
        }
        if (r.Status is not null)
        {
            if (ApiEnum.TryParse<RecommendationStatus>(r.Status, out var status)) x.Status = status;
            else Error("status", "Use Draft, Proposed, Approved, Scheduled, InProgress, Done, Declined or Deferred.");
        }
        if (r.Comment?.Length > 2000) Error("comment", "Keep the comment to 2,000 characters or fewer.");
        if (r.ClearInitiative == true) x.InitiativeId = null;
        else if (r.InitiativeId is { } initiativeId)
        {
            if (await db.Initiatives.AnyAsync(i => i.Id == initiativeId && i.ClientId == x.ClientId, ct)) x.InitiativeId = initiativeId;
            else Error("initiativeId", "That initiative does not exist for this client.");
        }
        if (r.FindingIds is { Count: > 0 } findingIds)
        {
            var distinct = findingIds.Distinct().ToList();
            var known = await db.Findings.CountAsync(f => distinct.Contains(f.Id) && f.ClientId == x.ClientId, ct);
            if (known != distinct.Count) Error("findingIds", "Link only findings of this client.");
        }
        return errors;
    }

    private static string? MoneyError(decimal amount) =>
        amount is < 0 or > 1_000_000_000 ? "Enter an amount from 0 to 1,000,000,000."
        : decimal.Round(amount, 2) != amount ? "Use at most two decimals for money." : null;

    private async Task RecordStatusAsync(Recommendation x, RecommendationStatus? from, RecommendationStatus to, string who,
        string? comment, CancellationToken ct)
    {
        if (from == to && string.IsNullOrWhiteSpace(comment)) return;
        db.Set<RecommendationStatusChange>()
            .Add(new RecommendationStatusChange { RecommendationId = x.Id, From = from, To = to, At = Now, By = who, Comment = comment?.Trim() ?? "" });
        if (from == to) return;
        if (to is RecommendationStatus.Approved or RecommendationStatus.Declined)
            (x.DecidedBy, x.DecidedAt, x.DecisionComment) = (who, Now, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        if (to == RecommendationStatus.Approved)
        {
            // The client's TAM and vCIO plan and deliver the work the client said yes to.
            var people = await db.Clients.AsNoTracking().Where(c => c.Id == x.ClientId)
                .Select(c => new { c.Name, c.TamUserId, c.VcioUserId }).FirstOrDefaultAsync(ct);
            foreach (var person in new[] { people?.TamUserId, people?.VcioUserId }.OfType<string>().Distinct())
                notifier.Add(person, $"\"{x.Title}\" was approved for {people!.Name}.", $"/recommendations/{x.Id}",
                    Notifications.NotificationKind.RecommendationApproved);
            await outbox.EnqueueAsync(new RecommendationApprovedPayload(
                new RecommendationApprovedData(x.Id, x.ClientId, x.Title, x.OneTimeCost, x.RecurringMonthlyCost, x.Target?.ToString(), who)), ct);
        }
    }

    /// <summary>Points the given findings at this recommendation, and lets go of the ones no longer listed.</summary>
    private async Task LinkFindingsAsync(Recommendation x, List<Guid>? findingIds, CancellationToken ct)
    {
        if (findingIds is null) return;
        var wanted = findingIds.ToHashSet();
        var findings = (await db.Findings.Where(f => f.RecommendationId == x.Id || wanted.Contains(f.Id)).ToListAsync(ct))
            .Where(f => f.RecommendationId != (wanted.Contains(f.Id) ? x.Id : null)).ToList();
        if (findings.Count == 0) return;
        // The findings' latest reviews show the same link in their vCIO pass and report: one query for all their items.
        var reviewIds = findings.Select(f => f.LastReviewId).Distinct().ToList();
        var standardIds = findings.Select(f => f.StandardId).Distinct().ToList();
        var items = (await db.ReviewItems.Where(i => reviewIds.Contains(i.ReviewId) && standardIds.Contains(i.StandardId)).ToListAsync(ct))
            .ToDictionary(i => (i.ReviewId, i.StandardId));
        foreach (var finding in findings)
        {
            var linked = wanted.Contains(finding.Id) ? x.Id : (Guid?)null;
            finding.RecommendationId = linked;
            if (linked is not null) finding.AcceptedRiskReason = null;
            if (items.TryGetValue((finding.LastReviewId, finding.StandardId), out var item)) item.RecommendationId = linked;
        }
    }
}
