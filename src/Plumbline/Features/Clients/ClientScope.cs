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
    /// The latest review date on which each standard was answered for the client (N/A counts as an answer). An item that is an
    /// accepted exception does not count (the N/A the template's exception filled in, or a No whose risk the vCIO accepted): the
    /// exception alone keeps the standard from being due, and only until it expires.
    /// </summary>
    private async Task<Dictionary<(Guid ClientId, Guid StandardId), DateOnly?>> LastAnsweredAsync(List<Guid> clientIds, DateOnly on, CancellationToken ct) =>
        (await db.ReviewItems.AsNoTracking()
            .Where(i => clientIds.Contains(i.ClientId) && i.Answer != null && i.AsOf <= on && i.AnsweredBy != ReviewItem.AnsweredByException
                && i.ExceptionExpiresOn == null)
            .GroupBy(i => new { i.ClientId, i.StandardId })
            .Select(g => new { g.Key.ClientId, g.Key.StandardId, Last = g.Max(i => i.AsOf) })
            .ToListAsync(ct))
            .ToDictionary(g => (g.ClientId, g.StandardId), g => (DateOnly?)g.Last);
}
