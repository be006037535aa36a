using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

/// <summary>Initiatives (a client's themes) and the provider's recommendation templates.</summary>
public sealed partial class InitiativeService(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<InitiativeDetails>> SaveInitiativeAsync(Guid clientId, Guid? id, InitiativeRequest r, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return Outcome<InitiativeDetails>.Missing();
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["Name the initiative, for example \"Security uplift\"."];
        else if (name.Length > 100) errors["name"] = ["Keep the name to 100 characters or fewer."];
        else if (await db.Initiatives.AnyAsync(i => i.ClientId == clientId && i.Id != id && i.Name.ToLower() == name.ToLower(), ct))
            errors["name"] = ["This client already has an initiative with that name."];
        SingleLine.Check(name, "name", errors);
        var color = string.IsNullOrWhiteSpace(r.Color) ? "#1f5f8b" : r.Color.Trim();
        if (!Colour().IsMatch(color)) errors["color"] = ["Use a colour like #1f5f8b."];
        if (r.Description?.Length > 2000) errors["description"] = ["Keep the description to 2,000 characters or fewer."];
        if (errors.Count > 0) return new(null, errors);

        Initiative? initiative;
        if (id is { } existing)
        {
            initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == existing && i.ClientId == clientId, ct);
            if (initiative is null) return Outcome<InitiativeDetails>.Missing();
        }
        else db.Initiatives.Add(initiative = new Initiative { ClientId = clientId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        (initiative.Name, initiative.Color, initiative.Description) = (name, color.ToLowerInvariant(), r.Description?.Trim() ?? "");
        await db.SaveChangesAsync(ct);
        return Outcome<InitiativeDetails>.Ok(new(initiative.Id, clientId, initiative.Name, initiative.Color, initiative.Description));
    }

    /// <summary>Removing a theme leaves its recommendations in place, ungrouped.</summary>
    public async Task<bool> DeleteInitiativeAsync(Guid id, CancellationToken ct)
    {
        var initiative = await db.Initiatives.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null) return false;
        await db.Recommendations.Where(r => r.InitiativeId == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.InitiativeId, (Guid?)null), ct);
        db.Initiatives.Remove(initiative);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<List<TemplateDetails>> TemplatesAsync(string? q, CancellationToken ct)
    {
        var query = db.RecommendationTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLower();
            query = query.Where(t => t.Title.ToLower().Contains(text) || t.Summary.ToLower().Contains(text));
        }
        return await Details(query.OrderBy(t => t.Title)).ToListAsync(ct);
    }

    public Task<TemplateDetails?> TemplateAsync(Guid id, CancellationToken ct) =>
        Details(db.RecommendationTemplates.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(ct);

    private static IQueryable<TemplateDetails> Details(IQueryable<RecommendationTemplate> templates) =>
        templates.Select(t => new TemplateDetails(t.Id, t.Title, t.Summary, t.Priority, t.OneTimeCost, t.RecurringMonthlyCost, t.LaborHours));

    public async Task<Outcome<TemplateDetails>> SaveTemplateAsync(Guid? id, TemplateRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var title = r.Title?.Trim() ?? "";
        if (title.Length is 0 or > 200) errors["title"] = ["Give the template a title of up to 200 characters."];
        SingleLine.Check(title, "title", errors);
        if (r.Summary?.Length > 4000) errors["summary"] = ["Keep the summary to 4,000 characters or fewer."];
        var priority = Priority.Medium;
        if (r.Priority is not null && !ApiEnum.TryParse(r.Priority, out priority)) errors["priority"] = ["Use High, Medium or Low."];
        foreach (var (field, value) in new[] { ("oneTimeCost", r.OneTimeCost), ("recurringMonthlyCost", r.RecurringMonthlyCost), ("laborHours", r.LaborHours) })
            if (value is { } v && (v < 0 || v > 1_000_000_000 || decimal.Round(v, 2) != v))
                errors[field] = ["Enter a number from 0 with at most two decimals."];
        if (errors.Count > 0) return new(null, errors);

        RecommendationTemplate? template;
        if (id is { } existing)
        {
            template = await db.RecommendationTemplates.FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (template is null) return Outcome<TemplateDetails>.Missing();
        }
        else db.RecommendationTemplates.Add(template = new RecommendationTemplate { CreatedAt = clock.GetUtcNow().UtcDateTime });
        (template.Title, template.Summary, template.Priority) = (title, r.Summary?.Trim() ?? "", priority);
        (template.OneTimeCost, template.RecurringMonthlyCost, template.LaborHours) = (r.OneTimeCost ?? 0, r.RecurringMonthlyCost ?? 0, r.LaborHours ?? 0);
        await db.SaveChangesAsync(ct);
        return Outcome<TemplateDetails>.Ok(new(template.Id, template.Title, template.Summary, template.Priority, template.OneTimeCost,
            template.RecurringMonthlyCost, template.LaborHours));
    }

    /// <summary>Adds the starter templates whose titles are not in the library yet; returns how many were added.</summary>
    public async Task<int> AddStarterTemplatesAsync(CancellationToken ct)
    {
        var existing = (await db.RecommendationTemplates.Select(t => t.Title).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var t in StarterTemplates.All.Where(t => !existing.Contains(t.Title)))
        {
            db.RecommendationTemplates.Add(new RecommendationTemplate
            {
                Title = t.Title,
                Summary = t.Summary,
                Priority = Enum.Parse<Priority>(t.Priority),
                OneTimeCost = t.OneTime,
                RecurringMonthlyCost = t.Monthly,
                LaborHours = t.Hours,
                CreatedAt = now,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task<bool> DeleteTemplateAsync(Guid id, CancellationToken ct)
    {
        var template = await db.RecommendationTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return false;
        db.RecommendationTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return true;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();
}
