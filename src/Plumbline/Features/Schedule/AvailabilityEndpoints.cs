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
        holidays.MapGet("/", async (int? year, AvailabilityService a, CancellationToken ct) => TypedResults.Ok(await a.HolidaysAsync(year, ct)))
            .RequireAuthorization(Policies.SignedIn).WithSummary("The provider's holidays, by date; ?year= keeps one year.");
        holidays.MapPost("/", async (HolidayRequest r, AvailabilityService a, CancellationToken ct) =>
            ScheduleApi.ToResult(await a.AddHolidayAsync(r, ct), h => TypedResults.Created($"/api/v1/holidays/{h.Id}", h)))
            .RequireAuthorization(Policies.Admin).WithSummary("Add a holiday { date, name }: no visit is planned on it.");
        holidays.MapDelete("/{id:guid}", async (Guid id, AvailabilityService a, CancellationToken ct) =>
            await a.RemoveHolidayAsync(id, ct) ? (IResult)TypedResults.NoContent() : ApiErrors.NotFound($"There is no holiday with id '{id}'."))
            .RequireAuthorization(Policies.Admin);

        var clients = app.MapGroup("/api/v1/clients/{id:guid}").WithTags("Clients");
        clients.MapGet("/availability", async (Guid id, AvailabilityService a, CancellationToken ct) =>
            await a.ClientAsync(id, ct) is { } found ? (IResult)TypedResults.Ok(found) : ClientNotFound(id)).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Weekdays and dates the client cannot host a visit.");
        clients.MapPut("/availability", async (Guid id, ClientAvailabilityRequest r, AvailabilityService a, CancellationToken ct) =>
            ScheduleApi.ToResult(await a.SaveClientAsync(id, r, ct), TypedResults.Ok, $"There is no client with id '{id}'."))
            .RequireAuthorization(Policies.ManageClients).WithSummary("Replace the weekdays and blackout dates the client cannot host.");
        clients.MapGet("/calendar-feed", async (Guid id, CalendarFeeds f, HttpContext http, CancellationToken ct) =>
            await f.FindAsync(null, id, ct) is { } feed ? (IResult)TypedResults.Ok(ScheduleApi.Details(feed, http)) : ApiErrors.NotFound("This client has no calendar feed yet. POST to create it."))
            .RequireAuthorization(Policies.SignedIn);
        clients.MapPost("/calendar-feed", async (Guid id, CalendarFeeds f, ClientService c, HttpContext http, CancellationToken ct) =>
            await c.GetAsync(id, ct) is null ? ClientNotFound(id) : (IResult)TypedResults.Ok(ScheduleApi.Details(await f.RenewAsync(null, id, ct), http)))
            .RequireAuthorization(Policies.RunVisits).WithSummary("Create the client's feed address, or replace it (the old address stops working).");

        // The address is the secret: calendar programs cannot sign in.
        app.MapGet("/calendar/{token}.ics", CalendarFeedResponse.GetAsync)
            .AllowAnonymous().WithTags("Visits").WithSummary("An iCalendar feed of visits behind a secret address; send If-None-Match with its ETag.");
        app.MapMethods("/calendar/{token}.ics", [HttpMethods.Head], CalendarFeedResponse.GetAsync).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/api/v1/agreement-chart", AgreementChart.GetAsync).WithTags("Capacity").RequireAuthorization(Policies.SignedIn)
            .WithSummary("One row per active client with its agreement numbers and totals; sort, q, tamUserId; format=json|csv|xlsx.");
    }

    private static IResult ClientNotFound(Guid id) => ApiErrors.NotFound($"There is no client with id '{id}'.");
}
