using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.SmartNumbers.Import;

public sealed record SkippedTimeEntry(int Row, string Reason);

public sealed record UnmatchedCompanyRows(string Company, int Rows, decimal Hours);

/// <summary>
/// What an import did. <see cref="Created"/>, <see cref="Updated"/> and <see cref="Unchanged"/> count every row written or found
/// identical; <see cref="Held"/> counts those among them whose company matched no client (kept, waiting for a match).
/// <see cref="Skipped"/> lists at most <see cref="TimeEntryImporter.MaxSkippedListed"/> rows; <see cref="SkippedCount"/> counts them all.
/// </summary>
public sealed record TimeEntryImportReport(string Source, int Rows, int Created, int Updated, int Unchanged, int Held, int SkippedCount,
    IReadOnlyList<SkippedTimeEntry> Skipped, IReadOnlyList<UnmatchedCompanyRows> UnmatchedCompanies, IReadOnlyList<string> MonthsRebuilt);

/// <summary>One entry to write, from a CSV row or from the API. A null <see cref="ClientId"/> means "match <see cref="Company"/>".</summary>
public sealed record IncomingTimeEntry(int Row, string ExternalId, string Company, Guid? ClientId, DateOnly Date, decimal Hours, string WorkType,
    string Board, string TicketType);

/// <summary>
/// Upserts time entries by source + external id, in batches of <see cref="BatchSize"/> with the change tracker cleared between them,
/// then rebuilds the month totals of every month touched (an entry whose date moved touches its old and its new month).
/// Companies match a client by PSA company id, then by a remembered match, then by the client's name (all case-insensitive).
/// Within one file or call, the first row with an external id counts; later rows with the same id are skipped.
/// </summary>
public sealed class TimeEntryImporter(AppDbContext db, TimeProvider clock)
{
    public const int BatchSize = 5000;
    public const int MaxSkippedListed = 1000;
    private const int MaxUnmatchedTracked = 5000;

    public async Task<TimeEntryImportReport> ImportCsvAsync(Stream stream, PsaLayout layout, CancellationToken ct)
    {
        using var trace = Operations.PlumblineTelemetry.StartImport("time-entries");
        await using var file = await TimeEntryCsv.OpenAsync(stream, layout, ct);
        var session = await Session.StartAsync(db, clock, layout.Source, ct);
        try
        {
            await foreach (var row in file.ReadRowsAsync(ct))
            {
                if (row.Error is { } reason) session.Skip(row.Line, reason);
                else await session.AddAsync(new IncomingTimeEntry(row.Line, row.ExternalId, row.Company, null, row.Date, row.Hours, row.WorkType,
                    row.Board, row.TicketType), ct);
            }
        }
        catch
        {
            // The upload broke off part way: the batches already saved stay, so their months' totals must still be rebuilt.
            await session.RebuildSavedMonthsAsync();
            throw;
        }
        var report = await session.FinishAsync(ct);
        trace.Rows(report.Created + report.Updated + report.Unchanged, report.SkippedCount);
        return report;
    }

    /// <summary>Entries pushed by a connector: each names its client by id; an unknown id skips the entry.</summary>
    public async Task<TimeEntryImportReport> ImportEntriesAsync(string source, IEnumerable<(int Row, IncomingTimeEntry? Entry, string? Error)> entries,
        CancellationToken ct)
    {
        using var trace = Operations.PlumblineTelemetry.StartImport("time-entries");
        var session = await Session.StartAsync(db, clock, source, ct);
        foreach (var (row, entry, error) in entries)
        {
            if (entry is null) session.Skip(row, error ?? "The entry is not valid.");
            else await session.AddAsync(entry, ct);
        }
        var report = await session.FinishAsync(ct);
        trace.Rows(report.Created + report.Updated + report.Unchanged, report.SkippedCount);
        return report;
    }

    private sealed class Session(AppDbContext db, TimeProvider clock, string source, ClientMatcher matcher)
    {
        private readonly List<IncomingTimeEntry> pending = new(BatchSize);
        private readonly HashSet<ulong> seen = [];
        private readonly HashSet<DateOnly> months = [];
        private readonly HashSet<DateOnly> savedMonths = [];
        private readonly List<SkippedTimeEntry> skipped = [];
        private readonly Dictionary<string, (string Company, int Rows, decimal Hours)> unmatched = [];
        private int rows, created, updated, unchanged, held, skippedCount;

        public static async Task<Session> StartAsync(AppDbContext db, TimeProvider clock, string source, CancellationToken ct) =>
            new(db, clock, source, await ClientMatcher.LoadAsync(db, ct));

        public void Skip(int row, string reason)
        {
            rows++;
            skippedCount++;
            if (skipped.Count < MaxSkippedListed) skipped.Add(new(row, reason));
        }

        public async Task AddAsync(IncomingTimeEntry entry, CancellationToken ct)
        {
            // A 64-bit hash per id keeps 2,000,000 ids in about 40 MB; a collision (about 1 in 10^7 for 2,000,000 ids) would skip one row.
            if (!seen.Add(Hash(entry.ExternalId)))
            {
                Skip(entry.Row, $"The external id '{TimeEntryValues.Short(entry.ExternalId)}' appears on an earlier row; the first one counts.");
                return;
            }
            rows++;
            pending.Add(entry);
            if (pending.Count >= BatchSize) await FlushAsync(ct);
        }

        private async Task FlushAsync(CancellationToken ct)
        {
            if (pending.Count == 0) return;
            var ids = pending.Select(p => p.ExternalId).ToList();
            var existing = await db.TimeEntries.Where(e => e.Source == source && ids.Contains(e.ExternalId))
                .ToDictionaryAsync(e => e.ExternalId, StringComparer.Ordinal, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var p in pending)
            {
                var clientId = p.ClientId ?? matcher.Match(p.Company);
                if (clientId is null)
                {
                    held++;
                    var key = ClientMatcher.Key(p.Company);
                    if (unmatched.TryGetValue(key, out var u)) unmatched[key] = (u.Company, u.Rows + 1, u.Hours + p.Hours);
                    else if (unmatched.Count < MaxUnmatchedTracked) unmatched[key] = (p.Company, 1, p.Hours);
                }
                var month = SmartNumberRules.MonthOf(p.Date);
                if (existing.TryGetValue(p.ExternalId, out var e))
                {
                    if (e.ClientId == clientId && e.Company == p.Company && e.Date == p.Date && e.Hours == p.Hours && e.WorkType == p.WorkType
                        && e.Board == p.Board && e.TicketType == p.TicketType)
                    {
                        unchanged++;
                        continue;
                    }
                    months.Add(e.Month);
                    months.Add(month);
                    (e.ClientId, e.Company, e.Date, e.Month, e.Hours) = (clientId, p.Company, p.Date, month, p.Hours);
                    (e.WorkType, e.Board, e.TicketType, e.UpdatedAt) = (p.WorkType, p.Board, p.TicketType, now);
                    updated++;
                }
                else
                {
                    months.Add(month);
                    db.TimeEntries.Add(new TimeEntry
                    {
                        Source = source,
                        ExternalId = p.ExternalId,
                        ClientId = clientId,
                        Company = p.Company,
                        Date = p.Date,
                        Month = month,
                        Hours = p.Hours,
                        WorkType = p.WorkType,
                        Board = p.Board,
                        TicketType = p.TicketType,
                        ImportedAt = now,
                        UpdatedAt = now,
                    });
                    created++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            pending.Clear();
            savedMonths.UnionWith(months);
        }

        public async Task RebuildSavedMonthsAsync()
        {
            db.ChangeTracker.Clear();
            await MonthTotals.RebuildAsync(db, savedMonths, CancellationToken.None);
        }

        public async Task<TimeEntryImportReport> FinishAsync(CancellationToken ct)
        {
            await FlushAsync(ct);
            await MonthTotals.RebuildAsync(db, months, ct);
            db.ChangeTracker.Clear();
            var companies = unmatched.Values.OrderByDescending(u => u.Hours).ThenBy(u => u.Company, StringComparer.OrdinalIgnoreCase)
                .Select(u => new UnmatchedCompanyRows(u.Company, u.Rows, u.Hours)).ToList();
            return new TimeEntryImportReport(source, rows, created, updated, unchanged, held, skippedCount, skipped, companies,
                months.Order().Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList());
        }

        /// <summary>FNV-1a, 64 bits, over the id's characters.</summary>
        private static ulong Hash(string value)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in value)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            return hash;
        }
    }
}

/// <summary>Finds the client of a PSA company name: PSA company id, then a remembered match, then the client's name (case-insensitive).</summary>
public sealed class ClientMatcher
{
    private readonly Dictionary<string, Guid> byPsaId = [];
    private readonly Dictionary<string, Guid> byMatch = [];
    private readonly Dictionary<string, Guid> byName = [];

    public static string Key(string company) => company.Trim().ToLowerInvariant();

    public static async Task<ClientMatcher> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var m = new ClientMatcher();
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.PsaCompanyId }).ToListAsync(ct);
        foreach (var c in clients)
        {
            if (!string.IsNullOrWhiteSpace(c.PsaCompanyId)) m.byPsaId.TryAdd(Key(c.PsaCompanyId), c.Id);
            m.byName.TryAdd(Key(c.Name), c.Id);
        }
        foreach (var match in await db.PsaCompanyMatches.AsNoTracking().Select(x => new { x.CompanyKey, x.ClientId }).ToListAsync(ct))
        {
            m.byMatch.TryAdd(match.CompanyKey, match.ClientId);
        }
        return m;
    }

    public Guid? Match(string company)
    {
        var key = Key(company);
        if (key.Length == 0) return null;
        return byPsaId.TryGetValue(key, out var id) || byMatch.TryGetValue(key, out id) || byName.TryGetValue(key, out id) ? id : null;
    }
}
