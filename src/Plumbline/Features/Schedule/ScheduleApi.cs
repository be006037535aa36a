using System.Security.Claims;
using Plumbline.Features.Accounts;
using Plumbline.Features.Reviews;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

/// <summary>Visits, the year plan, capacity, holidays, leave and client availability (API.md, "Later areas").</summary>
public static class ScheduleApi
{
    public static IServiceCollection AddSchedule(this IServiceCollection services) =>
        services.AddScoped<VisitService>().AddScoped<PlanService>().AddScoped<CapacityService>().AddScoped<AvailabilityService>()
            .AddScoped<CalendarFeeds>().AddScoped<VisitDay>().AddScoped<AgreementChart>().AddScoped<VisitReport>();

    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/visits").WithTags("Visits").RequireAuthorization(Policies.SignedIn);
        var run = app.MapGroup("/api/v1/visits").WithTags("Visits").RequireAuthorization(Policies.RunVisits);
        read.MapGet("/", List).WithSummary("Visits by date (paged); filter by year, tamUserId, clientId, status.");
        read.MapGet("/{id:guid}", async (Guid id, VisitService s, CancellationToken ct) => await s.GetAsync(id, ct) is { } v ? (IResult)TypedResults.Ok(v) : NotFound(id));
        app.MapPost("/api/v1/visits", async (CreateVisitRequest r, VisitService s, CancellationToken ct) =>
            (await s.CreateAsync(r, ct)).ToResult(v => TypedResults.Created($"/api/v1/visits/{v.Id}", v), NoSuchVisit))
            .WithTags("Visits").RequireAuthorization(Policies.PlanSchedule).WithSummary("Add one visit by hand, with the planner's day checks.");
        run.MapPut("/{id:guid}", async (Guid id, UpdateVisitRequest r, VisitService s, CancellationToken ct) => (await s.UpdateAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit))
            .WithSummary("Change the date (checked like a move) and onsite/remoteReason.");
        run.MapPost("/{id:guid}/move", async (Guid id, MoveVisitRequest r, VisitService s, CancellationToken ct) => (await s.MoveAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit))
            .WithSummary("Move to another working day: not a weekend, holiday, the TAM's leave or a day the client cannot host, and the TAM free.");
        run.MapPost("/{id:guid}/confirm", async (Guid id, VisitService s, CancellationToken ct) => (await s.ConfirmAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchVisit));
        run.MapPost("/{id:guid}/cancel", async (Guid id, VisitService s, CancellationToken ct) => (await s.CancelAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchVisit));
        run.MapPost("/{id:guid}/remote", async (Guid id, RemoteVisitRequest r, VisitService s, CancellationToken ct) => (await s.RemoteAsync(id, r.Reason, ct)).ToResult(TypedResults.Ok, NoSuchVisit))
            .WithSummary("Mark the visit remote; a reason is required because onsite is the rule.");
        run.MapPost("/{id:guid}/onsite", async (Guid id, VisitService s, CancellationToken ct) => (await s.OnsiteAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchVisit));
        run.MapPost("/{id:guid}/complete", async (Guid id, CompleteVisitRequest r, VisitDay d, CancellationToken ct) => (await d.CompleteAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit))
            .WithSummary("End the visit day with a summary note and the next visit confirmed; sends the visit.completed webhook.");
        read.MapGet("/{id:guid}/items", async (Guid id, VisitService s, VisitDay d, CancellationToken ct) =>
            await s.GetAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await d.ItemsAsync(id, ct)));
        run.MapPost("/{id:guid}/items", async (Guid id, VisitItemRequest r, VisitDay d, CancellationToken ct) =>
            (await d.AddItemAsync(id, r, ct)).ToResult(i => TypedResults.Created($"/api/v1/visits/{id}/items/{i.Id}", i), NoSuchVisit))
            .WithSummary("Add an agenda or summary item: DecisionMaker, ClientItem, Ticket, MoveAddChange, VcioMention, Maintenance or ServiceDesk.");
        run.MapPut("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, VisitItemRequest r, VisitDay d, CancellationToken ct) =>
            (await d.UpdateItemAsync(id, itemId, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit));
        run.MapDelete("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, VisitDay d, CancellationToken ct) =>
            await d.RemoveItemAsync(id, itemId, ct) ? (IResult)TypedResults.NoContent() : NotFound(id));
        run.MapPost("/{id:guid}/review", async (Guid id, VisitDay d, CancellationToken ct) =>
            (await d.OpenReviewAsync(id, ct)).ToResult(reviewId => TypedResults.Ok(new { reviewId }), NoSuchVisit))
            .WithSummary("Open (or find) the review of what is due for the visit's client on the visit's day.");

        app.MapPost("/api/v1/schedule/plan", async (PlanRequest r, PlanService p, CancellationToken ct) => (await p.PlanAsync(r.Year, ct)).ToResult(TypedResults.Ok, NoSuchVisit))
            .WithTags("Visits").RequireAuthorization(Policies.PlanSchedule)
            .WithSummary("Plan a year of visits: confirmed and completed ones are kept, planned ones replaced; what cannot be placed is listed with the reason.");

        var users = app.MapGroup("/api/v1/users/{id}").WithTags("Capacity").RequireAuthorization(Policies.SignedIn);
        users.MapGet("/capacity", async (string id, int? year, CapacityService c, VisitService v, CancellationToken ct) =>
            await c.ForUserAsync(id, year ?? v.Today.Year, ct) is { } found ? (IResult)TypedResults.Ok(found) : UserNotFound(id))
            .WithSummary("Working, leave, internal, capacity and committed days, utilization (% of capacity), clients and MRR for one year.");
        users.MapGet("/leave", async (string id, int? year, AvailabilityService a, CancellationToken ct) => TypedResults.Ok(await a.LeaveAsync(id, year, ct)));
        users.MapPost("/leave", async (string id, LeaveRequest r, AvailabilityService a, ClaimsPrincipal user, CancellationToken ct) =>
            !Mine(user, id) ? Forbidden() : (await a.AddLeaveAsync(id, r, ct)).ToResult(l => TypedResults.Created($"/api/v1/users/{id}/leave/{l.Id}", l), $"There is no user with id '{id}'."))
            .WithSummary("Add dates of leave (start to end inclusive); the planner avoids them.");
        users.MapDelete("/leave/{leaveId:guid}", async (string id, Guid leaveId, AvailabilityService a, ClaimsPrincipal user, CancellationToken ct) =>
            !Mine(user, id) ? Forbidden() : await a.RemoveLeaveAsync(id, leaveId, ct) ? (IResult)TypedResults.NoContent() : ApiErrors.NotFound($"There is no leave with id '{leaveId}'."));
        users.MapGet("/calendar-feed", async (string id, CalendarFeeds f, HttpContext http, CancellationToken ct) =>
            await f.FindAsync(id, null, ct) is { } feed ? (IResult)TypedResults.Ok(Details(feed, http)) : ApiErrors.NotFound("This user has no calendar feed yet. POST to create it."));
        users.MapPost("/calendar-feed", async (string id, CalendarFeeds f, HttpContext http, ClaimsPrincipal user, Microsoft.AspNetCore.Identity.UserManager<AppUser> um, CancellationToken ct) =>
            !Mine(user, id) ? Forbidden() : await um.FindByIdAsync(id) is null ? UserNotFound(id) : TypedResults.Ok(Details(await f.RenewAsync(id, null, ct), http)))
            .WithSummary("Create the feed's secret address, or replace it (the old address stops working).");

        app.MapGet("/api/v1/capacity", async (int? year, CapacityService c, VisitService v, CancellationToken ct) => TypedResults.Ok(await c.TeamAsync(year ?? v.Today.Year, ct)))
            .WithTags("Capacity").RequireAuthorization(Policies.SignedIn).WithSummary("Every TAM's capacity and the team's totals, with warnings.");
        AvailabilityEndpoints.Map(app);
        return app;
    }

    private static async Task<IResult> List([AsParameters] VisitFilter filter, VisitService s, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(filter.Status) && !ApiEnum.TryParse<VisitStatus>(filter.Status, out _))
            return ApiErrors.Validation("status", $"Filter by {string.Join(", ", Enum.GetNames<VisitStatus>())}.");
        if (filter.Year is < 2000 or > 2100) return ApiErrors.Validation("year", "Give a year between 2000 and 2100.");
        return TypedResults.Ok(await s.ListAsync(filter, ct));
    }

    internal static CalendarFeedDetails Details(CalendarFeed feed, HttpContext http) =>
        new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{CalendarFeeds.Path(feed.Token)}", feed.CreatedAt);

    /// <summary>People keep their own leave and feed; planners keep everyone's.</summary>
    internal static bool Mine(ClaimsPrincipal user, string id) => Can.PlanSchedule(user) || ReviewsApi.UserId(user) == id;

    internal static IResult Forbidden() => TypedResults.Problem(statusCode: 403, title: "Forbidden", detail: "Only planners (admins, service leads, vCIOs) change other people's leave and feeds.");

    internal const string NoSuchVisit = "There is no such visit.";

    private static IResult NotFound(Guid id) => ApiErrors.NotFound($"There is no visit with id '{id}'.");

    private static IResult UserNotFound(string id) => ApiErrors.NotFound($"There is no user with id '{id}'.");
}
