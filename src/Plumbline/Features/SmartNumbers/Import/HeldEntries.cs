using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.SmartNumbers.Import;

public sealed record UnmatchedCompany(string Company, int Rows, decimal Hours, DateOnly FirstDate, DateOnly LastDate);

public sealed record CompanyMatched(string Company, Guid ClientId, string ClientName, int Moved, decimal Hours, IReadOnlyList<string> MonthsRebuilt);

/// <summary>Time entries whose company matched no client, and matching such a company to a client.</summary>
public sealed class HeldEntries(AppDbContext db, TimeProvider clock)
{
    /// <summary>The held companies, most hours first. Spellings that differ only in case are one company.</summary>
    public async Task<List<UnmatchedCompany>> ListAsync(CancellationToken ct)
    {
        // Hours are summed here rather than in SQL: SQLite keeps decimals as text. Grouped by company first, so few rows come back.
        var groups = await db.TimeEntries.AsNoTracking().Where(e => e.ClientId == null)
            .GroupBy(e => new { e.Company, e.Hours })
            .Select(g => new { g.Key.Company, g.Key.Hours, Rows = g.Count(), First = g.Min(e => e.Date), Last = g.Max(e => e.Date) })
            .ToListAsync(ct);
        return groups.GroupBy(g => ClientMatcher.Key(g.Company))
            .Select(g => new UnmatchedCompany(g.OrderByDescending(x => x.Rows).ThenBy(x => x.Company, StringComparer.Ordinal).First().Company,
                g.Sum(x => x.Rows), g.Sum(x => x.Hours * x.Rows), g.Min(x => x.First), g.Max(x => x.Last)))
            .OrderByDescending(u => u.Hours).ThenBy(u => u.Company, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// Remembers that the company is this client (later imports use it) and moves every held entry of the company (any spelling
    /// case) to the client, then rebuilds the months those entries fall in. Null when the client does not exist.
    /// </summary>
    public async Task<CompanyMatched?> MatchAsync(string company, Guid clientId, string who, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (client is null) return null;
        var name = company.Trim();
        var key = ClientMatcher.Key(name);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.PsaCompanyMatches.FirstOrDefaultAsync(m => m.CompanyKey == key, ct) is { } match)
            (match.Company, match.ClientId, match.MatchedAt, match.MatchedBy) = (name, client.Id, now, who);
        else db.PsaCompanyMatches.Add(new PsaCompanyMatch { CompanyKey = key, Company = name, ClientId = client.Id, MatchedAt = now, MatchedBy = who });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // Held entries of this company in any spelling case: the candidates are narrowed in SQL by the ASCII lower-case form, then
        // checked exactly here (SQLite's lower() only folds ASCII letters).
        var spellings = await db.TimeEntries.AsNoTracking().Where(e => e.ClientId == null && e.Company.ToLower() == key)
            .Select(e => e.Company).Distinct().ToListAsync(ct);
        var exact = await db.TimeEntries.AsNoTracking().Where(e => e.ClientId == null && e.Company == name).Select(e => e.Company).Distinct()
            .ToListAsync(ct);
        var names = spellings.Concat(exact).Where(s => ClientMatcher.Key(s) == key).Distinct().ToList();
        var moving = db.TimeEntries.Where(e => e.ClientId == null && names.Contains(e.Company));
        var summary = await moving.GroupBy(e => new { e.Month, e.Hours }).Select(g => new { g.Key.Month, g.Key.Hours, Rows = g.Count() }).ToListAsync(ct);
        var moved = await moving.ExecuteUpdateAsync(s => s.SetProperty(e => e.ClientId, client.Id).SetProperty(e => e.UpdatedAt, now), ct);
        var months = summary.Select(m => m.Month).Distinct().Order().ToList();
        await MonthTotals.RebuildAsync(db, months, ct);
        db.ChangeTracker.Clear();
        return new CompanyMatched(name, client.Id, client.Name, moved, summary.Sum(m => m.Hours * m.Rows),
            months.Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }
}
