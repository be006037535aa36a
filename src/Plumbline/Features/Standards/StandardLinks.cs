using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Standards;

/// <summary>
/// A standard's links to others (ADR-026): related standards that check the same control, always listed on both sides, and the
/// standard that replaces a retired one. The editor, the API and an approved proposal all set them through here.
/// </summary>
public sealed class StandardLinks(AppDbContext db)
{
    /// <summary>Field errors for the links of a request: unknown standards, links to itself, a replacement on a standard that is not retired.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(StandardRequest request, Guid self, StandardStatus status, Guid? currentReplacedBy,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.RelatedStandardIds is { } related)
        {
            var ids = related.Distinct().ToList();
            var known = await db.Standards.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
            if (ids.Contains(self)) errors["relatedStandardIds"] = ["A standard cannot be related to itself. Leave its own id out of the list."];
            else if (ids.Except(known).ToList() is { Count: > 0 } unknown)
                errors["relatedStandardIds"] = [$"There is no standard with id {string.Join(", ", unknown)}. Choose standards from the library."];
            else if (ids.Count > MaxRelated) errors["relatedStandardIds"] = [$"Link at most {MaxRelated} related standards."];
        }
        if (request.ReplacedByStandardId is { } by && by != Guid.Empty && by != currentReplacedBy)
        {
            var target = await db.Standards.Where(s => s.Id == by).Select(s => new { s.Code, s.Status }).FirstOrDefaultAsync(ct);
            if (by == self) errors["replacedByStandardId"] = ["A standard cannot replace itself. Choose the standard that now checks this control."];
            else if (target is null) errors["replacedByStandardId"] = [$"There is no standard with id {by}. Choose the standard that replaces this one."];
            else if (status != StandardStatus.Retired)
                errors["replacedByStandardId"] =
                    ["Only a retired standard points to the standard that replaces it. Retire this one, or leave the field empty."];
            else if (target.Status != StandardStatus.Active)
                errors["replacedByStandardId"] = [$"{target.Code} is not active. Point at the standard that is in use now."];
        }
        return errors;
    }

    /// <summary>A standard lists at most this many related standards.</summary>
    public const int MaxRelated = 20;

    /// <summary>
    /// Sets a standard's related standards and keeps the links symmetric: each newly linked standard lists this one, each
    /// unlinked one drops it. Null leaves the links as they are. Nothing is saved here.
    /// </summary>
    public async Task LinkAsync(Standard standard, List<Guid>? related, CancellationToken ct)
    {
        if (related is null) return;
        var wanted = related.Distinct().Where(id => id != standard.Id).ToList();
        var touched = standard.RelatedStandardIds.Union(wanted).ToList();
        var others = await db.Standards.Where(s => touched.Contains(s.Id)).ToListAsync(ct);
        foreach (var other in others)
        {
            var linked = wanted.Contains(other.Id);
            if (linked && !other.RelatedStandardIds.Contains(standard.Id)) other.RelatedStandardIds = [.. other.RelatedStandardIds, standard.Id];
            else if (!linked && other.RelatedStandardIds.Contains(standard.Id))
                other.RelatedStandardIds = other.RelatedStandardIds.Where(id => id != standard.Id).ToList();
        }
        standard.RelatedStandardIds = wanted.Where(id => others.Any(o => o.Id == id)).ToList();
    }
}
