using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Library;

public enum ImportMode
{
    /// <summary>A provider's file: create new standards, update changed ones.</summary>
    File,
    /// <summary>The starter library: add new standards, update only those the provider has not edited, never delete.</summary>
    Starter,
}

/// <summary>Applies a library document all-or-nothing: every row is checked first, and one bad row changes nothing.</summary>
public sealed class LibraryImporter(AppDbContext db, LibraryService library, TimeProvider clock)
{
    public const string BusyMessage = "Another library import is running right now. Nothing was changed: import the file again when it "
        + "has finished, and the standards it already added are kept as they are.";

    /// <summary>
    /// Applies the document, or returns null for a provider's file while another import runs (two at once would both create
    /// the same new standards). The starter library waits for its turn instead.
    /// </summary>
    public async Task<ImportReport?> ImportAsync(LibraryDocument doc, ImportMode mode, List<ImportRowResult> problems, CancellationToken ct)
    {
        using var trace = Operations.PlumblineTelemetry.StartImport("library");
        var rows = new List<ImportRowResult>(problems);
        var checkedStandards = Check(doc, rows);
        await CheckLinksAsync(checkedStandards, rows, ct);
        if (rows.Any(r => r.Outcome == ImportOutcome.Invalid))
        {
            trace.Rows(0, rows.Count);
            return ImportReport.From(false, rows);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var report = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = mode == ImportMode.Starter ? await WriteTurns.TakeAsync(db, WriteTurn.LibraryImport, 0, ct)
                : await WriteTurns.TryTakeAsync(db, WriteTurn.LibraryImport, 0, ct);
            if (tx is null) return null;
            var categories = await UpsertStructureAsync(doc, mode, ct);
            var codes = checkedStandards.Select(c => c.Valid.Code).ToList();
            var existing = await db.Standards.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var retiring = new List<(Checked Item, Standard Standard)>();
            foreach (var item in checkedStandards)
            {
                var (row, category, valid) = (item.Row, item.Category, item.Valid);
                var v = valid with { CategoryId = categories[category] };
                var retiredByStarter = mode == ImportMode.Starter && v.Status == StandardStatus.Retired;
                if (!existing.ContainsKey(v.Code) && retiredByStarter)
                {
                    // A fresh library has no use for the starter library's merged duplicates.
                    rows.Add(new(row, v.Code, ImportOutcome.Skipped, "Retired in the starter library, so it was not added."));
                    continue;
                }
                if (!existing.TryGetValue(v.Code, out var standard))
                {
                    standard = new Standard { CreatedAt = now, UpdatedAt = now };
                    LibraryService.Apply(standard, v);
                    standard.ScheduleFirstReview(now);
                    if (mode == ImportMode.Starter) standard.StarterHash = ContentHash(standard);
                    db.Standards.Add(standard);
                    db.StandardRevisions.Add(StandardRevision.Of(standard, now, "import"));
                    rows.Add(new(row, v.Code, ImportOutcome.Created, null));
                    continue;
                }
                var incoming = new Standard { Id = standard.Id };
                LibraryService.Apply(incoming, v);
                var current = ContentHash(standard);
                if (current == ContentHash(incoming) && standard.CategoryId == v.CategoryId)
                {
                    // The asset kind is not content (changing it makes no revision): a file sets it; the starter library only fills a gap.
                    if (v.SetsAssetKind && standard.AssetKind != v.AssetKind && (mode == ImportMode.File || standard.AssetKind is null))
                    {
                        standard.AssetKind = v.AssetKind;
                        rows.Add(new(row, v.Code, ImportOutcome.Updated, "Only the kind of asset it is about changed."));
                    }
                    else rows.Add(new(row, v.Code, ImportOutcome.Skipped, "Already the same in the library."));
                }
                else if (mode == ImportMode.Starter && standard.StarterHash != current)
                    rows.Add(new(row, v.Code, ImportOutcome.Skipped, "Edited by your team, so the starter library's version was not applied."));
                else
                {
                    var retires = retiredByStarter && standard.Status != StandardStatus.Retired;
                    await library.ApplyEditAsync(standard, v, ct);
                    if (mode == ImportMode.Starter) standard.StarterHash = ContentHash(standard);
                    if (retires) retiring.Add((item, standard));
                    else rows.Add(new(row, v.Code, ImportOutcome.Updated, null));
                }
            }
            await LinkAsync(checkedStandards, existing, retiring, rows, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (ImportReport?)ImportReport.From(true, rows);
        });
        if (report is not null) trace.Rows(report.Created + report.Updated, report.Skipped);
        return report;
    }

    private sealed record Checked(int Row, (string Section, string Category) Category, StandardValidation.Valid Valid, List<string> Related,
        string? ReplacedBy);

    /// <summary>Every related or replacing code must name a standard of the file or of the library, and not the standard itself.</summary>
    private async Task CheckLinksAsync(List<Checked> standards, List<ImportRowResult> rows, CancellationToken ct)
    {
        var named = standards.SelectMany(s => s.Related.Append(s.ReplacedBy ?? "")).Where(c => c.Length > 0).Distinct().ToList();
        if (named.Count == 0) return;
        var known = standards.Select(s => s.Valid.Code).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(await db.Standards.Where(s => named.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct));
        foreach (var s in standards)
        {
            var links = s.Related.Append(s.ReplacedBy ?? "").Where(c => c.Length > 0).ToList();
            if (links.Contains(s.Valid.Code))
                rows.Add(new(s.Row, s.Valid.Code, ImportOutcome.Invalid, "A standard cannot be related to or replaced by itself."));
            else if (links.Where(c => !known.Contains(c)).ToList() is { Count: > 0 } unknown)
                rows.Add(new(s.Row, s.Valid.Code, ImportOutcome.Invalid,
                    $"There is no standard {string.Join(", ", unknown)} in the file or the library to link to."));
            else if (s.ReplacedBy is not null && s.Valid.Status != StandardStatus.Retired)
                rows.Add(new(s.Row, s.Valid.Code, ImportOutcome.Invalid, "Only a retired standard names the standard that replaces it (replacedBy)."));
            else if (s.Related.Count > StandardLinks.MaxRelated)
                rows.Add(new(s.Row, s.Valid.Code, ImportOutcome.Invalid, $"Link at most {StandardLinks.MaxRelated} related standards."));
        }
    }

    /// <summary>
    /// Adds the file's links by code, on both sides, and points retired standards at their replacements. An import adds links and
    /// never removes one: a link is removed on the standard itself. Standards the import left out (retired starter duplicates in a
    /// fresh library) are simply not linked.
    /// </summary>
    private async Task LinkAsync(List<Checked> standards, Dictionary<string, Standard> existing, List<(Checked Item, Standard Standard)> retiring,
        List<ImportRowResult> rows, CancellationToken ct)
    {
        var named = standards.SelectMany(s => s.Related.Append(s.ReplacedBy ?? "")).Where(c => c.Length > 0).Distinct()
            .Where(c => !existing.ContainsKey(c)).ToList();
        var byCode = db.ChangeTracker.Entries<Standard>().Select(e => e.Entity).Where(e => !string.IsNullOrEmpty(e.Code))
            .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var s in await db.Standards.Where(s => named.Contains(s.Code)).ToListAsync(ct)) byCode.TryAdd(s.Code, s);
        foreach (var item in standards)
        {
            if (!byCode.TryGetValue(item.Valid.Code, out var standard)) continue;
            foreach (var code in item.Related)
            {
                if (!byCode.TryGetValue(code, out var other)) continue;
                if (!standard.RelatedStandardIds.Contains(other.Id)) standard.RelatedStandardIds = [.. standard.RelatedStandardIds, other.Id];
                if (!other.RelatedStandardIds.Contains(standard.Id)) other.RelatedStandardIds = [.. other.RelatedStandardIds, standard.Id];
            }
            if (item.ReplacedBy is { } by && standard.Status == StandardStatus.Retired && byCode.TryGetValue(by, out var replacement)
                && (standard.ReplacedByStandardId is null || retiring.Any(r => r.Standard == standard)))
                standard.ReplacedByStandardId = replacement.Id;
        }
        foreach (var (item, standard) in retiring)
            rows.Add(new(item.Row, item.Valid.Code, ImportOutcome.Retired, item.ReplacedBy is { } by && byCode.ContainsKey(by)
                ? $"Retired: {by} now checks this control. Answers already given stay with the reviews that asked it."
                : "Retired by the starter library. Answers already given stay with the reviews that asked it."));
    }

    private static List<Checked> Check(LibraryDocument doc, List<ImportRowResult> rows)
    {
        var result = new List<Checked>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        foreach (var section in doc.Sections)
        {
            if (string.IsNullOrWhiteSpace(section.Name) || section.Name.Trim().Length > 100)
                rows.Add(new(0, "", ImportOutcome.Invalid, "A section needs a name of 1 to 100 characters."));
            if ((section.Description ?? "").Trim().Length > 1000)
                rows.Add(new(0, "", ImportOutcome.Invalid, $"Section \"{section.Name}\": keep the description to 1,000 characters or fewer."));
            foreach (var category in section.Categories)
            {
                if (string.IsNullOrWhiteSpace(category.Name) || category.Name.Trim().Length > 100)
                    rows.Add(new(0, "", ImportOutcome.Invalid, $"A category in section \"{section.Name}\" needs a name of 1 to 100 characters."));
                if (category.ReviewIntervalMonths is { } m && !StandardValidation.Intervals.Contains(m))
                    rows.Add(new(0, "", ImportOutcome.Invalid, $"Category \"{category.Name}\": the review interval is 1, 3, 6 or 12 months."));
                foreach (var s in category.Standards)
                {
                    var row = s.SourceRow ?? ++number;
                    var request = new StandardRequest(s.Code, Guid.NewGuid(), s.Title, s.Question, s.WhyWeAsk, s.HowToCheck, s.References,
                        s.Priority, s.ReviewIntervalMonths, s.Kind, s.Tags, string.IsNullOrWhiteSpace(s.Status) ? "Active" : s.Status,
                        AssetKind: s.AssetKind);
                    var (valid, errors) = StandardValidation.Check(request);
                    if (valid is null)
                    {
                        rows.Add(new(row, s.Code ?? "", ImportOutcome.Invalid, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
                        continue;
                    }
                    if (!seen.Add(valid.Code))
                    {
                        rows.Add(new(row, valid.Code, ImportOutcome.Invalid, $"The code {valid.Code} appears more than once in the file."));
                        continue;
                    }
                    var lint = LibraryService.Lint(valid);
                    if (valid.Status == StandardStatus.Active && !lint.Ok)
                    {
                        rows.Add(new(row, valid.Code, ImportOutcome.Invalid, "The question breaks the library's rules: " +
                            string.Join(" ", lint.Errors.Select(e => e.Message))));
                        continue;
                    }
                    result.Add(new(row, (section.Name.Trim(), category.Name.Trim()), valid,
                        s.Related.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList(),
                        string.IsNullOrWhiteSpace(s.ReplacedBy) ? null : s.ReplacedBy.Trim().ToUpperInvariant()));
                }
            }
        }
        return result;
    }

    /// <summary>Creates missing sections and categories. A provider's file also sets their order; the starter library leaves the provider's order
    /// alone.</summary>
    private async Task<Dictionary<(string, string), Guid>> UpsertStructureAsync(LibraryDocument doc, ImportMode mode, CancellationToken ct)
    {
        var sections = await db.Sections.ToListAsync(ct);
        var categories = await db.Categories.ToListAsync(ct);
        var map = new Dictionary<(string, string), Guid>();
        foreach (var s in doc.Sections)
        {
            var name = s.Name.Trim();
            var section = sections.FirstOrDefault(x => x.Name == name);
            if (section is null)
            {
                section = new Section { Name = name, Order = s.Order, Description = (s.Description ?? "").Trim() };
                sections.Add(section);
                db.Sections.Add(section);
            }
            else if (mode == ImportMode.File)
            {
                section.Order = s.Order;
                section.Description = (s.Description ?? "").Trim();
            }
            foreach (var c in s.Categories)
            {
                var categoryName = c.Name.Trim();
                var category = categories.FirstOrDefault(x => x.SectionId == section.Id && x.Name == categoryName);
                if (category is null)
                {
                    category = new Category
                    {
                        SectionId = section.Id,
                        Name = categoryName,
                        Order = c.Order,
                        ReviewIntervalMonths = c.ReviewIntervalMonths ?? 12
                    };
                    categories.Add(category);
                    db.Categories.Add(category);
                }
                else if (mode == ImportMode.File)
                {
                    category.Order = c.Order;
                    category.ReviewIntervalMonths = c.ReviewIntervalMonths ?? category.ReviewIntervalMonths;
                }
                map[(name, categoryName)] = category.Id;
            }
        }
        return map;
    }

    /// <summary>Fingerprint of what a person can edit; tells whether the provider changed a starter standard.</summary>
    public static string ContentHash(Standard s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        s.Title,
        s.Question,
        s.WhyWeAsk,
        s.HowToCheck,
        s.References,
        Priority = s.Priority.ToString(),
        s.ReviewIntervalMonths,
        Kind = s.Kind.ToString(),
        s.Tags,
        Status = s.Status.ToString(),
    }))));
}
