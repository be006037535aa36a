using System.Collections;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Operations;

/// <summary>An instance that exports over OTLP to the given receiver and also keeps every finished activity in memory.</summary>
public sealed class TracedFactory(string otlpEndpoint) : PlumblineFactory(TestDatabase.Sqlite, new Dictionary<string, string?>
{
    ["Telemetry:OtlpEndpoint"] = otlpEndpoint,
    ["Telemetry:OtlpProtocol"] = "http/protobuf",
    ["Webhooks:DeliverInBackground"] = "false",
})
{
    public SyncList<Activity> Activities { get; } = new();

    public SyncList<Metric> Metrics { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Activities))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics)));
    }
}

/// <summary>A list the in-memory exporter may add to from any thread while the test reads it.</summary>
public sealed class SyncList<T> : ICollection<T>
{
    private readonly List<T> _items = [];
    public int Count { get { lock (_items) return _items.Count; } }
    public bool IsReadOnly => false;
    public void Add(T item) { lock (_items) _items.Add(item); }
    public void Clear() { lock (_items) _items.Clear(); }
    public bool Contains(T item) { lock (_items) return _items.Contains(item); }
    public void CopyTo(T[] array, int arrayIndex) { lock (_items) _items.CopyTo(array, arrayIndex); }
    public bool Remove(T item) { lock (_items) return _items.Remove(item); }
    public IEnumerator<T> GetEnumerator() { lock (_items) return _items.ToList().GetEnumerator(); }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Issue 14, observability: OpenTelemetry only when configured, our own activities, JSON logs with a UTC timestamp.</summary>
public sealed class ObservabilityTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public void Without_an_endpoint_there_is_no_tracer_and_no_exporter()
    {
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("Logging:Format", "json")]
    [InlineData("Logging:Console:FormatterName", "")]
    public async Task Json_logs_are_chosen_by_setting_or_by_default_in_production_and_each_line_is_json_with_a_utc_timestamp(string key,
        string value)
    {
        await using var instance = factory.NewInstance(new Dictionary<string, string?> { [key] = value });
        var options = instance.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var formatter = instance.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == options.FormatterName);
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push(new Dictionary<string, object> { ["RequestPath"] = "/api/v1/clients" });
        var line = new StringWriter();

        formatter.Write(new LogEntry<string>(LogLevel.Information, "Plumbline.Test", new EventId(7), "Database ready", null, (s, _) => s), scopes, line);

        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
        using var json = JsonDocument.Parse(line.ToString());
        var timestamp = json.RootElement.GetProperty("Timestamp").GetString()!;
        Assert.EndsWith("Z", timestamp);
        Assert.True(DateTimeOffset.TryParse(timestamp, out var at) && at.Offset == TimeSpan.Zero && Math.Abs((DateTimeOffset.UtcNow - at).TotalMinutes) < 5,
            timestamp);
        Assert.Equal("Database ready", json.RootElement.GetProperty("Message").GetString());
        Assert.Contains(json.RootElement.GetProperty("Scopes").EnumerateArray(), s => s.TryGetProperty("RequestPath", out _));
    }

    [Fact]
    public void The_test_instances_keep_the_plain_formatter_they_ask_for()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(ConsoleFormatterNames.Simple, options.FormatterName);
    }
}

/// <summary>
/// Tracing tests listen to activity sources by name, and a name is process-wide: while other tests run beside them, their
/// listener also records the other hosts' requests, imports and deliveries. So these run on their own, after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(TracingTests), DisableParallelization = true)]
public sealed class TracingCollection;

/// <summary>Issue 14, observability: our own activities and the OTLP export, when an endpoint is configured.</summary>
[Collection(nameof(TracingTests))]
public sealed class TracingTests
{
    [Fact]
    public async Task A_request_an_import_a_webhook_delivery_and_a_pdf_are_traced_and_exported_over_otlp()
    {
        await using var collector = await TestReceiver.StartAsync();
        await using var receiver = await TestReceiver.StartAsync();
        await using var instance = new TracedFactory(collector.Root);
        var (admin, clientId, _) = await instance.RoadmapClientAsync();

        await (await admin.GetAsync($"/api/v1/clients/{clientId}")).ExpectAsync(HttpStatusCode.OK);
        var csv = $"externalId,client,date,hours\nt-{Guid.NewGuid():N},Nobody Ltd,2026-05-05,3\nt-2,Nobody Ltd,not a day,1\n";
        await (await admin.PostRawAsync("/api/v1/time-entries/import", csv, "text/csv")).ReadJsonAsync();
        var webhook = await admin.CreateWebhookAsync(receiver.Url, WebhookEvents.HandoffCreated);
        await (await admin.PostAsync($"/api/v1/webhooks/{webhook.Id}/test", null)).ExpectAsync(HttpStatusCode.Accepted);
        await instance.Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(default);
        var pdf = await admin.GetAsync($"/reports/clients/{clientId}/roadmap?fromYear=2027&years=1&format=pdf");
        await pdf.ExpectAsync(HttpStatusCode.OK);

        var activities = instance.Activities.ToList();
        // A request, with the database commands it ran in the same trace.
        Assert.Contains(activities, request => request.Kind == ActivityKind.Server && request.GetTagItem("http.route") as string == "/api/v1/clients/{id:guid}"
            && activities.Any(a => a.TraceId == request.TraceId && a.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal)));
        var imports = activities.Where(a => a.DisplayName == "import time-entries").ToList();
        Assert.True(imports.Count == 1, string.Join("\n", imports.Select(a => $"{a.SpanId} {a.TraceId} {a.Source.Name} {a.Duration}")));
        var import = imports[0];
        Assert.Equal((1, 1), ((int)import.GetTagItem("plumbline.import.imported")!, (int)import.GetTagItem("plumbline.import.skipped")!));
        Assert.Contains(activities, a => a.TraceId == import.TraceId && a.Kind == ActivityKind.Server);
        // The receiver saw the delivery's trace: exactly one delivery activity carries it, with the outgoing call inside.
        var sentTrace = receiver.Requests.Single().Header("traceparent")?.Split('-')[1];
        var delivery = Assert.Single(activities, a => a.DisplayName == "webhook deliver" && a.TraceId.ToHexString() == sentTrace);
        Assert.Equal("delivered", delivery.GetTagItem("plumbline.webhook.outcome"));
        Assert.Contains(activities, a => a.TraceId == delivery.TraceId && a.Kind == ActivityKind.Client && a.Source.Name == "System.Net.Http");
        Assert.Contains(activities, a => a.DisplayName == "report pdf");

        // The configured OTLP endpoint receives traces and metrics (flushed now instead of after the export interval).
        Assert.True(instance.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        // Its result is false here: the test collector answers 404, so the OTLP half of the collection reports a failure.
        instance.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
        Assert.Contains("POST /v1/traces", collector.OtherRequests);
        Assert.Contains("POST /v1/metrics", collector.OtherRequests);
        var names = instance.Metrics.Select(m => m.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "plumbline.import.rows", "plumbline.import.duration", "plumbline.webhook.deliveries",
            "plumbline.webhook.delivery.duration", "plumbline.report.pdf.duration", "http.server.request.duration" }, names);
    }

    [Fact]
    public async Task A_calendar_feed_is_traced_by_its_route_not_its_secret_address()
    {
        await using var collector = await TestReceiver.StartAsync();
        await using var instance = new TracedFactory(collector.Root);
        await instance.AdminAsync();
        var secret = $"feed{Guid.NewGuid():N}";

        await instance.CreateClient().GetAsync($"/calendar/{secret}.ics");

        var feed = Assert.Single(instance.Activities.ToList(), a => a.Kind == ActivityKind.Server && (a.GetTagItem("http.route") as string)?.StartsWith(
            "/calendar/", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(feed.TagObjects, t => t.Value?.ToString()?.Contains(secret, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(secret, feed.DisplayName, StringComparison.Ordinal);
    }
}
