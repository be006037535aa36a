using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.SmartNumbers.Classification;
using Plumbline.Features.SmartNumbers.Metrics;
using Plumbline.Infrastructure;

namespace Plumbline.Features.SmartNumbers;

/// <summary>One client's months (API.md, GET /clients/{id}/metrics).</summary>
public sealed record ClientMetricsHistory(Guid ClientId, string Name, string From, string To, IReadOnlyList<ClientMonthMetrics> Months);

public sealed record EndpointHistoryMonth(string Month, int Endpoints);

/// <summary>The endpoints recorded month by month; each value is in force from its month until the next one.</summary>
public sealed record EndpointHistoryDetails(Guid ClientId, int CurrentEndpoints, IReadOnlyList<EndpointHistoryMonth> Months);

public sealed record EndpointCountRequest(int? Endpoints);

public sealed record MetricsQuery([FromQuery(Name = "from")] string? From = null, [FromQuery(Name = "to")] string? To = null,
    [FromQuery(Name = "q")] string? Q = null, [FromQuery(Name = "sort")] string? Sort = null, [FromQuery(Name = "flagged")] bool? Flagged = null);

public static class MetricsApi
{
    public const int MaxEndpoints = 1_000_000;

    /// <summary>The metrics, classification and endpoint history endpoints, and the settings page's preview fragment.</summary>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGroup("/api/v1").WithTags("Smart numbers").RequireAuthorization(Policies.SignedIn);
        metrics.MapGet("/metrics", Practice).WithName("getMetrics")
            .WithSummary("RHEM, AISP and average MRR of the practice over a period (default: the last 12 complete months), and each Active " +
                "client's figures. Filter with q and flagged=true, order with sort (e.g. -rhem).");
        metrics.MapGet("/metrics/export", Export).WithName("exportMetrics")
            .WithSummary("The per-client table of GET /metrics as csv (default) or xlsx, with the same period, filters and order.")
            .ProducesFile("text/csv", Spreadsheet.ContentType);
        metrics.MapGet("/clients/{id:guid}/metrics", Client).WithName("getClientMetrics")
            .WithSummary("One client's reactive hours, endpoints, RHEM and alignment score month by month.").ProducesProblem(404);
        metrics.MapGet("/clients/{id:guid}/endpoint-history", History).WithName("getEndpointHistory")
            .WithSummary("The client's endpoints month by month, as RHEM divides by them.").ProducesProblem(404);
        app.MapGroup("/api/v1").WithTags("Smart numbers").RequireAuthorization(Policies.ManageClients)
            .MapPut("/clients/{id:guid}/endpoint-history/{month}", RecordHistory).WithName("setEndpointHistory")
            .WithSummary("Record the endpoints a client had in a past month (YYYY-MM); the value holds until the next recorded month.")
            .ProducesProblem(404);
        ClassificationApi.Map(app);
        app.MapClassificationPreview();
        return app;
    }

    private static async Task<Results<Ok<PracticeMetrics>, ValidationProblem>> Practice([AsParameters] MetricsQuery query, MetricsService service,
        CancellationToken ct)
    {
        if (Check(query, service, out var from, out var to) is { } invalid) return invalid;
        var practice = await service.PracticeAsync(from, to, ct);
        return TypedResults.Ok(practice with { Clients = MetricsTable.Apply(practice.Clients, Filter(query)) });
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export([AsParameters] MetricsQuery query, string? format,
        MetricsService service, CancellationToken ct)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx")) return ApiErrors.Validation("format", "Use csv or xlsx.");
        if (Check(query, service, out var from, out var to) is { } invalid) return invalid;
        var rows = MetricsTable.Apply((await service.PracticeAsync(from, to, ct)).Clients, Filter(query));
        return kind == "csv"
            ? TypedResults.File(MetricsTable.Csv(rows), "text/csv; charset=utf-8", MetricsTable.FileName(from, to, "csv"))
            : TypedResults.File(MetricsTable.Xlsx(rows), Spreadsheet.ContentType, MetricsTable.FileName(from, to, "xlsx"));
    }

    private static async Task<Results<Ok<ClientMetricsHistory>, ValidationProblem, ProblemHttpResult>> Client(Guid id, string? from, string? to,
        MetricsService service, AppDbContext db, CancellationToken ct)
    {
        var (start, end, errors) = MetricsPeriod.Parse(from, to, service.DefaultPeriod());
        if (errors.Count > 0) return ApiErrors.Validation(errors);
        var name = await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound(id);
        var months = await service.ClientMonthsAsync(id, start, end, ct);
        return TypedResults.Ok(new ClientMetricsHistory(id, name, SmartNumberRules.MonthText(start), SmartNumberRules.MonthText(end), months));
    }

    private static async Task<Results<Ok<EndpointHistoryDetails>, ProblemHttpResult>> History(Guid id, AppDbContext db, CancellationToken ct) =>
        await HistoryAsync(db, id, ct) is { } history ? TypedResults.Ok(history) : NotFound(id);

    private static async Task<Results<Ok<EndpointHistoryDetails>, ValidationProblem, ProblemHttpResult>> RecordHistory(Guid id, string month,
        EndpointCountRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var thisMonth = SmartNumberRules.MonthOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!SmartNumberRules.TryParseMonth(month, out var m)) errors["month"] = ["Give the month as YYYY-MM, for example 2026-03."];
        else if (m >= thisMonth)
            errors["month"] = ["Record past months here. This month's endpoints are the client's own: change them on the client."];
        if (request.Endpoints is not { } endpoints || endpoints < 0 || endpoints > MaxEndpoints)
            errors["endpoints"] = [$"Endpoints is a whole number from 0 to {MaxEndpoints:N0}."];
        if (errors.Count > 0) return ApiErrors.Validation(errors);
        if (!await db.Clients.AnyAsync(c => c.Id == id, ct)) return NotFound(id);
        await EndpointHistory.RecordAsync(db, id, m, request.Endpoints!.Value, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await HistoryAsync(db, id, ct))!);
    }

    /// <summary>The client's history, or null when there is no such client.</summary>
    public static async Task<EndpointHistoryDetails?> HistoryAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var current = await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)(c.Endpoints ?? c.Workstations + c.Servers))
            .FirstOrDefaultAsync(ct);
        if (current is null) return null;
        var rows = (await EndpointHistory.LoadAsync(db, [id], ct)).GetValueOrDefault(id) ?? [];
        return new EndpointHistoryDetails(id, current.Value, rows.Select(r => new EndpointHistoryMonth(SmartNumberRules.MonthText(r.Month), r.Endpoints))
            .ToList());
    }

    private static ValidationProblem? Check(MetricsQuery query, MetricsService service, out DateOnly from, out DateOnly to)
    {
        var (start, end, errors) = MetricsPeriod.Parse(query.From, query.To, service.DefaultPeriod());
        if (!MetricsTable.IsSort(query.Sort))
            errors["sort"] = [$"Sort by {string.Join(", ", MetricsTable.Sorts)}, with '-' in front for descending."];
        (from, to) = (start, end);
        return errors.Count > 0 ? ApiErrors.Validation(errors) : null;
    }

    private static MetricsFilter Filter(MetricsQuery q) => new(q.Q, q.Sort, q.Flagged == true);

    private static ProblemHttpResult NotFound(Guid id) => ApiErrors.NotFound($"There is no client with id '{id}'.");
}
