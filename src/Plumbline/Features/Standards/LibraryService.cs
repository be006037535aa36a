using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Standards;

/// <summary>Outcome of a change to a standard: the standard, or field errors, or lint errors that block activation, or not found.</summary>
public sealed record StandardChange(StandardDetails? Standard, Dictionary<string, string[]>? Errors = null, LintResult? Lint = null, bool NotFound = false,
    string? Conflict = null);

/// <summary>Reads and changes the standards library; the API and the pages both go through here.</summary>
public sealed class LibraryService(AppDbContext db, TimeProvider clock, IHttpContextAccessor http, StandardLinks links)
{
    /// <summary>The sort orders of <see cref="SearchAsync"/>; a leading minus reverses one.</summary>
    public static readonly string[] Sorts = ["library", "code", "-code", "title", "-title", "priority", "-priority", "updated", "-updated", "nextReview"];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string Who => Accounts.AppClaimsFactory.DisplayName(http.HttpContext?.User) ?? "system";

    public async Task<PagedList<StandardDetails>> SearchAsync(StandardFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = Details();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = f.Q.Trim().ToLowerInvariant();
            query = query.Where(s => s.SearchText.Contains(term));
        }
        if (f.SectionId is { } sectionId) query = query.Where(s => s.SectionId == sectionId);
        if (f.CategoryId is { } categoryId) query = query.Where(s => s.CategoryId == categoryId);
        if (!string.IsNullOrWhiteSpace(f.Tag)) { var tag = "|" + f.Tag.Trim().ToLowerInvariant() + "|"; query = query.Where(s => s.TagsText.Contains(tag)); }
        if (Infrastructure.ApiEnum.TryParse<StandardStatus>(f.Status, out var status)) query = query.Where(s => s.Standard.Status == status);
        if (Infrastructure.ApiEnum.TryParse<Priority>(f.Priority, out var priority)) query = query.Where(s => s.Standard.Priority == priority);
        if (Infrastructure.ApiEnum.TryParse<StandardKind>(f.Kind, out var kind)) query = query.Where(s => s.Standard.Kind == kind);
        if (f.ReviewDue is { } due)
        {
            // Only active standards are reviewed; NextReviewOn is stored and indexed with Status, so this is one range scan.
            var today = DateOnly.FromDateTime(Now);
            query = due
                ? query.Where(s => s.Standard.Status == StandardStatus.Active && s.Standard.NextReviewOn <= today)
                : query.Where(s => s.Standard.Status != StandardStatus.Active || s.Standard.NextReviewOn == null || s.Standard.NextReviewOn > today);
        }

        var total = await query.CountAsync(ct);
        var sorted = (f.Sort ?? "library") switch
        {
            "code" => query.OrderBy(s => s.Standard.Code),
            "-code" => query.OrderByDescending(s => s.Standard.Code),
            "title" => query.OrderBy(s => s.Standard.Title).ThenBy(s => s.Standard.Code),
            "-title" => query.OrderByDescending(s => s.Standard.Title).ThenBy(s => s.Standard.Code),
            "priority" => query.OrderBy(s => s.Standard.Priority == Priority.High ? 0 : s.Standard.Priority == Priority.Medium ? 1 : 2)
                .ThenBy(s => s.Standard.Code),
            "-priority" => query.OrderBy(s => s.Standard.Priority == Priority.Low ? 0 : s.Standard.Priority == Priority.Medium ? 1 : 2)
                .ThenBy(s => s.Standard.Code),
            "updated" => query.OrderBy(s => s.Standard.UpdatedAt).ThenBy(s => s.Standard.Code),
            "-updated" => query.OrderByDescending(s => s.Standard.UpdatedAt).ThenBy(s => s.Standard.Code),
            "nextReview" => query.OrderBy(s => s.Standard.NextReviewOn == null).ThenBy(s => s.Standard.NextReviewOn).ThenBy(s => s.Standard.Code),
            _ => query.OrderBy(s => s.SectionOrder).ThenBy(s => s.SectionName).ThenBy(s => s.CategoryOrder).ThenBy(s => s.CategoryName)
                .ThenBy(s => s.Standard.Code),
        };
        var rows = await sorted.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<StandardDetails>(rows.Select(ToDetails).ToList(), page, size, total);
    }

    public async Task<StandardDetails?> GetAsync(Guid id, CancellationToken ct) =>
        await Details().Where(s => s.Standard.Id == id).FirstOrDefaultAsync(ct) is { } row ? ToDetails(row) : null;

    public async Task<StandardChange> CreateAsync(StandardRequest request, CancellationToken ct)
    {
        var (valid, errors) = StandardValidation.Check(request);
        if (valid is null) return new(null, errors);
        if (await CheckReferencesAsync(valid, null, ct) is { Count: > 0 } refErrors) return new(null, refErrors);
        if (valid.Status == StandardStatus.Retired) return new(null, new() { ["status"] = ["A new standard starts as Draft or Active."] });
        var standard = new Standard { CreatedAt = Now };
        if (await links.CheckAsync(request, standard.Id, valid.Status, null, ct) is { Count: > 0 } linkErrors) return new(null, linkErrors);
        var lint = Lint(valid);
        if (valid.Status == StandardStatus.Active && !lint.Ok) return new(null, Lint: lint);

        StageNew(valid, standard);
        await links.LinkAsync(standard, request.RelatedStandardIds, ct);
        await db.SaveChangesAsync(ct);
        return new(await GetAsync(standard.Id, ct));
    }

    /// <summary>Adds a checked standard and its first revision without saving (the editor and an approved proposal both come here).</summary>
    internal Standard StageNew(StandardValidation.Valid valid, Standard? standard = null)
    {
        standard ??= new Standard { CreatedAt = Now };
        Apply(standard, valid);
        standard.ScheduleFirstReview(Now);
        standard.UpdatedAt = Now;
        db.Standards.Add(standard);
        db.StandardRevisions.Add(StandardRevision.Of(standard, Now, Who));
        return standard;
    }

    /// <summary>A change to the question, how-to-check or priority makes revision n+1; other edits refresh the current revision.</summary>
    public async Task<StandardChange> UpdateAsync(Guid id, StandardRequest request, CancellationToken ct)
    {
        var standard = await db.Standards.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (standard is null) return new(null, NotFound: true);
        if (request.Version is { } version && version != standard.Version)
            return new(null, Conflict: $"Someone else changed {standard.Code} after you opened it (at {standard.UpdatedAt:HH:mm} UTC). Reload it to see " +
                "their change, then apply yours again.");
        var (valid, errors) = StandardValidation.Check(request, standard.Status);
        if (valid is null) return new(null, errors);
        if (await CheckReferencesAsync(valid, id, ct) is { Count: > 0 } refErrors) return new(null, refErrors);
        if (valid.Status != standard.Status && valid.Status == StandardStatus.Retired && standard.Status != StandardStatus.Active && !standard.InUse)
            return new(null, new() { ["status"] = ["Only an active standard can be retired. Delete an unused draft instead."] });
        if (await links.CheckAsync(request, id, valid.Status, standard.ReplacedByStandardId, ct) is { Count: > 0 } linkErrors) return new(null, linkErrors);
        var lint = Lint(valid);
        if (valid.Status == StandardStatus.Active && !lint.Ok) return new(null, Lint: lint);

        await ApplyEditAsync(standard, valid, ct);
        await links.LinkAsync(standard, request.RelatedStandardIds, ct);
        if (request.ReplacedByStandardId is { } replacedBy) standard.ReplacedByStandardId = replacedBy == Guid.Empty ? null : replacedBy;
        if (standard.Status != StandardStatus.Retired) standard.ReplacedByStandardId = null;
        await db.SaveChangesAsync(ct);
        return new(await GetAsync(id, ct));
    }

    /// <summary>Applies an edit without saving: a new revision when the meaning changed, else the current revision is refreshed.</summary>
    internal async Task ApplyEditAsync(Standard standard, StandardValidation.Valid valid, CancellationToken ct)
    {
        // Stored texts are compared as they would be stored today: texts saved before line endings were normalised may still hold \r\n.
        var meaningChanged = StandardValidation.Multiline(standard.Question) != valid.Question
            || StandardValidation.Multiline(standard.HowToCheck) != valid.HowToCheck || standard.Priority != valid.Priority;
        Apply(standard, valid);
        standard.ScheduleFirstReview(Now);
        standard.UpdatedAt = Now;
        standard.Version = Guid.NewGuid();
        if (meaningChanged)
        {
            standard.Revision++;
            db.StandardRevisions.Add(StandardRevision.Of(standard, Now, Who));
            return;
        }
        var current = await db.StandardRevisions.FirstOrDefaultAsync(r => r.StandardId == standard.Id && r.Revision == standard.Revision, ct);
        if (current is not null) { current.Title = standard.Title; current.WhyWeAsk = standard.WhyWeAsk; current.References = [.. standard.References]; }
    }

    public async Task<StandardChange> SetStatusAsync(Guid id, StandardStatus status, CancellationToken ct)
    {
        var standard = await db.Standards.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (standard is null) return new(null, NotFound: true);
        if (status == StandardStatus.Retired && standard.Status == StandardStatus.Draft)
            return new(null, Conflict: "A draft has never been used, so there is nothing to retire. Delete it instead.");
        if (status == StandardStatus.Active)
        {
            var lint = QuestionLinter.Lint(standard.Question, standard.WhyWeAsk, standard.HowToCheck, standard.References.Count);
            if (!lint.Ok) return new(null, Lint: lint);
        }
        if (standard.Status != status)
        {
            StageStatus(standard, status);
            await db.SaveChangesAsync(ct);
        }
        return new(await GetAsync(id, ct));
    }

    /// <summary>Changes a standard's status without saving (the checks are the caller's; an approved proposal retires through here).</summary>
    internal void StageStatus(Standard standard, StandardStatus status)
    {
        standard.Status = status;
        standard.ScheduleFirstReview(Now);
        // Back in use, a standard is no longer replaced by anything.
        if (status == StandardStatus.Active) standard.ReplacedByStandardId = null;
        standard.UpdatedAt = Now;
        standard.Version = Guid.NewGuid();
    }

    /// <summary>A review asked these standards: from now on they can be retired but not deleted.</summary>
    public async Task MarkInUseAsync(List<Guid> standardIds, CancellationToken ct) =>
        await db.Standards.Where(s => standardIds.Contains(s.Id) && !s.InUse).ExecuteUpdateAsync(u => u.SetProperty(s => s.InUse, true), ct);

    public async Task<StandardChange> DeleteAsync(Guid id, CancellationToken ct)
    {
        var standard = await db.Standards.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (standard is null) return new(null, NotFound: true);
        if (standard.InUse || standard.Status != StandardStatus.Draft)
            return new(null, Conflict: "Only an unused draft can be deleted. Retire the standard instead: its history stays with the reviews that asked it.");
        await links.LinkAsync(standard, [], ct);
        foreach (var replaced in await db.Standards.Where(s => s.ReplacedByStandardId == id).ToListAsync(ct)) replaced.ReplacedByStandardId = null;
        db.Standards.Remove(standard);
        await db.SaveChangesAsync(ct);
        return new(null);
    }

    public async Task<List<StandardRevisionDetails>?> RevisionsAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Standards.AnyAsync(s => s.Id == id, ct)) return null;
        var rows = await db.StandardRevisions.AsNoTracking().Where(r => r.StandardId == id).OrderByDescending(r => r.Revision).ToListAsync(ct);
        return rows.Select(r => new StandardRevisionDetails(r.Revision, r.Title, r.Question, r.WhyWeAsk, r.HowToCheck, r.Priority,
            r.References, r.CreatedAt, r.CreatedBy)).ToList();
    }

    public async Task<List<string>> TagsAsync(CancellationToken ct) =>
        (await db.Standards.AsNoTracking().Select(s => s.TagsText).Distinct().ToListAsync(ct))
            .SelectMany(t => t.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct().Order().ToList();

    internal static LintResult Lint(StandardValidation.Valid v) => QuestionLinter.Lint(v.Question, v.WhyWeAsk, v.HowToCheck, v.References.Count);

    internal static void Apply(Standard s, StandardValidation.Valid v)
    {
        s.Code = v.Code; s.CategoryId = v.CategoryId; s.Title = v.Title; s.Question = v.Question; s.WhyWeAsk = v.WhyWeAsk;
        s.HowToCheck = v.HowToCheck; s.References = v.References; s.Priority = v.Priority; s.ReviewIntervalMonths = v.ReviewIntervalMonths;
        s.Kind = v.Kind; s.Tags = v.Tags; s.Status = v.Status;
        if (v.SetsAssetKind) s.AssetKind = v.AssetKind;
        s.Normalize();
    }

    private async Task<Dictionary<string, string[]>> CheckReferencesAsync(StandardValidation.Valid v, Guid? self, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!await db.Categories.AnyAsync(c => c.Id == v.CategoryId, ct)) errors["categoryId"] = ["That category does not exist. Choose one from the library."];
        if (await db.Standards.AnyAsync(s => s.Code == v.Code && s.Id != self, ct)) errors["code"] = [$"Another standard already uses the code {v.Code}."];
        return errors;
    }

    // A class with settable members (not a positional record) so EF can still filter and sort on the projection.
    private sealed class Row
    {
        public Standard Standard { get; init; } = null!;
        public Guid SectionId { get; init; }
        public string SectionName { get; init; } = "";
        public int SectionOrder { get; init; }
        public string CategoryName { get; init; } = "";
        public int CategoryOrder { get; init; }
        public int CategoryInterval { get; init; }
        public string SearchText { get; init; } = "";
        public string TagsText { get; init; } = "";
        public Guid CategoryId { get; init; }
    }

    private IQueryable<Row> Details() =>
        from s in db.Standards.AsNoTracking()
        join c in db.Categories on s.CategoryId equals c.Id
        join sec in db.Sections on c.SectionId equals sec.Id
        select new Row
        {
            Standard = s,
            SectionId = sec.Id,
            SectionName = sec.Name,
            SectionOrder = sec.Order,
            CategoryName = c.Name,
            CategoryOrder = c.Order,
            CategoryInterval = c.ReviewIntervalMonths,
            SearchText = s.SearchText,
            TagsText = s.TagsText,
            CategoryId = s.CategoryId,
        };

    private static StandardDetails ToDetails(Row r) => new(r.Standard.Id, r.Standard.Code, r.Standard.CategoryId, r.Standard.Title,
        r.Standard.Question, r.Standard.WhyWeAsk, r.Standard.HowToCheck, r.Standard.References, r.Standard.Priority,
        r.Standard.ReviewIntervalMonths, r.Standard.Kind, r.Standard.Tags, r.Standard.Status, r.Standard.Revision,
        r.SectionId, r.SectionName, r.CategoryName, r.Standard.ReviewIntervalMonths ?? r.CategoryInterval, r.Standard.InUse, r.Standard.UpdatedAt,
        r.Standard.Version, r.Standard.RelatedStandardIds, r.Standard.ReplacedByStandardId, r.Standard.LastReviewedOn,
        r.Standard.NextReviewOn, r.Standard.AssetKind);
}
