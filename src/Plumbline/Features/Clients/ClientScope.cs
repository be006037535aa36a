using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Features.Schedule;
using Plumbline.Features.Settings;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Clients;

/// <summary>One active standard as it applies to a client on a date (<see cref="DueWindow.On"/>).</summary>
public sealed record ScopedStandard(Guid StandardId, Guid SectionId, Guid CategoryId, int Revision, Priority Priority,
    int IntervalMonths, int SectionOrder, int CategoryOrder, string Code, DateOnly? LastAnsweredOn, ClientException? Exception, DueWindow Window)
{
    /// <summary>Due on the window's day by the one due rule (PRODUCT.md, "Due"); an accepted exception keeps it from being due until it expires.</summary>
    public bool Due => Exception is null && Window.IsDue(LastAnsweredOn, IntervalMonths);

    /// <summary>When the latest answer falls due again (null: never answered).</summary>
    public DateOnly? NextDueOn => DueRule.NextDueOn(LastAnsweredOn, IntervalMonths);
}

/// <summary>Which standards apply to a client (its template) and which of them are due on a date.</summary>
public sealed class ClientScope(AppDbContext db, ProviderSettingsService settings)
{
    /// <summary>The client's applicable active standards in library order, with when each was last answered on or before <paramref name="on"/>.</summary>
    public async Task<List<ScopedStandard>> ApplicableAsync(Guid clientId, DateOnly on, CancellationToken ct) =>
        (await ApplicableAsync([clientId], on, ct))[clientId];

    /// <summary>The same for several clients with one set of queries (a TAM's dashboard lists all of the TAM's clients).</summary>
    public async Task<Dictionary<Guid, List<ScopedStandard>>> ApplicableAsync(IReadOnlyCollection<Guid> clientIds, DateOnly on, CancellationToken ct)
    {
        var ids = clientIds.Distinct().ToList();
        var exclusions = (await db.ClientExclusions.AsNoTracking().Where(x => ids.Contains(x.ClientId)).ToListAsync(ct))
            .ToLookup(x => x.ClientId, x => x.TargetId);
        var exceptions = (await db.ClientExceptions.AsNoTracking().Where(x => ids.Contains(x.ClientId) && x.ExpiresOn >= on).ToListAsync(ct))
            .ToLookup(x => x.ClientId);
        var standards = (await (
            from s in db.Standards.AsNoTracking()
            join c in db.Categories on s.CategoryId equals c.Id
            join sec in db.Sections on c.SectionId equals sec.Id
            where s.Status == StandardStatus.Active
            select new
            {
                s.Id,
                SectionId = sec.Id,
                CategoryId = c.Id,
                s.Revision,
                s.Priority,
                Interval = s.ReviewIntervalMonths ?? c.ReviewIntervalMonths,
                SectionOrder = sec.Order,
                CategoryOrder = c.Order,
                s.Code
            }).ToListAsync(ct))
            .OrderBy(s => s.SectionOrder).ThenBy(s => s.CategoryOrder).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var last = await LastAnsweredAsync(ids, on, ct);
        var windows = await WindowsAsync(ids, on, ct);
        return ids.ToDictionary(id => id, id =>
        {
            var excluded = exclusions[id].ToHashSet();
            var excepted = exceptions[id].ToDictionary(x => x.StandardId);
            return standards
                .Where(s => !excluded.Contains(s.Id) && !excluded.Contains(s.CategoryId) && !excluded.Contains(s.SectionId))
                .Select(s => new ScopedStandard(s.Id, s.SectionId, s.CategoryId, s.Revision, s.Priority, s.Interval, s.SectionOrder, s.CategoryOrder,
                    s.Code, last.GetValueOrDefault((id, s.Id)), excepted.GetValueOrDefault(s.Id), windows[id]))
                .ToList();
        });
    }

    /// <summary>What the due rule needs to know of each client on the day: the provider's grace window and the client's next planned or
    /// confirmed visit after that day.</summary>
    public async Task<Dictionary<Guid, DueWindow>> WindowsAsync(IReadOnlyCollection<Guid> clientIds, DateOnly on, CancellationToken ct)
    {
        var ids = clientIds.Distinct().ToList();
        var grace = (await settings.GetAsync(ct)).DueGraceDays;
        var next = (await db.Visits.AsNoTracking()
                .Where(v => ids.Contains(v.ClientId) && v.Date > on && (v.Status == VisitStatus.Planned || v.Status == VisitStatus.Confirmed))
                .GroupBy(v => v.ClientId)
                .Select(g => new { ClientId = g.Key, Next = g.Min(v => v.Date) })
                .ToListAsync(ct))
            .ToDictionary(x => x.ClientId, x => (DateOnly?)x.Next);
        return ids.ToDictionary(id => id, id => new DueWindow(on, grace, next.GetValueOrDefault(id)));
    }

    public async Task<DueList> DueAsync(Guid clientId, DateOnly on, CancellationToken ct)
    {
        var applicable = await ApplicableAsync(clientId, on, ct);
        var window = applicable.Count > 0 ? applicable[0].Window : (await WindowsAsync([clientId], on, ct))[clientId];
        return new DueList(on, applicable.Where(s => s.Due).Select(s => new DueItem(s.StandardId, s.LastAnsweredOn, s.IntervalMonths, s.NextDueOn)).ToList(),
            window.GraceDays, window.NextVisitOn);
    }

    /// <summary>
    /// The latest review date on which each standard was answered for the client (N/A counts as an answer). The N/A an
    /// exception filled in does not: the exception alone keeps the standard from being due, and only until it expires.
    /// </summary>
    private async Task<Dictionary<(Guid ClientId, Guid StandardId), DateOnly?>> LastAnsweredAsync(List<Guid> clientIds, DateOnly on, CancellationToken ct) =>
        (await db.ReviewItems.AsNoTracking()
            .Where(i => clientIds.Contains(i.ClientId) && i.Answer != null && i.AsOf <= on && i.AnsweredBy != ReviewItem.AnsweredByException)
            .GroupBy(i => new { i.ClientId, i.StandardId })
            .Select(g => new { g.Key.ClientId, g.Key.StandardId, Last = g.Max(i => i.AsOf) })
            .ToListAsync(ct))
            .ToDictionary(g => (g.ClientId, g.StandardId), g => (DateOnly?)g.Last);

    public async Task<ClientTemplate> TemplateAsync(Guid clientId, CancellationToken ct)
    {
        var exclusions = await db.ClientExclusions.AsNoTracking().Where(x => x.ClientId == clientId).ToListAsync(ct);
        var exceptions = await db.ClientExceptions.AsNoTracking().Where(x => x.ClientId == clientId).OrderBy(x => x.ExpiresOn).ToListAsync(ct);
        return new ClientTemplate(
            exclusions.Where(x => x.Scope == TemplateScope.Section).Select(x => x.TargetId).ToList(),
            exclusions.Where(x => x.Scope == TemplateScope.Category).Select(x => x.TargetId).ToList(),
            exclusions.Where(x => x.Scope == TemplateScope.Standard).Select(x => x.TargetId).ToList(),
            exceptions.Select(x => new ExceptionDto(x.StandardId, x.Reason, x.ExpiresOn)).ToList());
    }

    /// <summary>Replaces the client's template; unknown ids and incomplete exceptions are refused with the field named.</summary>
    public async Task<Dictionary<string, string[]>> SaveTemplateAsync(Guid clientId, ClientTemplateRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var sections = (r.ExcludedSectionIds ?? []).Distinct().ToList();
        var categories = (r.ExcludedCategoryIds ?? []).Distinct().ToList();
        var standards = (r.ExcludedStandardIds ?? []).Distinct().ToList();
        var exceptions = r.Exceptions ?? [];
        if (exceptions.Any(x => x is null))
            return new() { ["exceptions"] = ["An exception in the list is empty: give each one a standardId, a reason and expiresOn."] };
        if (await db.Sections.CountAsync(s => sections.Contains(s.Id), ct) != sections.Count) e["excludedSectionIds"] = ["One of the sections does not exist."];
        if (await db.Categories.CountAsync(c => categories.Contains(c.Id), ct) != categories.Count)
            e["excludedCategoryIds"] = ["One of the categories does not exist."];
        if (await db.Standards.CountAsync(s => standards.Contains(s.Id), ct) != standards.Count)
            e["excludedStandardIds"] = ["One of the standards does not exist."];
        var exceptionIds = exceptions.Select(x => x.StandardId).Distinct().ToList();
        if (exceptionIds.Count != exceptions.Count) e["exceptions"] = ["List each standard at most once among the exceptions."];
        else if (await db.Standards.CountAsync(s => exceptionIds.Contains(s.Id), ct) != exceptionIds.Count)
            e["exceptions"] = ["One of the exceptions names a standard that does not exist."];
        foreach (var (x, i) in exceptions.Select((x, i) => (x, i)))
        {
            if (string.IsNullOrWhiteSpace(x.Reason) || x.Reason.Trim().Length > 1000)
                e[$"exceptions[{i}].reason"] = ["Give the reason the client accepted this exception (up to 1,000 characters)."];
            if (x.ExpiresOn is null) e[$"exceptions[{i}].expiresOn"] = ["Give the date the exception expires; it counts as N/A until then."];
        }
        if (e.Count > 0) return e;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ClientExclusions.Where(x => x.ClientId == clientId).ExecuteDeleteAsync(ct);
        await db.ClientExceptions.Where(x => x.ClientId == clientId).ExecuteDeleteAsync(ct);
        db.ClientExclusions.AddRange(sections.Select(id => new ClientExclusion { ClientId = clientId, Scope = TemplateScope.Section, TargetId = id }));
        db.ClientExclusions.AddRange(categories.Select(id => new ClientExclusion { ClientId = clientId, Scope = TemplateScope.Category, TargetId = id }));
        db.ClientExclusions.AddRange(standards.Select(id => new ClientExclusion { ClientId = clientId, Scope = TemplateScope.Standard, TargetId = id }));
        db.ClientExceptions.AddRange(exceptions.Select(x =>
            new ClientException { ClientId = clientId, StandardId = x.StandardId, Reason = x.Reason!.Trim(), ExpiresOn = x.ExpiresOn!.Value }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return e;
    }
}
