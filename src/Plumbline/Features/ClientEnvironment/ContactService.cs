using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>A client's contacts and sites: one decision maker and one primary contact at most.</summary>
public sealed class ContactService(AppDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<bool> ClientExistsAsync(Guid clientId, CancellationToken ct) => db.Clients.AnyAsync(c => c.Id == clientId, ct);

    public async Task<PagedList<ContactDetails>> ListAsync(Guid clientId, ListPage p, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(p.Page, p.PageSize);
        var query = db.Set<Contact>().AsNoTracking().Where(c => c.ClientId == clientId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.IsDecisionMaker).ThenByDescending(c => c.IsPrimary).ThenBy(c => c.Name)
            .Skip((page - 1) * size).Take(size).Select(c => ToDetails(c)).ToListAsync(ct);
        return new(rows, page, size, total);
    }

    /// <summary>The client's decision maker, for the client page and reports; null when none is named.</summary>
    public Task<ContactDetails?> DecisionMakerAsync(Guid clientId, CancellationToken ct) =>
        db.Set<Contact>().AsNoTracking().Where(c => c.ClientId == clientId && c.IsDecisionMaker).Select(c => ToDetails(c)).FirstOrDefaultAsync(ct);

    public async Task<Outcome<ContactDetails>> SaveAsync(Guid clientId, Guid? id, ContactRequest r, CancellationToken ct)
    {
        if (!await ClientExistsAsync(clientId, ct)) return Outcome<ContactDetails>.Missing($"There is no client with id '{clientId}'.");
        var contact = id is null ? new Contact { ClientId = clientId, CreatedAt = Now }
            : await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == id && c.ClientId == clientId, ct);
        if (contact is null) return Outcome<ContactDetails>.Missing($"The client has no contact with id '{id}'.");
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name)) e["name"] = ["Enter the contact's name."];
        Text(r.Name, "name", 200, e);
        Text(r.Email, "email", 256, e);
        Text(r.Phone, "phone", 50, e);
        Text(r.Title, "title", 200, e);
        if (!e.ContainsKey("email") && r.Email?.Trim() is { Length: > 0 } email && (!email.Contains('@') || email.Contains(' ')))
            e["email"] = ["Enter an e-mail address such as name@example.com, or leave it empty."];
        var others = db.Set<Contact>().Where(c => c.ClientId == clientId && c.Id != contact.Id);
        if (r.IsDecisionMaker == true && await others.Where(c => c.IsDecisionMaker).Select(c => c.Name).FirstOrDefaultAsync(ct) is { } dm)
            e["isDecisionMaker"] = [$"{dm} is already the client's decision maker. A client has one: change {dm} first."];
        if (r.IsPrimary == true && await others.Where(c => c.IsPrimary).Select(c => c.Name).FirstOrDefaultAsync(ct) is { } primary)
            e["isPrimary"] = [$"{primary} is already the client's primary contact. A client has one: change {primary} first."];
        if (e.Count > 0) return Outcome<ContactDetails>.Invalid(e);

        contact.Name = r.Name!.Trim();
        contact.Email = (r.Email ?? "").Trim();
        contact.Phone = (r.Phone ?? "").Trim();
        contact.Title = (r.Title ?? "").Trim();
        contact.IsDecisionMaker = r.IsDecisionMaker ?? false;
        contact.IsPrimary = r.IsPrimary ?? false;
        contact.UpdatedAt = Now;
        if (id is null) db.Add(contact);
        await db.SaveChangesAsync(ct);
        return Outcome<ContactDetails>.Ok(ToDetails(contact));
    }

    public Task<bool> DeleteAsync(Guid clientId, Guid id, CancellationToken ct) =>
        RemoveAsync(db.Set<Contact>().Where(c => c.Id == id && c.ClientId == clientId), ct);

    /// <summary>Loaded and removed (not a bulk delete) so the audit trail records who removed what.</summary>
    private async Task<bool> RemoveAsync<T>(IQueryable<T> match, CancellationToken ct) where T : class
    {
        if (await match.FirstOrDefaultAsync(ct) is not { } found) return false;
        db.Remove(found);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<PagedList<SiteDetails>> ListSitesAsync(Guid clientId, ListPage p, CancellationToken ct)
    {
        var (page, size) = Paging.Normalize(p.Page, p.PageSize);
        var query = db.Set<Site>().AsNoTracking().Where(s => s.ClientId == clientId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(s => s.Name).Skip((page - 1) * size).Take(size).Select(s => ToDetails(s)).ToListAsync(ct);
        return new(rows, page, size, total);
    }

    public async Task<Outcome<SiteDetails>> SaveSiteAsync(Guid clientId, Guid? id, SiteRequest r, CancellationToken ct)
    {
        if (!await ClientExistsAsync(clientId, ct)) return Outcome<SiteDetails>.Missing($"There is no client with id '{clientId}'.");
        var site = id is null ? new Site { ClientId = clientId, CreatedAt = Now }
            : await db.Set<Site>().FirstOrDefaultAsync(s => s.Id == id && s.ClientId == clientId, ct);
        if (site is null) return Outcome<SiteDetails>.Missing($"The client has no site with id '{id}'.");
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Name)) e["name"] = ["Enter the site's name (for example \"Head office\")."];
        Text(r.Name, "name", 200, e);
        Text(r.AddressLine1, "addressLine1", 200, e);
        Text(r.AddressLine2, "addressLine2", 200, e);
        Text(r.City, "city", 100, e);
        Text(r.Postcode, "postcode", 20, e);
        Text(r.Country, "country", 100, e);
        if (e.Count > 0) return Outcome<SiteDetails>.Invalid(e);
        (site.Name, site.AddressLine1, site.AddressLine2) = (r.Name!.Trim(), (r.AddressLine1 ?? "").Trim(), (r.AddressLine2 ?? "").Trim());
        (site.City, site.Postcode, site.Country) = ((r.City ?? "").Trim(), (r.Postcode ?? "").Trim(), (r.Country ?? "").Trim());
        site.UpdatedAt = Now;
        if (id is null) db.Add(site);
        await db.SaveChangesAsync(ct);
        return Outcome<SiteDetails>.Ok(ToDetails(site));
    }

    public Task<bool> DeleteSiteAsync(Guid clientId, Guid id, CancellationToken ct) =>
        RemoveAsync(db.Set<Site>().Where(s => s.Id == id && s.ClientId == clientId), ct);

    private static void Text(string? value, string field, int max, Dictionary<string, string[]> e)
    {
        if ((value ?? "").Trim().Length > max) e[field] = [$"Keep this to {max} characters or fewer."];
        SingleLine.Check(value, field, e);
    }

    private static ContactDetails ToDetails(Contact c) => new(c.Id, c.ClientId, c.Name, c.Email, c.Phone, c.Title, c.IsDecisionMaker, c.IsPrimary);

    private static SiteDetails ToDetails(Site s) => new(s.Id, s.ClientId, s.Name, s.AddressLine1, s.AddressLine2, s.City, s.Postcode, s.Country);
}
