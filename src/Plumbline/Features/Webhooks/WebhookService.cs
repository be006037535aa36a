using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Webhooks;

/// <summary>A webhook as the API shows it; the secret only when it is created, revealed or rotated.</summary>
public sealed record WebhookDetails(Guid Id, string Url, string Description, IReadOnlyList<string> Events, bool Active, DateTime CreatedAt,
    DateTime UpdatedAt, Guid Version, string? Secret = null);

public sealed record WebhookRequest(string? Url, string? Description, List<string>? Events, bool? Active, Guid? Version = null);

public sealed record DeliveryDetails(Guid Id, Guid WebhookId, Guid EventId, string Event, DeliveryStatus Status, int Attempts, DateTime CreatedAt,
    DateTime? NextAttemptAt, DateTime? LastAttemptAt, DateTime? DeliveredAt, int? LastStatusCode, string? LastError, int? LastDurationMs, string? Body = null);

public sealed record WebhookSecret(string Secret);

/// <summary>Registers webhooks and reads their delivery history; an admin's work.</summary>
public sealed class WebhookService(AppDbContext db, TimeProvider clock, PublicUrl urls, ReceiverAddresses addresses)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PagedList<WebhookDetails>> ListAsync(int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await db.WebhookSubscriptions.CountAsync(ct);
        var rows = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<WebhookDetails>(rows.Select(s => ToDetails(s)).ToList(), p, size, total);
    }

    public async Task<WebhookDetails?> GetAsync(Guid id, CancellationToken ct) =>
        await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s ? ToDetails(s) : null;

    public async Task<Outcome<WebhookDetails>> SaveAsync(Guid? id, WebhookRequest r, CancellationToken ct)
    {
        var webhook = id is null ? new WebhookSubscription { CreatedAt = Now, Secret = WebhookSigning.NewSecret() }
            : await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (webhook is null) return new(null, NotFound: true);
        if (id is not null && r.Version is { } version && version != webhook.Version)
            return new(null, Conflict: "Someone else changed this webhook after you opened it. Reload it and apply your change again.");
        var errors = Validate(r);
        if (errors.Count == 0 && await addresses.ProblemWithAsync(new Uri(r.Url!.Trim()), ct) is { } refused) errors["url"] = [refused];
        if (errors.Count > 0) return new(null, errors);
        webhook.Url = r.Url!.Trim();
        webhook.Description = (r.Description ?? "").Trim();
        webhook.Events = string.Join(",", WebhookEvents.All.Where(e => r.Events!.Contains(e, StringComparer.OrdinalIgnoreCase)));
        webhook.Active = r.Active ?? true;
        webhook.UpdatedAt = Now;
        webhook.Version = Guid.NewGuid();
        if (id is null) db.WebhookSubscriptions.Add(webhook);
        await db.SaveChangesAsync(ct);
        return new(ToDetails(webhook, withSecret: id is null));
    }

    public static Dictionary<string, string[]> Validate(WebhookRequest r)
    {
        var e = new Dictionary<string, string[]>();
        var url = r.Url?.Trim();
        if (string.IsNullOrEmpty(url)) e["url"] = ["Enter the URL Plumbline should post events to."];
        else if (url.Length > 2000) e["url"] = ["Keep the URL to 2,000 characters or fewer."];
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            e["url"] = ["Enter an absolute http:// or https:// URL, such as https://psa.example.com/hooks/plumbline."];
        if (r.Events is not { Count: > 0 }) e["events"] = [$"Choose at least one event: {string.Join(", ", WebhookEvents.All)}."];
        else if (r.Events.FirstOrDefault(x => !WebhookEvents.All.Contains(x, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            e["events"] = [$"\"{unknown}\" is not an event. Use {string.Join(", ", WebhookEvents.All)}."];
        if ((r.Description ?? "").Trim().Length > 200) e["description"] = ["Keep the description to 200 characters or fewer."];
        return e;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        var webhook = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (webhook is null) return false;
        db.WebhookSubscriptions.Remove(webhook);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<string?> SecretAsync(Guid id, bool rotate, CancellationToken ct)
    {
        var webhook = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (webhook is null || !rotate) return webhook?.Secret;
        webhook.Secret = WebhookSigning.NewSecret();
        webhook.UpdatedAt = Now;
        webhook.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return webhook.Secret;
    }

    public async Task<PagedList<DeliveryDetails>?> DeliveriesAsync(Guid id, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) return null;
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (ApiEnum.TryParse<DeliveryStatus>(status, out var s)) query = query.Where(d => d.Status == s);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<DeliveryDetails>(rows.Select(d => ToDetails(d)).ToList(), p, size, total);
    }

    public async Task<DeliveryDetails?> DeliveryAsync(Guid id, Guid deliveryId, CancellationToken ct) =>
        await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct) is { } d
            ? ToDetails(d, withBody: true) : null;

    /// <summary>Queues a "webhook.test" event for this webhook alone (sent even while it is turned off), so its receiver can be checked.</summary>
    public async Task<DeliveryDetails?> SendTestAsync(Guid id, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, ct)) return null;
        var eventId = Guid.CreateVersion7();
        var body = new WebhookTestPayload(new WebhookTestData(id, "A test event from Plumbline. Check the signature and answer 2xx."))
            .Serialize(eventId, Now, urls);
        return await QueueAsync(new WebhookDelivery { SubscriptionId = id, EventId = eventId, Event = WebhookEvents.Test, Body = body }, ct);
    }

    /// <summary>Sends an earlier delivery's exact body again as a new delivery; the history keeps both.</summary>
    public async Task<DeliveryDetails?> RedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct)
    {
        var old = await db.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct);
        return old is null ? null
            : await QueueAsync(new WebhookDelivery { SubscriptionId = id, EventId = old.EventId, Event = old.Event, Body = old.Body }, ct);
    }

    private async Task<DeliveryDetails> QueueAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        delivery.CreatedAt = Now;
        delivery.NextAttemptAt = Now;
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        return ToDetails(delivery);
    }

    private static WebhookDetails ToDetails(WebhookSubscription s, bool withSecret = false) =>
        new(s.Id, s.Url, s.Description, s.EventList, s.Active, s.CreatedAt, s.UpdatedAt, s.Version, withSecret ? s.Secret : null);

    private static DeliveryDetails ToDetails(WebhookDelivery d, bool withBody = false) =>
        new(d.Id, d.SubscriptionId, d.EventId, d.Event, d.Status, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt,
            d.DeliveredAt, d.LastStatusCode, d.LastError, d.LastDurationMs, withBody ? d.Body : null);
}
