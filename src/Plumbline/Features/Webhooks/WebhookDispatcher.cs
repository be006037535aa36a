using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Webhooks;

/// <summary>
/// Sends due deliveries. Safe on several nodes: a node first claims a row with a conditional update (pending, due and not
/// leased), so two nodes never send the same attempt; a claim that outlives its lease (a node died) is taken over (ADR-008).
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";
    private const int Parallelism = 4;

    private WebhookOptions Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Expression<Func<WebhookDelivery, bool>> Due(DateTime now) =>
        d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now);

    /// <summary>Tries every delivery that is due now (up to the batch size) and returns how many this node attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.WebhookDeliveries.AsNoTracking().Where(Due(Now)).OrderBy(d => d.NextAttemptAt).Take(Options.BatchSize)
                .Select(d => d.Id).ToListAsync(ct);
        }
        var attempted = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (id, token) =>
        {
            if (await TryDeliverAsync(id, token)) Interlocked.Increment(ref attempted);
        });
        return attempted;
    }

    /// <summary>
    /// Removes deliveries that finished (delivered, or given up) longer ago than the history window, so the table does not grow forever; pending ones stay
    /// whatever their age. Safe on several nodes at once: a row already removed is simply not there.
    /// </summary>
    public Task<int> PruneHistoryAsync(CancellationToken ct) => PruneHistoryAsync(Now - Options.KeepHistoryFor, ct);

    public async Task<int> PruneHistoryAsync(DateTime finishedBefore, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.WebhookDeliveries
            .Where(d => d.Status != DeliveryStatus.Pending && (d.DeliveredAt ?? d.LastAttemptAt ?? d.CreatedAt) < finishedBefore).ExecuteDeleteAsync(ct);
    }

    private async Task<bool> TryDeliverAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now;
        var lease = Guid.NewGuid();
        var leaseFor = Options.Lease > Options.Timeout + TimeSpan.FromSeconds(30) ? Options.Lease : Options.Timeout + TimeSpan.FromSeconds(30);
        var claimed = await db.WebhookDeliveries.Where(d => d.Id == id).Where(Due(now))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LeaseId, lease).SetProperty(d => d.LeaseUntil, now + leaseFor), ct);
        if (claimed == 0) return false;

        var delivery = await db.WebhookDeliveries.AsNoTracking().FirstAsync(d => d.Id == id, ct);
        using var trace = Operations.PlumblineTelemetry.StartWebhookDelivery(delivery.Event);
        var target = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == delivery.SubscriptionId)
            .Select(s => new { s.Url, s.Secret, s.Active }).FirstOrDefaultAsync(ct);
        var started = clock.GetTimestamp();
        // A webhook turned off stops its pending retries; a test event is the admin checking the receiver, so it goes anyway.
        var result = target is not null && (target.Active || delivery.Event == WebhookEvents.Test)
            ? await SendAsync(delivery, target.Url, target.Secret, ct)
            : new SendResult(null, "The webhook was turned off before this delivery went out.", Final: true);
        var duration = (int)Math.Min(int.MaxValue, clock.GetElapsedTime(started).TotalMilliseconds);

        var attempts = delivery.Attempts + 1;
        var retryIn = result.Success || result.Final ? null : RetrySchedule.DelayAfter(attempts);
        var status = result.Success ? DeliveryStatus.Delivered : retryIn is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        trace.Delivery(result.Success ? "delivered" : retryIn is null ? "failed" : "retry", result.StatusCode);
        DateTime? next = retryIn is { } wait ? now + wait : null;
        var saved = await db.WebhookDeliveries.Where(d => d.Id == id && d.LeaseId == lease).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.LastAttemptAt, now)
            .SetProperty(d => d.DeliveredAt, result.Success ? Now : null)
            .SetProperty(d => d.LastStatusCode, result.StatusCode)
            .SetProperty(d => d.LastError, result.Error)
            .SetProperty(d => d.LastDurationMs, duration)
            .SetProperty(d => d.LeaseId, (Guid?)null)
            .SetProperty(d => d.LeaseUntil, (DateTime?)null), CancellationToken.None);
        if (saved == 0) logger.LogWarning("Webhook delivery {DeliveryId} outlived its lease; another node took it over", id);
        else if (!result.Success) logger.LogWarning("Webhook delivery {DeliveryId} ({Event}) attempt {Attempt} failed with {StatusCode}: {Error}",
            id, delivery.Event, attempts, result.StatusCode, result.Error);
        return true;
    }

    private sealed record SendResult(int? StatusCode, string? Error, bool Final = false)
    {
        public bool Success => Error is null;
    }

    private async Task<SendResult> SendAsync(WebhookDelivery delivery, string url, string secret, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Plumbline-Event", delivery.Event);
        request.Headers.Add("X-Plumbline-Delivery", delivery.Id.ToString());
        request.Headers.Add("X-Plumbline-Signature", WebhookSigning.Sign(secret, body));
        // Standard Webhooks: the id is the event's (the same on every retry), the timestamp is this attempt's, so a retry is signed anew.
        var eventId = delivery.EventId.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add("webhook-id", eventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigning.SignStandard(secret, eventId, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Plumbline-Webhooks/1.0");
        // The timeout is wall-clock time: it bounds a real socket, whatever clock the schedule runs on.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new SendResult(code, null)
                : new SendResult(code, $"The receiver answered {code} {response.ReasonPhrase}.".Trim());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SendResult(null, $"No answer within {Options.Timeout.TotalSeconds:0.#} s.");
        }
        // The history is read by admins in the browser: it says what kind of failure, never which internal port refused.
        catch (HttpRequestException e) when (e.InnerException is BlockedAddressException)
        {
            return new SendResult(null, ReceiverAddresses.Refusal);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} could not connect: {Reason}", delivery.Id, e.Message);
            return new SendResult(null, e.HttpRequestError == HttpRequestError.NameResolutionError
                ? "Could not reach the receiver: its host name was not found."
                : "Could not reach the receiver: the connection failed.");
        }
    }
}

/// <summary>Runs <see cref="WebhookDispatcher"/> on every node, every poll interval, until the app stops.</summary>
internal sealed class WebhookWorker(WebhookDispatcher dispatcher, TimeProvider clock, IOptions<WebhookOptions> options,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliverInBackground) return;
        DateTimeOffset? nextPrune = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: go again at once.
                while (await dispatcher.DeliverDueAsync(stoppingToken) >= options.Value.BatchSize) { }
                // Read the clock inside the try: a failure here is logged and retried, never stops the host.
                if (nextPrune is null || clock.GetUtcNow() >= nextPrune)
                {
                    await dispatcher.PruneHistoryAsync(stoppingToken);
                    nextPrune = clock.GetUtcNow().AddHours(1);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogError(e, "A round of webhook deliveries failed; trying again next round"); }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
