using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>Proposal templates: saving a proposal as one, adding one, listing them and adding the starter templates.</summary>
public sealed class ProposalTemplates(AppDbContext db, TimeProvider clock, ProposalQueries queries, DeskSettingsService settings)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<TemplateDetails>> SaveAsTemplateAsync(Guid id, SaveAsTemplateRequest r, CancellationToken ct)
    {
        var proposal = await queries.WithParts().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<TemplateDetails>.Missing();
        var steps = proposal.Steps.OrderBy(s => s.Order).Select(s => new TemplateStep(s.Order, s.Title, s.Phase, s.Hours)).ToList();
        var lines = proposal.Lines.OrderBy(l => l.Order).Select(l => new TemplateLine(l.Kind, l.Description, l.Vendor, l.PartNumber, l.Quantity,
            l.UnitCost, l.PricingMode, l.PricingPercent, l.Recurring)).ToList();
        return await AddTemplateAsync(r.Name ?? proposal.Title, r.Description, steps, lines, ct);
    }

    public async Task<Outcome<TemplateDetails>> CreateTemplateAsync(TemplateRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var steps = ProposalRules.Steps(r.Steps ?? [], e);
        var desk = await settings.GetAsync(ct);
        var lines = new List<TemplateLine>();
        foreach (var (line, i) in (r.Lines ?? []).Select((l, i) => (l, i)))
        {
            var x = new ProposalLine();
            if (ProposalRules.ApplyLine(x, line, desk, creating: true, $"lines[{i}].", e))
                lines.Add(new TemplateLine(x.Kind, x.Description, x.Vendor, x.PartNumber, x.Quantity, x.UnitCost, x.PricingMode, x.PricingPercent,
                    x.Recurring));
        }
        if (e.Count > 0) return Outcome<TemplateDetails>.Invalid(e);
        return await AddTemplateAsync(r.Name, r.Description, [.. steps.Select(s => new TemplateStep(s.Order, s.Title, s.Phase, s.Hours))], lines, ct);
    }

    private async Task<Outcome<TemplateDetails>> AddTemplateAsync(string? name, string? description, List<TemplateStep> steps, List<TemplateLine> lines,
        CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 200 || SingleLine.IsBroken(name)) e["name"] = ["Name the template on one line, in 200 characters or fewer."];
        if (description?.Length > 2000) e["description"] = ["Keep the description to 2,000 characters or fewer."];
        if (e.Count > 0) return Outcome<TemplateDetails>.Invalid(e);
        var template = new ProposalTemplate
        {
            Name = name,
            Description = description?.Trim() ?? "",
            CreatedAt = Now,
            Steps = JsonSerializer.Serialize(steps, ProposalRules.Json),
            Lines = JsonSerializer.Serialize(lines, ProposalRules.Json),
        };
        db.Set<ProposalTemplate>().Add(template);
        await db.SaveChangesAsync(ct);
        return Outcome<TemplateDetails>.Ok(ProposalRules.Template(template));
    }

    public async Task<List<TemplateDetails>> TemplatesAsync(CancellationToken ct) =>
        [.. (await db.Set<ProposalTemplate>().AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(ProposalRules.Template)];

    /// <summary>Adds the starter templates the provider does not have yet (by name); running it twice adds nothing.</summary>
    public async Task<List<TemplateDetails>> AddStartersAsync(CancellationToken ct)
    {
        var names = await db.Set<ProposalTemplate>().Select(t => t.Name).ToListAsync(ct);
        foreach (var starter in StarterProposalTemplates.All.Where(s => !names.Contains(s.Name)))
            db.Set<ProposalTemplate>().Add(new ProposalTemplate
            {
                Name = starter.Name,
                Description = starter.Description,
                CreatedAt = Now,
                Steps = JsonSerializer.Serialize(starter.Steps, ProposalRules.Json),
                Lines = JsonSerializer.Serialize(starter.Lines, ProposalRules.Json),
            });
        await db.SaveChangesAsync(ct);
        return await TemplatesAsync(ct);
    }
}
