using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Features.Clients;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

/// <summary>Holidays (settings), client availability and feeds, the anonymous calendar address, and the agreement chart.</summary>
internal static class AvailabilityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var holidays = app.MapGroup("/api/v1/holidays").WithTags("Holidays");
        holidays.MapGet("/", ListHolidays).RequireAuthorization(Policies.SignedIn).WithName("listHolidays")
            .WithSummary("The provider's holidays, by date; ?year= keeps one year.").ProducesValidationProblem();
        holidays.MapPost("/", AddHoliday).RequireAuthorization(Policies.Admin).WithName("createHoliday")
            .WithSummary("Add a holiday { date, name }: no visit is planned on it.").ProducesProblem(409);
        holidays.MapDelete("/{id:guid}", RemoveHoliday).RequireAuthorization(Policies.Admin).WithName("deleteHoliday")
            .WithSummary("Remove a holiday.").ProducesProblem(404);

        var clients = app.MapGroup("/api/v1/clients/{id:guid}").WithTags("Clients");
        clients.MapGet("/availability", GetAvailability).RequireAuthorization(Policies.SignedIn).WithName("getClientAvailability")
            .WithSummary("Weekdays and dates the client cannot host a visit.").ProducesProblem(404);
        clients.MapPut("/availability", SetAvailability).RequireAuthorization(Policies.ManageClients).WithName("setClientAvailability")
            .WithSummary("Replace the weekdays and blackout dates the client cannot host.").ProducesProblem(404);
        clients.MapGet("/calendar-feed", GetFeed).RequireAuthorization(Policies.SignedIn).WithName("getClientCalendarFeed")
            .WithSummary("The address of the client's iCalendar feed of visits (the client's TAM and admins only).").ProducesProblem(403).ProducesProblem(404);
        clients.MapPost("/calendar-feed", RenewFeed).RequireAuthorization(Policies.RunVisits).WithName("renewClientCalendarFeed")
            .WithSummary("Create the client's feed address, or replace it (the old address stops working).").ProducesProblem(403).ProducesProblem(404);

        // The address is the secret: calendar programs cannot sign in.
        app.MapGet("/calendar/{token}.ics", CalendarFeedResponse.GetAsync).AllowAnonymous().WithTags("Visits").WithName("getCalendarFeed")
            .WithSummary("An iCalendar feed of visits behind a secret address; send If-None-Match with its ETag for a 304 when unchanged.")
            .ProducesFile("text/calendar").Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status404NotFound);
        app.MapMethods("/calendar/{token}.ics", [HttpMethods.Head], CalendarFeedResponse.GetAsync).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/api/v1/agreement-chart", AgreementChart.GetAsync).WithTags("Capacity").RequireAuthorization(Policies.SignedIn)
            .WithName("getAgreementChart")
            .WithSummary("One row per active client with its agreement numbers and totals; sort, q, tamUserId; format=json|csv|xlsx.")
            .ProducesFile("text/csv", AgreementChart.XlsxContentType);
    }

    private static async Task<Results<Ok<List<HolidayDetails>>, ValidationProblem>> ListHolidays(int? year, AvailabilityService a, CancellationToken ct) =>
        !ScheduleApi.IsYear(year) ? ScheduleApi.YearProblem() : TypedResults.Ok(await a.HolidaysAsync(year, ct));

    private static async Task<Results<Created<HolidayDetails>, ValidationProblem, ProblemHttpResult>> AddHoliday(HolidayRequest r, AvailabilityService a,
        CancellationToken ct) =>
        (await a.AddHolidayAsync(r, ct)).ToResult(h => TypedResults.Created($"/api/v1/holidays/{h.Id}", h), ScheduleApi.NoSuchVisit);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveHoliday(Guid id, AvailabilityService a, CancellationToken ct) =>
        await a.RemoveHolidayAsync(id, ct) ? TypedResults.NoContent() : ApiErrors.NotFound($"There is no holiday with id '{id}'.");

    private static async Task<Results<Ok<ClientAvailability>, ProblemHttpResult>> GetAvailability(Guid id, AvailabilityService a, CancellationToken ct) =>
        await a.ClientAsync(id, ct) is { } found ? TypedResults.Ok(found) : ClientNotFound(id);

    private static async Task<Results<Ok<ClientAvailability>, ValidationProblem, ProblemHttpResult>> SetAvailability(Guid id, ClientAvailabilityRequest r,
        AvailabilityService a, CancellationToken ct) =>
        (await a.SaveClientAsync(id, r, ct)).ToResult(TypedResults.Ok, $"There is no client with id '{id}'.");

    private static async Task<Results<Ok<CalendarFeedDetails>, ProblemHttpResult>> GetFeed(Guid id, CalendarFeeds f, ClientService c, PublicUrl urls,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (await c.GetAsync(id, ct) is not { } client) return ClientNotFound(id);
        if (!ScheduleApi.MaySeeFeed(user, client.TamUserId)) return ScheduleApi.FeedForbidden();
        return await f.FindAsync(null, id, ct) is { } feed ? TypedResults.Ok(ScheduleApi.Details(feed, urls))
            : ApiErrors.NotFound("This client has no calendar feed yet. POST to create it.");
    }

    private static async Task<Results<Ok<CalendarFeedDetails>, ProblemHttpResult>> RenewFeed(Guid id, CalendarFeeds f, ClientService c, PublicUrl urls,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (await c.GetAsync(id, ct) is not { } client) return ClientNotFound(id);
        if (!ScheduleApi.MaySeeFeed(user, client.TamUserId)) return ScheduleApi.FeedForbidden();
        return TypedResults.Ok(ScheduleApi.Details(await f.RenewAsync(null, id, ct), urls));
    }

    private static ProblemHttpResult ClientNotFound(Guid id) => ApiErrors.NotFound($"There is no client with id '{id}'.");
}
