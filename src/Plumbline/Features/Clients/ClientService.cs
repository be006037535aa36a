using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Clients;

/// <summary>Reads and changes clients; the API and the pages both go through here.</summary>
public sealed class ClientService(AppDbContext db, ProviderSettingsService settings, TimeProvider clock)
{
    public async Task<PagedList<ClientDetails>> ListAsync(ClientFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = db.Clients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q)) { var q = f.Q.Trim().ToLowerInvariant(); query = query.Where(c => c.NameSearch.Contains(q)); }
        if (ApiEnum.TryParse<ClientStatus>(f.Status, out var status)) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(f.TamUserId)) query = query.Where(c => c.TamUserId == f.TamUserId);
        if (!string.IsNullOrWhiteSpace(f.VcioUserId)) query = query.Where(c => c.VcioUserId == f.VcioUserId);
        var total = await query.CountAsync(ct);
        // SQLite keeps decimals as text; ordering by the value cast to a double sorts them as numbers (ordering only, no sums).
        query = (f.Sort ?? "name") switch
        {
            "-name" => query.OrderByDescending(c => c.NameSearch),
            "seats" => query.OrderBy(c => c.Seats).ThenBy(c => c.NameSearch),
            "-seats" => query.OrderByDescending(c => c.Seats).ThenBy(c => c.NameSearch),
            "mrr" => query.OrderBy(c => (double)c.Mrr).ThenBy(c => c.NameSearch),
            "-mrr" => query.OrderByDescending(c => (double)c.Mrr).ThenBy(c => c.NameSearch),
            "updated" => query.OrderBy(c => c.UpdatedAt),
            "-updated" => query.OrderByDescending(c => c.UpdatedAt),
            _ => query.OrderBy(c => c.NameSearch),
        };
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<ClientDetails>(await ToDetailsAsync(rows, ct), page, size, total);
    }

    public async Task<ClientDetails?> GetAsync(Guid id, CancellationToken ct)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return client is null ? null : (await ToDetailsAsync([client], ct))[0];
    }

    public async Task<Outcome<ClientDetails>> SaveAsync(Guid? id, ClientRequest r, CancellationToken ct)
    {
        var client = id is null ? new Client { CreatedAt = Now } : await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return new(null, NotFound: true);
        if (id is not null && r.Version is { } version && version != client.Version)
            return new(null, Conflict: $"Someone else changed {client.Name} after you opened it. Reload it and apply your change again.");
        var errors = await ValidateAsync(r, id, ct);
        if (errors.Count > 0) return new(null, errors);

        client.Name = r.Name!.Trim();
        client.NameSearch = client.Name.ToLowerInvariant();
        client.Status = ApiEnum.TryParse<ClientStatus>(r.Status, out var status) ? status : ClientStatus.Active;
        client.Mrr = Math.Round(r.Mrr ?? 0, 2, MidpointRounding.AwayFromZero);
        client.Seats = r.Seats ?? 0;
        client.Workstations = r.Workstations ?? 0;
        client.Servers = r.Servers ?? 0;
        client.StorageGb = r.StorageGb ?? 0;
        client.Endpoints = r.Endpoints;
        client.ContractStart = r.ContractStart;
        client.ContractEnd = r.ContractEnd;
        client.SalesRep = (r.SalesRep ?? "").Trim();
        client.TamUserId = string.IsNullOrWhiteSpace(r.TamUserId) ? null : r.TamUserId;
        client.VcioUserId = string.IsNullOrWhiteSpace(r.VcioUserId) ? null : r.VcioUserId;
        client.FiscalYearStartMonth = r.FiscalYearStartMonth ?? 1;
        client.VisitsPerYear = r.VisitsPerYear;
        client.PsaCompanyId = string.IsNullOrWhiteSpace(r.PsaCompanyId) ? null : r.PsaCompanyId.Trim();
        client.EndpointsFromAssets = r.EndpointsFromAssets ?? client.EndpointsFromAssets;
        if (client.EndpointsFromAssets && id is not null && await ClientEnvironment.AssetCounts.CountAsync(db, client.Id, ct) is { } counts)
            (client.Workstations, client.Servers) = counts;
        client.UpdatedAt = Now;
        client.Version = Guid.NewGuid();
        if (id is null) db.Clients.Add(client);
        await SmartNumbers.EndpointHistory.RecordAsync(db, client.Id, DateOnly.FromDateTime(Now),
            ClientRules.Endpoints(client.Endpoints, client.Workstations, client.Servers), ct);
        await db.SaveChangesAsync(ct);
        return new(await GetAsync(client.Id, ct));
    }

    /// <summary>
    /// Sets the workstation and server counts from the client's assets (AssetService calls it after each change) when the client takes
    /// them from its assets, recording the endpoints in force this month for the smart numbers as a typed change would.
    /// </summary>
    public async Task FollowAssetsAsync(Guid id, int workstations, int servers, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is not { EndpointsFromAssets: true } || (client.Workstations, client.Servers) == (workstations, servers)) return;
        (client.Workstations, client.Servers) = (workstations, servers);
        client.UpdatedAt = Now;
        client.Version = Guid.NewGuid();
        await SmartNumbers.EndpointHistory.RecordAsync(db, client.Id, DateOnly.FromDateTime(Now),
            ClientRules.Endpoints(client.Endpoints, client.Workstations, client.Servers), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(ClientRequest r, Guid? currentId, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name)) e["name"] = ["Enter the client's name."];
        else if (r.Name.Trim().Length > 200) e["name"] = ["Keep the name to 200 characters or fewer."];
        SingleLine.Check(r.Name, "name", e);
        if (!string.IsNullOrWhiteSpace(r.Status) && !ApiEnum.TryParse<ClientStatus>(r.Status, out _))
            e["status"] = [$"\"{r.Status}\" is not a client status. Use Onboarding, Active or Inactive."];
        if (r.Mrr is < 0 or > 100_000_000) e["mrr"] = ["MRR is an amount from 0 to 100,000,000."];
        foreach (var (field, value) in new[] { ("seats", r.Seats), ("workstations", r.Workstations), ("servers", r.Servers), ("storageGb", r.StorageGb),
            ("endpoints", r.Endpoints) })
            if (value is < 0 or > 10_000_000) e[field] = ["Enter a whole number from 0 to 10,000,000."];
        if (r.FiscalYearStartMonth is < 1 or > 12) e["fiscalYearStartMonth"] = ["The fiscal year starts in a month from 1 (January) to 12 (December)."];
        if (r.VisitsPerYear is < 0 or > 260) e["visitsPerYear"] = ["Visits per year is a number from 0 to 260, or empty for the suggested number."];
        if (r.ContractStart is { } start && r.ContractEnd is { } end && end < start) e["contractEnd"] = ["The contract cannot end before it starts."];
        if ((r.SalesRep ?? "").Length > 200) e["salesRep"] = ["Keep the sales rep's name to 200 characters or fewer."];
        SingleLine.Check(r.SalesRep, "salesRep", e);
        await CheckPsaCompanyAsync(r, currentId, e, ct);
        await RoleHolders.CheckAsync(db, r.TamUserId, Roles.Tam, "tamUserId", e, ct);
        await RoleHolders.CheckAsync(db, r.VcioUserId, Roles.Vcio, "vcioUserId", e, ct);
        return e;
    }

    private async Task CheckPsaCompanyAsync(ClientRequest r, Guid? currentId, Dictionary<string, string[]> e, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.PsaCompanyId)) return;
        var psa = r.PsaCompanyId.Trim();
        if (psa.Length > 200) { e["psaCompanyId"] = ["Keep the PSA company to 200 characters or fewer."]; return; }
        SingleLine.Check(psa, "psaCompanyId", e);
        // Imports match case-insensitively, so two clients may not share a PSA company in any spelling.
        var key = psa.ToLowerInvariant();
        var others = await db.Clients.Where(c => c.PsaCompanyId != null && c.Id != currentId)
            .Select(c => new { c.Name, c.PsaCompanyId }).ToListAsync(ct);
        if (others.FirstOrDefault(c => c.PsaCompanyId!.ToLowerInvariant() == key) is { } taken)
            e["psaCompanyId"] = [$"{taken.Name} already has the PSA company \"{psa}\". Each PSA company belongs to one client."];
    }

    private async Task<List<ClientDetails>> ToDetailsAsync(List<Client> clients, CancellationToken ct)
    {
        var perVisit = (await settings.GetAsync(ct)).MrrPerMonthlyVisit;
        var userIds = clients.SelectMany(c => new[] { c.TamUserId, c.VcioUserId }).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return clients.Select(c => new ClientDetails(c.Id, c.Name, c.Status, c.Mrr, c.Seats, c.Workstations, c.Servers,
            c.StorageGb, ClientRules.Endpoints(c.Endpoints, c.Workstations, c.Servers), c.ContractStart, c.ContractEnd, c.SalesRep,
            c.TamUserId, c.VcioUserId, c.FiscalYearStartMonth, c.VisitsPerYear, ClientRules.SuggestedVisitsPerYear(c.Mrr, perVisit),
            ClientRules.Aisp(c.Mrr, c.Seats), c.TamUserId is null ? null : names.GetValueOrDefault(c.TamUserId),
            c.VcioUserId is null ? null : names.GetValueOrDefault(c.VcioUserId), c.Version, c.PsaCompanyId, c.EndpointsFromAssets)).ToList();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
