using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Infrastructure;

/// <summary>The cross-cutting pieces every feature relies on: clock, errors, JSON, OpenAPI, Razor components.</summary>
public static class Platform
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        PublicUrl.Add(services);
        services.AddScoped<OwnScope>();
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownExceptionHandler>();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // The web defaults also read "12" as 12, which makes every number "number or string" in the OpenAPI
            // document; one spelling per field keeps generated clients exact, and a quoted number is a 400 naming it.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // Bad JSON in a request body throws, so KnownExceptionHandler can say which field was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // A 400-question review is about 1 MB of HTML; compressed it is a fifth of that for a tablet on a client's Wi-Fi.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });
        services.AddPlumblineOpenApi();
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddKeyProtection(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(ApiErrors.IsApi, api => api.UseStatusCodePages(ApiErrors.WriteStatusProblemAsync));
        app.UseWhen(c => !ApiErrors.IsApi(c), ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseStaticFiles();
        // Routing after the status code pages, so a re-executed request (/not-found) is routed again.
        app.UseRouting();
        return app;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // A minimal endpoint (not MapHealthChecks) so /health appears in the OpenAPI document.
        app.MapGet("/health", Health).AllowAnonymous().WithTags("Health").WithName("getHealth")
            .WithSummary("200 when the app and its database answer; 503 otherwise.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").Produces<string>(StatusCodes.Status503ServiceUnavailable, "text/plain");
        // Probes for a process supervisor and a load balancer; HEAD too, which some balancers send (a separate operation each,
        // because one operation id per method keeps the OpenAPI document and its generated client valid).
        foreach (var method in new[] { HttpMethods.Get, HttpMethods.Head })
        {
            var verb = method == HttpMethods.Get ? "get" : "head";
            app.MapMethods("/health/live", [method], Live).AllowAnonymous().WithTags("Health").WithName(verb + "HealthLive")
                .WithSummary("200 while the process runs and answers requests; it does not look at the database.")
                .Produces<string>(StatusCodes.Status200OK, "text/plain").Produces<string>(StatusCodes.Status503ServiceUnavailable, "text/plain");
            app.MapMethods("/health/ready", [method], HealthProbes.ReadyAsync).AllowAnonymous().WithTags("Health").WithName(verb + "HealthReady")
                .WithSummary("200 when the database answers and every migration is applied; 503 with the reason otherwise.")
                .Produces<string>(StatusCodes.Status200OK, "text/plain").Produces<string>(StatusCodes.Status503ServiceUnavailable, "text/plain");
        }
        return app;
    }

    private static ContentHttpResult Live() => TypedResults.Text("Live");

    private static async Task<ContentHttpResult> Health(Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(ct);
        return report.Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            ? TypedResults.Text("Healthy")
            : TypedResults.Text("Unhealthy: " + string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Description}")),
                statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

internal sealed class DatabaseHealthCheck(AppDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database does not answer.");
}
