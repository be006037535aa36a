using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Infrastructure;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>A client's assets. After every change the client's endpoint counts follow the assets when the client asks for that.</summary>
public sealed class AssetService(AppDbContext db, ClientService clients, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<PagedList<AssetDetails>> ListAsync(Guid clientId, AssetFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        var query = db.Set<Asset>().AsNoTracking().Where(a => a.ClientId == clientId);
        if (!string.IsNullOrWhiteSpace(f.Q)) { var q = f.Q.Trim().ToLowerInvariant(); query = query.Where(a => a.Search.Contains(q)); }
        if (ApiEnum.TryParse<AssetKind>(f.Kind, out var kind)) query = query.Where(a => a.Kind == kind);
        var total = await query.CountAsync(ct);
        query = (f.Sort ?? "name") switch
        {
            "-name" => query.OrderByDescending(a => a.Search),
            "kind" => query.OrderBy(a => a.Kind).ThenBy(a => a.Search),
            "-kind" => query.OrderByDescending(a => a.Kind).ThenBy(a => a.Search),
            "warranty" => query.OrderBy(a => a.WarrantyEndsOn == null).ThenBy(a => a.WarrantyEndsOn).ThenBy(a => a.Search),
            "-warranty" => query.OrderBy(a => a.WarrantyEndsOn == null).ThenByDescending(a => a.WarrantyEndsOn).ThenBy(a => a.Search),
            "endOfLife" => query.OrderBy(a => a.EndOfLifeOn == null).ThenBy(a => a.EndOfLifeOn).ThenBy(a => a.Search),
            "-endOfLife" => query.OrderBy(a => a.EndOfLifeOn == null).ThenByDescending(a => a.EndOfLifeOn).ThenBy(a => a.Search),
            // Empty dates and costs go last on both engines (PostgreSQL would put them first when descending).
            // SQLite keeps decimals as text; ordering by the value cast to a double sorts them as numbers (ordering only, no sums).
            "cost" => query.OrderBy(a => a.AnnualCost == null).ThenBy(a => (double?)a.AnnualCost).ThenBy(a => a.Search),
            "-cost" => query.OrderBy(a => a.AnnualCost == null).ThenByDescending(a => (double?)a.AnnualCost).ThenBy(a => a.Search),
            _ => query.OrderBy(a => a.Search),
        };
        var rows = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new(rows.Select(ToDetails).ToList(), page, size, total);
    }

    /// <summary>What a review shows beside a standard about a kind of asset: per kind, the first assets and the warranty counts.</summary>
    public async Task<Dictionary<AssetKind, KindInventory>> InventoryAsync(Guid clientId, IEnumerable<AssetKind> kinds, int limit, CancellationToken ct)
    {
        var inventory = new Dictionary<AssetKind, KindInventory>();
        var (today, soon) = (Today, Today.AddDays(AssetRules.EndsSoonDays));
        foreach (var kind in kinds.Distinct())
        {
            var query = db.Set<Asset>().AsNoTracking().Where(a => a.ClientId == clientId && a.Kind == kind);
            var total = await query.CountAsync(ct);
            var expired = total == 0 ? 0 : await query.CountAsync(a => a.WarrantyEndsOn < today, ct);
            var ending = total == 0 ? 0 : await query.CountAsync(a => a.WarrantyEndsOn >= today && a.WarrantyEndsOn <= soon, ct);
            List<Asset> rows = total == 0 ? [] : await query.OrderBy(a => a.WarrantyEndsOn == null).ThenBy(a => a.WarrantyEndsOn).ThenBy(a => a.Search)
                .Take(limit).ToListAsync(ct);
            inventory[kind] = new(kind, rows.Select(ToDetails).ToList(), total, expired, ending);
        }
        return inventory;
    }

    public async Task<AssetDetails?> GetAsync(Guid clientId, Guid id, CancellationToken ct) =>
        await db.Set<Asset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ClientId == clientId, ct) is { } a ? ToDetails(a) : null;

    public async Task<Outcome<AssetDetails>> SaveAsync(Guid clientId, Guid? id, AssetRequest r, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return Outcome<AssetDetails>.Missing($"There is no client with id '{clientId}'.");
        var asset = id is null ? new Asset { ClientId = clientId, CreatedAt = Now }
            : await db.Set<Asset>().FirstOrDefaultAsync(a => a.Id == id && a.ClientId == clientId, ct);
        if (asset is null) return Outcome<AssetDetails>.Missing($"The client has no asset with id '{id}'.");
        var errors = AssetRules.Validate(r);
        if (errors.Count > 0) return Outcome<AssetDetails>.Invalid(errors);
        Apply(asset, r, Now);
        if (id is null) db.Add(asset);
        await db.SaveChangesAsync(ct);
        await FollowAssetsAsync(clientId, ct);
        return Outcome<AssetDetails>.Ok(ToDetails(asset));
    }

    public async Task<bool> DeleteAsync(Guid clientId, Guid id, CancellationToken ct)
    {
        if (await db.Set<Asset>().FirstOrDefaultAsync(a => a.Id == id && a.ClientId == clientId, ct) is not { } asset) return false;
        db.Remove(asset);
        await db.SaveChangesAsync(ct);
        await FollowAssetsAsync(clientId, ct);
        return true;
    }

    /// <summary>When the client takes its endpoint counts from its assets, the workstation and server counts follow them (issue 17).</summary>
    public async Task FollowAssetsAsync(Guid clientId, CancellationToken ct)
    {
        var counts = await AssetCounts.CountAsync(db, clientId, ct);
        if (counts is { } c) await clients.FollowAssetsAsync(clientId, c.Workstations, c.Servers, ct);
    }

    /// <summary>Copies a valid request onto an asset (the request has passed <see cref="AssetRules.Validate"/>).</summary>
    public static void Apply(Asset asset, AssetRequest r, DateTime now)
    {
        asset.Kind = AssetRules.ParseKind(r.Kind)!.Value;
        asset.Name = r.Name!.Trim();
        asset.Manufacturer = (r.Manufacturer ?? "").Trim();
        asset.Model = (r.Model ?? "").Trim();
        asset.SerialNumber = (r.SerialNumber ?? "").Trim();
        asset.Search = $"{asset.Name} {asset.SerialNumber}".Trim().ToLowerInvariant();
        (asset.PurchasedOn, asset.WarrantyEndsOn, asset.EndOfLifeOn, asset.RenewsOn) = (r.PurchasedOn, r.WarrantyEndsOn, r.EndOfLifeOn, r.RenewsOn);
        asset.AnnualCost = r.AnnualCost is { } cost ? Math.Round(cost, 2, MidpointRounding.AwayFromZero) : null;
        asset.UpdatedAt = now;
    }

    private AssetDetails ToDetails(Asset a) => new(a.Id, a.ClientId, a.Kind, a.Name, a.Manufacturer, a.Model, a.SerialNumber, a.PurchasedOn,
        a.WarrantyEndsOn, a.EndOfLifeOn, a.RenewsOn, a.AnnualCost, AssetRules.Warranty(a.WarrantyEndsOn, Today));
}

/// <summary>How many workstation and server assets a client has; null when it has no assets at all (its typed counts then stand).</summary>
public static class AssetCounts
{
    public static async Task<(int Workstations, int Servers)?> CountAsync(AppDbContext db, Guid clientId, CancellationToken ct)
    {
        var kinds = await db.Set<Asset>().Where(a => a.ClientId == clientId).GroupBy(a => a.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (kinds.Count == 0) return null;
        return (kinds.Where(k => k.Kind == AssetKind.Workstation).Sum(k => k.Count), kinds.Where(k => k.Kind == AssetKind.Server).Sum(k => k.Count));
    }
}
