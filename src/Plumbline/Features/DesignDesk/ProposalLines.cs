using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>The priced lines of a proposal: adding, changing and removing one (a change after sending makes the next version).</summary>
public sealed class ProposalLines(AppDbContext db, TimeProvider clock, ProposalQueries queries, DeskSettingsService settings)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<LineDetails>> AddLineAsync(Guid id, LineRequest r, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return Outcome<LineDetails>.Missing();
        if (ProposalRules.Closed(proposal) is { } closed) return Outcome<LineDetails>.Clash(closed);
        var e = new Dictionary<string, string[]>();
        var line = new ProposalLine { ProposalId = id, Order = proposal.Lines.Select(l => l.Order).DefaultIfEmpty(0).Max() + 1 };
        if (!ProposalRules.ApplyLine(line, r, await settings.GetAsync(ct), creating: true, "", e)) return Outcome<LineDetails>.Invalid(e);
        db.Set<ProposalLine>().Add(line);
        ProposalRules.Changed(proposal, Now);
        await db.SaveChangesAsync(ct);
        return Outcome<LineDetails>.Ok(ProposalQueries.Line(line));
    }

    public async Task<Outcome<LineDetails>> UpdateLineAsync(Guid id, Guid lineId, LineRequest r, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        var line = proposal?.Lines.FirstOrDefault(l => l.Id == lineId);
        if (proposal is null || line is null) return Outcome<LineDetails>.Missing($"Proposal '{id}' has no line with id '{lineId}'.");
        if (ProposalRules.Closed(proposal) is { } closed) return Outcome<LineDetails>.Clash(closed);
        var e = new Dictionary<string, string[]>();
        if (!ProposalRules.ApplyLine(line, r, await settings.GetAsync(ct), creating: false, "", e)) return Outcome<LineDetails>.Invalid(e);
        ProposalRules.Changed(proposal, Now);
        await db.SaveChangesAsync(ct);
        return Outcome<LineDetails>.Ok(ProposalQueries.Line(line));
    }

    public async Task<Outcome<bool>> DeleteLineAsync(Guid id, Guid lineId, CancellationToken ct)
    {
        var proposal = await queries.WithParts().FirstOrDefaultAsync(p => p.Id == id, ct);
        var line = proposal?.Lines.FirstOrDefault(l => l.Id == lineId);
        if (proposal is null || line is null) return Outcome<bool>.Missing($"Proposal '{id}' has no line with id '{lineId}'.");
        if (ProposalRules.Closed(proposal) is { } closed) return Outcome<bool>.Clash(closed);
        db.Set<ProposalLine>().Remove(line);
        ProposalRules.Changed(proposal, Now);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
