using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Contract;

/// <summary>
/// Every date-time the API answers with carries its zone, on both databases (API.md: "Every timestamp is UTC with its zone").
/// The GETs come from the live OpenAPI document, so an endpoint added later is checked without touching this test.
/// </summary>
public abstract partial class TimestampTests(ManualDeliveryFactory factory)
{
    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();

    [Fact]
    public async Task Every_date_time_in_every_GET_response_is_UTC_with_its_zone()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var (admin, ids) = await DataSetAsync(receiver);
        var document = await (await admin.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var checkedPaths = new List<string>();
        var skipped = new List<string>();
        var found = new List<(string Path, JsonDateTimes.Found DateTime)>();

        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _)).Select(p => p.Name))
        {
            if (Fill(path, ids) is not { } url) { skipped.Add(path); continue; }
            var response = await admin.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"GET {url} answered {(int)response.StatusCode}: {body}");
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType is not ("application/json" or "application/problem+json"))
                continue;
            checkedPaths.Add(path);
            found.AddRange(JsonDateTimes.In(JsonDocument.Parse(body).RootElement).Select(d => (url, d)));
        }

        var withoutZone = found.Where(f => !f.DateTime.HasZone).Select(f => $"{f.Path} {f.DateTime.Pointer} = {f.DateTime.Value}").ToList();
        Assert.True(withoutZone.Count == 0, "Date-times without a zone:\n" + string.Join("\n", withoutZone));
        // The resources this test made were all read back, with their own timestamps (not only lists that happened to be empty).
        string[] mustBeChecked = ["/api/v1/clients/{id}", "/api/v1/reviews/{id}", "/api/v1/recommendations/{id}", "/api/v1/visits/{id}",
            "/api/v1/handoffs/{id}", "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries/{deliveryId}", "/api/v1/audit"];
        Assert.Empty(mustBeChecked.Except(checkedPaths));
        Assert.True(found.Count >= 40, $"Only {found.Count} date-times were found; the data set is meant to produce many more.");
        Assert.Contains(found, f => f.DateTime.Pointer.EndsWith("(json)/occurredAt", StringComparison.Ordinal));
        Assert.True(skipped.All(p => PathParameter().IsMatch(p)), $"Parameterless GETs were skipped: {string.Join(", ", skipped)}");
    }

    /// <summary>The path with each {parameter} replaced by the id of the resource named by the segment before it; null when there is none.</summary>
    private static string? Fill(string path, IReadOnlyDictionary<string, string> ids)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!PathParameter().IsMatch(segments[i])) continue;
            if (i == 0 || !ids.TryGetValue(segments[i - 1], out var id)) return null;
            segments[i] = id;
        }
        return string.Join('/', segments);
    }

    /// <summary>Every event's data, and a webhook that got them all; keyed by the collection an id belongs to.</summary>
    private async Task<(HttpClient Admin, Dictionary<string, string> Ids)> DataSetAsync(TestReceiver receiver)
    {
        var admin = await factory.AdminAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url);
        var made = await factory.EveryEventAsync(admin);
        await factory.Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(default);
        var delivery = (await admin.DeliveriesAsync(webhook.Id)).Items.First(d => d.Event == WebhookEvents.ReviewCompleted);
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);

        return (admin, new Dictionary<string, string>
        {
            ["users"] = made.TamUserId,
            ["clients"] = made.ClientId.ToString(),
            ["standards"] = made.Library[0].Id.ToString(),
            ["reviews"] = made.ReviewId.ToString(),
            ["answers"] = made.Library[1].Id.ToString(),
            ["recommendations"] = made.RecommendationId.ToString(),
            ["visits"] = made.VisitId.ToString(),
            ["handoffs"] = made.HandoffId.ToString(),
            ["webhooks"] = webhook.Id.ToString(),
            ["deliveries"] = delivery.Id.ToString(),
        });
    }
}

public sealed class TimestampsOnSqlite(SqliteManualDeliveryFactory factory) : TimestampTests(factory), IClassFixture<SqliteManualDeliveryFactory>;

public sealed class TimestampsOnPostgres(PostgresManualDeliveryFactory factory) : TimestampTests(factory), IClassFixture<PostgresManualDeliveryFactory>;
