using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Plumbline.Features.Operations;

/// <summary>
/// Plumbline's own traces and metrics: PDF printing, webhook deliveries and imports. With no listener (OpenTelemetry not
/// configured) StartActivity returns null and the instruments record nothing, so the calls cost next to nothing.
/// </summary>
public static class PlumblineTelemetry
{
    public const string Name = "Plumbline";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> PdfDuration = Meter.CreateHistogram<double>("plumbline.report.pdf.duration", "s",
        "Time to print one report as PDF.");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>("plumbline.webhook.deliveries", "{attempt}",
        "Webhook delivery attempts, by outcome (delivered, retry, failed).");

    public static readonly Histogram<double> WebhookDuration = Meter.CreateHistogram<double>("plumbline.webhook.delivery.duration", "s",
        "Time from sending a webhook to the receiver's answer.");

    public static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("plumbline.import.rows", "{row}",
        "Rows read by imports, by import (time-entries, library) and outcome (imported, skipped).");

    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("plumbline.import.duration", "s",
        "Time one import took, by import.");

    /// <summary>An activity "import {kind}" timed into <see cref="ImportDuration"/>; report its rows with <see cref="Timed.Rows"/>.</summary>
    public static Timed StartImport(string kind) => new(Source.StartActivity($"import {kind}"), ImportDuration, "plumbline.import", kind);

    public static Timed StartPdf(string? report = null) => new(Source.StartActivity("report pdf"), PdfDuration, "plumbline.report", report);

    public static Timed StartWebhookDelivery(string webhookEvent) =>
        new(Source.StartActivity("webhook deliver", ActivityKind.Client), WebhookDuration, "plumbline.webhook.event", webhookEvent);

    /// <summary>One traced and timed piece of work; disposing it records the duration and ends the activity.</summary>
    public sealed class Timed : IDisposable
    {
        private readonly Histogram<double> _duration;
        private readonly KeyValuePair<string, object?> _tag;
        private readonly long _started = Stopwatch.GetTimestamp();

        internal Timed(Activity? activity, Histogram<double> duration, string tagName, string? tagValue)
        {
            Activity = activity;
            _duration = duration;
            _tag = new(tagName, tagValue);
            if (tagValue is not null) activity?.SetTag(tagName, tagValue);
        }

        public Activity? Activity { get; }

        public void Rows(int imported, int skipped)
        {
            Activity?.SetTag("plumbline.import.imported", imported).SetTag("plumbline.import.skipped", skipped);
            ImportedRows.Add(imported, _tag, new("outcome", "imported"));
            ImportedRows.Add(skipped, _tag, new("outcome", "skipped"));
        }

        public void Delivery(string outcome, int? statusCode)
        {
            Activity?.SetTag("plumbline.webhook.outcome", outcome).SetTag("http.response.status_code", statusCode);
            if (outcome != "delivered") Activity?.SetStatus(ActivityStatusCode.Error);
            WebhookDeliveries.Add(1, _tag, new("outcome", outcome));
        }

        public void Failed(Exception e) => Activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);

        public void Dispose()
        {
            if (_duration.Enabled) _duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _tag);
            Activity?.Dispose();
        }
    }
}

/// <summary>OpenTelemetry over OTLP when configured, and console logs as JSON (docs/operations.md, Monitoring).</summary>
public static class Observability
{
    /// <summary>The OTLP endpoint: Telemetry:OtlpEndpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT variable.</summary>
    public static string? OtlpEndpoint(IConfiguration configuration) =>
        NullIfBlank(configuration["Telemetry:OtlpEndpoint"]) ?? NullIfBlank(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        AddJsonLogs(builder);
        var configuration = builder.Configuration;
        // Not configured: no OpenTelemetry at all, so no listener, no exporter and no background thread.
        if (OtlpEndpoint(configuration) is null) return builder;

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(NullIfBlank(configuration["Telemetry:ServiceName"]) ?? "plumbline",
                serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString(), serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(PlumblineTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Health probes every few seconds would drown the traces that matter.
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                    o.EnrichWithHttpResponse = HideSecretPaths;
                })
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(PlumblineTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", "System.Runtime"));
        if (NullIfBlank(configuration["Telemetry:OtlpEndpoint"]) is { } configured)
        {
            var protocol = string.Equals(configuration["Telemetry:OtlpProtocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            otel.UseOtlpExporter(protocol, new Uri(configured));
        }
        else
        {
            // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) are read by the exporter itself.
            otel.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>A calendar feed's address is its secret: the trace keeps the route ("/calendar/{token}.ics"), not the token.</summary>
    private static void HideSecretPaths(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint route
            && route.RoutePattern.Parameters.Any(p => p.Name.Contains("token", StringComparison.OrdinalIgnoreCase)))
        {
            activity.SetTag("url.path", route.RoutePattern.RawText);
            activity.DisplayName = $"{response.HttpContext.Request.Method} {route.RoutePattern.RawText}";
        }
    }

    /// <summary>
    /// JSON console logs (one object a line, UTC timestamp, scopes) when Logging:Format is json, and by default in Production unless
    /// Logging:Console:FormatterName chooses another formatter.
    /// </summary>
    private static void AddJsonLogs(WebApplicationBuilder builder)
    {
        var format = NullIfBlank(builder.Configuration["Logging:Format"]);
        var formatter = NullIfBlank(builder.Configuration["Logging:Console:FormatterName"]);
        var json = format is not null ? string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            : formatter is null ? builder.Environment.IsProduction() : string.Equals(formatter, ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.IncludeScopes = true;
        });
        if (json) builder.Logging.AddJsonConsole();
        else if (format is not null) builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Simple);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
