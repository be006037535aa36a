using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Clients;

/// <summary>The client template: the parts of the library left out for a client, and the risks it accepts for a time (exceptions).</summary>
public sealed class ClientTemplates(AppDbContext db, ClientExceptions exceptions)
{
    public async Task<ClientTemplate> TemplateAsync(Guid clientId, CancellationToken ct)
    {
        var exclusions = await db.ClientExclusions.AsNoTracking().Where(x => x.ClientId == clientId).ToListAsync(ct);
        var stored = await db.ClientExceptions.AsNoTracking().Where(x => x.ClientId == clientId).OrderBy(x => x.ExpiresOn).ToListAsync(ct);
        return new ClientTemplate(
            exclusions.Where(x => x.Scope == TemplateScope.Section).Select(x => x.TargetId).ToList(),
            exclusions.Where(x => x.Scope == TemplateScope.Category).Select(x => x.TargetId).ToList(),
            exclusions.Where(x => x.Scope == TemplateScope.Standard).Select(x => x.TargetId).ToList(),
            stored.Select(ClientExceptions.Details).ToList());
    }

    /// <summary>
    /// Replaces the client's template; unknown ids and incomplete exceptions are refused with the field named. <paramref name="who"/> is
    /// recorded on the exceptions this save adds or changes.
    /// </summary>
    public async Task<Dictionary<string, string[]>> SaveTemplateAsync(Guid clientId, ClientTemplateRequest r, string who, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var sections = (r.ExcludedSectionIds ?? []).Distinct().ToList();
        var categories = (r.ExcludedCategoryIds ?? []).Distinct().ToList();
        var standards = (r.ExcludedStandardIds ?? []).Distinct().ToList();
        var wanted = r.Exceptions ?? [];
        if (wanted.Any(x => x is null))
            return new() { ["exceptions"] = ["An exception in the list is empty: give each one a standardId, a reason and expiresOn."] };
        if (await db.Sections.CountAsync(s => sections.Contains(s.Id), ct) != sections.Count) e["excludedSectionIds"] = ["One of the sections does not exist."];
        if (await db.Categories.CountAsync(c => categories.Contains(c.Id), ct) != categories.Count)
            e["excludedCategoryIds"] = ["One of the categories does not exist."];
        if (await db.Standards.CountAsync(s => standards.Contains(s.Id), ct) != standards.Count)
            e["excludedStandardIds"] = ["One of the standards does not exist."];
        var exceptionIds = wanted.Select(x => x.StandardId).Distinct().ToList();
        if (exceptionIds.Count != wanted.Count) e["exceptions"] = ["List each standard at most once among the exceptions."];
        else if (await db.Standards.CountAsync(s => exceptionIds.Contains(s.Id), ct) != exceptionIds.Count)
            e["exceptions"] = ["One of the exceptions names a standard that does not exist."];
        var kept = await db.ClientExceptions.AsNoTracking().Where(x => x.ClientId == clientId)
            .ToDictionaryAsync(x => x.StandardId, x => x.ExpiresOn, ct);
        foreach (var (x, i) in wanted.Select((x, i) => (x, i)))
            ExceptionRules.Check(x.Reason, x.AcceptedBy, x.ExpiresOn, exceptions.Today, kept.TryGetValue(x.StandardId, out var on) ? on : null,
                new($"exceptions[{i}].reason", $"exceptions[{i}].acceptedBy", $"exceptions[{i}].expiresOn"), e);
        if (e.Count > 0) return e;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ClientExclusions.Where(x => x.ClientId == clientId).ExecuteDeleteAsync(ct);
        db.ClientExclusions.AddRange(sections.Select(id => new ClientExclusion { ClientId = clientId, Scope = TemplateScope.Section, TargetId = id }));
        db.ClientExclusions.AddRange(categories.Select(id => new ClientExclusion { ClientId = clientId, Scope = TemplateScope.Category, TargetId = id }));
        db.ClientExclusions.AddRange(standards.Select(id => new ClientExclusion { ClientId = clientId, Scope = TemplateScope.Standard, TargetId = id }));
        await exceptions.ReplaceAsync(clientId, wanted, who, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return e;
    }
}
