using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
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
        read.MapGet("/", List).WithName("listVisits").WithSummary("Visits by date (paged); filter by year, tamUserId, clientId, status.");
        read.MapGet("/{id:guid}", Get).WithName("getVisit").WithSummary("One visit.").ProducesProblem(404);
        app.MapPost("/api/v1/visits", Create).WithTags("Visits").RequireAuthorization(Policies.PlanSchedule).WithName("createVisit")
            .WithSummary("Add one visit by hand, with the planner's day checks.").ProducesProblem(404).ProducesProblem(409);
        run.MapPut("/{id:guid}", Update).WithName("updateVisit").WithSummary("Change the date (checked like a move) and onsite/remoteReason.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapPost("/{id:guid}/move", Move).WithName("moveVisit")
            .WithSummary("Move to another working day: not a weekend, holiday, the TAM's leave or a day the client cannot host, and the TAM free.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapPost("/{id:guid}/confirm", Confirm).WithName("confirmVisit").WithSummary("Confirm a planned visit with the client.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapPost("/{id:guid}/cancel", Cancel).WithName("cancelVisit").WithSummary("Cancel a visit that has not happened yet.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapPost("/{id:guid}/remote", Remote).WithName("makeVisitRemote")
            .WithSummary("Mark the visit remote; a reason is required because onsite is the rule.").ProducesProblem(404).ProducesProblem(409);
        run.MapPost("/{id:guid}/onsite", Onsite).WithName("makeVisitOnsite").WithSummary("Mark the visit onsite again.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapPost("/{id:guid}/complete", Complete).WithName("completeVisit")
            .WithSummary("End the visit day with a summary note and the next visit confirmed; sends the visit.completed webhook.")
            .ProducesProblem(404).ProducesProblem(409);
        read.MapGet("/{id:guid}/items", Items).WithName("listVisitItems").WithSummary("The visit's agenda and summary items.").ProducesProblem(404);
        run.MapPost("/{id:guid}/items", AddItem).WithName("addVisitItem")
            .WithSummary("Add an agenda or summary item: DecisionMaker, ClientItem, Ticket, MoveAddChange, VcioMention, Maintenance or ServiceDesk.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapPut("/{id:guid}/items/{itemId:guid}", UpdateItem).WithName("updateVisitItem").WithSummary("Change an agenda or summary item.")
            .ProducesProblem(404);
        run.MapDelete("/{id:guid}/items/{itemId:guid}", RemoveItem).WithName("deleteVisitItem").WithSummary("Remove an agenda or summary item.")
            .ProducesProblem(404);
        run.MapPost("/{id:guid}/review", OpenReview).WithName("openVisitReview")
            .WithSummary("Open (or find) the review of what is due for the visit's client on the visit's day. While the client has another review " +
                "in the TAM pass, a new one needs a reason (409 naming the open review without one).").ProducesProblem(404).ProducesProblem(409);

        app.MapPost("/api/v1/schedule/plan", Plan).WithTags("Visits").RequireAuthorization(Policies.PlanSchedule).WithName("planYear")
            .WithSummary("Plan a year of visits: confirmed and completed ones are kept, planned ones replaced; what cannot be placed is " +
                "listed with the reason. While a plan of the same year is being made, 409.").ProducesProblem(409);

        CapacityApi.Map(app);
        SchedulePages.Map(app);
        AvailabilityEndpoints.Map(app);
        return app;
    }

    /// <summary>Years the schedule works in; outside them a date cannot be built, so the caller is told instead.</summary>
    internal static bool IsYear(int? year) => year is not { } y || Years.Contains(y);

    internal static ValidationProblem YearProblem() => ApiErrors.Validation("year", "Give a year between 2000 and 2100.");

    private static async Task<Results<Ok<PagedList<VisitDetails>>, ValidationProblem>> List([AsParameters] VisitFilter filter,
        VisitService s, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(filter.Status) && !ApiEnum.TryParse<VisitStatus>(filter.Status, out _))
            return ApiErrors.Validation("status", $"Filter by {string.Join(", ", Enum.GetNames<VisitStatus>())}.");
        if (!IsYear(filter.Year)) return YearProblem();
        return TypedResults.Ok(await s.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<VisitDetails>, ProblemHttpResult>> Get(Guid id, VisitService s, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : NotFound(id);

    private static async Task<Results<Created<VisitDetails>, ValidationProblem, ProblemHttpResult>> Create(CreateVisitRequest r,
        VisitService s, CancellationToken ct) =>
        (await s.CreateAsync(r, ct)).ToResult(v => TypedResults.Created($"/api/v1/visits/{v.Id}", v), NoSuchVisit);

    private static async Task<Results<Ok<VisitDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateVisitRequest r,
        VisitService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<Ok<VisitDetails>, ValidationProblem, ProblemHttpResult>> Move(Guid id, MoveVisitRequest r,
        VisitService s, CancellationToken ct) =>
        (await s.MoveAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<Ok<VisitDetails>, ValidationProblem, ProblemHttpResult>> Confirm(Guid id, VisitService s, CancellationToken ct) =>
        (await s.ConfirmAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<Ok<VisitDetails>, ValidationProblem, ProblemHttpResult>> Cancel(Guid id, VisitService s, CancellationToken ct) =>
        (await s.CancelAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<Ok<VisitDetails>, ValidationProblem, ProblemHttpResult>> Remote(Guid id, RemoteVisitRequest r,
        VisitService s, CancellationToken ct) =>
        (await s.RemoteAsync(id, r.Reason, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<Ok<VisitDetails>, ValidationProblem, ProblemHttpResult>> Onsite(Guid id, VisitService s, CancellationToken ct) =>
        (await s.OnsiteAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<Ok<VisitDetails>, ValidationProblem, ProblemHttpResult>> Complete(Guid id, CompleteVisitRequest r,
        VisitDay d, CancellationToken ct) =>
        (await d.CompleteAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<Ok<List<VisitItemDetails>>, ProblemHttpResult>> Items(Guid id, VisitService s, VisitDay d, CancellationToken ct) =>
        await s.GetAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await d.ItemsAsync(id, ct));

    private static async Task<Results<Created<VisitItemDetails>, ValidationProblem, ProblemHttpResult>> AddItem(Guid id, VisitItemRequest r, VisitDay d,
        CancellationToken ct) =>
        (await d.AddItemAsync(id, r, ct)).ToResult(i => TypedResults.Created($"/api/v1/visits/{id}/items/{i.Id}", i), NoSuchVisit);

    private static async Task<Results<Ok<VisitItemDetails>, ValidationProblem, ProblemHttpResult>> UpdateItem(Guid id, Guid itemId,
        VisitItemRequest r, VisitDay d,
        CancellationToken ct) =>
        (await d.UpdateItemAsync(id, itemId, r, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveItem(Guid id, Guid itemId, VisitDay d, CancellationToken ct) =>
        await d.RemoveItemAsync(id, itemId, ct) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<VisitReviewDetails>, ValidationProblem, ProblemHttpResult>> OpenReview(Guid id, OpenVisitReviewRequest? r,
        VisitDay d, CancellationToken ct) =>
        (await d.OpenReviewAsync(id, r?.Reason, ct)).ToResult(reviewId => TypedResults.Ok(new VisitReviewDetails(reviewId)), NoSuchVisit);

    private static async Task<Results<Ok<PlanSummary>, ValidationProblem, ProblemHttpResult>> Plan(PlanRequest r, PlanService p, CancellationToken ct) =>
        (await p.PlanAsync(r.Year, ct)).ToResult(TypedResults.Ok, NoSuchVisit);

    /// <summary>The feed's address from the configured public URL: the Host header is the caller's to choose.</summary>
    internal static CalendarFeedDetails Details(CalendarFeed feed, PublicUrl urls) => new(urls.For(CalendarFeeds.Path(feed.Token)), feed.CreatedAt);

    /// <summary>
    /// A feed's address is its only key, so it is shown to the person whose visits it lists (the client's TAM, for a
    /// client's feed) and to admins, not to every signed-in colleague.
    /// </summary>
    internal static bool MaySeeFeed(ClaimsPrincipal user, string? tamUserId) =>
        user.IsInRole(Roles.Admin) || (tamUserId is { Length: > 0 } && CurrentUser.Id(user) == tamUserId);

    internal static ProblemHttpResult FeedForbidden() =>
        ApiErrors.Forbidden("Only the TAM whose visits the feed lists, and admins, can see or renew a calendar feed's address.");

    /// <summary>People keep their own leave and feed; planners keep everyone's.</summary>
    internal static bool Mine(ClaimsPrincipal user, string id) => Can.PlanSchedule(user) || CurrentUser.Id(user) == id;

    internal static ProblemHttpResult Forbidden() => ApiErrors.Forbidden("Only planners (admins, service leads, vCIOs) change other people's leave and feeds.");

    internal const string NoSuchVisit = "There is no such visit.";

    private static ProblemHttpResult NotFound(Guid id) => ApiErrors.NotFound($"There is no visit with id '{id}'.");
}
