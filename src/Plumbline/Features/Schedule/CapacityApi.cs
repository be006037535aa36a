using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

/// <summary>A person's capacity, leave and calendar feed, and the team's capacity.</summary>
internal static class CapacityApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users/{id}").WithTags("Capacity").RequireAuthorization(Policies.SignedIn);
        users.MapGet("/capacity", UserCapacity).WithName("getUserCapacity")
            .WithSummary("Working, leave, internal, capacity and committed days, utilization (% of capacity), clients and MRR for one year.")
            .ProducesValidationProblem().ProducesProblem(404);
        users.MapGet("/leave", ListLeave).WithName("listLeave").WithSummary("A person's leave, by date; ?year= keeps one year.")
            .ProducesValidationProblem();
        users.MapPost("/leave", AddLeave).WithName("addLeave").WithSummary("Add dates of leave (start to end inclusive); the planner avoids them.")
            .ProducesProblem(403).ProducesProblem(404);
        users.MapDelete("/leave/{leaveId:guid}", RemoveLeave).WithName("deleteLeave").WithSummary("Remove dates of leave.")
            .ProducesProblem(403).ProducesProblem(404);
        users.MapGet("/calendar-feed", GetFeed).WithName("getUserCalendarFeed")
            .WithSummary("The address of the person's iCalendar feed of visits (the person and admins only).").ProducesProblem(403).ProducesProblem(404);
        users.MapPost("/calendar-feed", RenewFeed).WithName("renewUserCalendarFeed")
            .WithSummary("Create the feed's secret address, or replace it (the old address stops working).").ProducesProblem(403).ProducesProblem(404);

        app.MapGet("/api/v1/capacity", Team).WithTags("Capacity").RequireAuthorization(Policies.SignedIn).WithName("getTeamCapacity")
            .WithSummary("Every TAM's capacity and the team's totals, with warnings.").ProducesValidationProblem();
    }

    private static async Task<Results<Ok<CapacityDetails>, ValidationProblem, ProblemHttpResult>> UserCapacity(string id, int? year, CapacityService c,
        VisitService v, CancellationToken ct) =>
        !ScheduleApi.IsYear(year) ? ScheduleApi.YearProblem()
            : await c.ForUserAsync(id, year ?? v.Today.Year, ct) is { } found ? TypedResults.Ok(found) : UserNotFound(id);

    private static async Task<Results<Ok<List<LeaveDetails>>, ValidationProblem>> ListLeave(string id, int? year,
        AvailabilityService a, CancellationToken ct) =>
        !ScheduleApi.IsYear(year) ? ScheduleApi.YearProblem() : TypedResults.Ok(await a.LeaveAsync(id, year, ct));

    private static async Task<Results<Created<LeaveDetails>, ValidationProblem, ProblemHttpResult>> AddLeave(string id, LeaveRequest r, AvailabilityService a,
        ClaimsPrincipal user, CancellationToken ct) =>
        !ScheduleApi.Mine(user, id) ? ScheduleApi.Forbidden()
            : (await a.AddLeaveAsync(id, r, ct)).ToResult(l => TypedResults.Created($"/api/v1/users/{id}/leave/{l.Id}", l),
                $"There is no user with id '{id}'.");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveLeave(string id, Guid leaveId, AvailabilityService a, ClaimsPrincipal user,
        CancellationToken ct) =>
        !ScheduleApi.Mine(user, id) ? ScheduleApi.Forbidden()
            : await a.RemoveLeaveAsync(id, leaveId, ct) ? TypedResults.NoContent() : ApiErrors.NotFound($"There is no leave with id '{leaveId}'.");

    private static async Task<Results<Ok<CalendarFeedDetails>, ProblemHttpResult>> GetFeed(string id, CalendarFeeds f, PublicUrl urls, ClaimsPrincipal user,
        CancellationToken ct) =>
        !ScheduleApi.MaySeeFeed(user, id) ? ScheduleApi.FeedForbidden()
            : await f.FindAsync(id, null, ct) is { } feed ? TypedResults.Ok(ScheduleApi.Details(feed, urls))
            : ApiErrors.NotFound("This user has no calendar feed yet. POST to create it.");

    private static async Task<Results<Ok<CalendarFeedDetails>, ProblemHttpResult>> RenewFeed(string id, CalendarFeeds f, PublicUrl urls, ClaimsPrincipal user,
        UserManager<AppUser> um, CancellationToken ct) =>
        !ScheduleApi.MaySeeFeed(user, id) ? ScheduleApi.FeedForbidden()
            : await um.FindByIdAsync(id) is null ? UserNotFound(id) : TypedResults.Ok(ScheduleApi.Details(await f.RenewAsync(id, null, ct), urls));

    private static async Task<Results<Ok<TeamCapacity>, ValidationProblem>> Team(int? year, CapacityService c, VisitService v, CancellationToken ct) =>
        !ScheduleApi.IsYear(year) ? ScheduleApi.YearProblem() : TypedResults.Ok(await c.TeamAsync(year ?? v.Today.Year, ct));

    private static ProblemHttpResult UserNotFound(string id) => ApiErrors.NotFound($"There is no user with id '{id}'.");
}
