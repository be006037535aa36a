using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Schedule;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Committee;

/// <summary>
/// The standards committee (API.md, "Standards committee"): the yearly review of a standard and the committee's meetings. Everyone
/// signed in may read; only admins and the committee record reviews and keep meetings (<see cref="Can.RunCommittee"/>).
/// </summary>
public static class CommitteeApi
{
    public static IServiceCollection AddCommittee(this IServiceCollection services) =>
        services.AddScoped<YearlyReviews>().AddScoped<CommitteeAgendaBuilder>().AddScoped<CommitteeMeetings>().AddScoped<CommitteeCalendar>()
            .AddScoped<CommitteeWorkList>();

    public static IEndpointRouteBuilder MapCommitteeApi(this IEndpointRouteBuilder app)
    {
        var standards = app.MapGroup("/api/v1/standards/{id:guid}").WithTags("Standards");
        standards.MapPost("/reviewed", RecordReview).RequireAuthorization(Policies.RunCommittee).WithName("recordStandardReview")
            .WithSummary("Record the committee's yearly review: the standard stands unchanged; it is due again in a year. Active standards only.")
            .ProducesProblem(404).ProducesProblem(409);
        standards.MapGet("/reviews", Reviews).RequireAuthorization(Policies.SignedIn).WithName("listStandardReviews")
            .WithSummary("The committee's yearly reviews of a standard, newest first.").ProducesProblem(404);

        var read = app.MapGroup("/api/v1/committee").WithTags("Standards committee").RequireAuthorization(Policies.SignedIn);
        var run = app.MapGroup("/api/v1/committee").WithTags("Standards committee").RequireAuthorization(Policies.RunCommittee);
        read.MapGet("/meetings", List).WithName("listCommitteeMeetings").WithSummary("The committee's meetings by date; ?year= keeps one year.")
            .ProducesValidationProblem();
        run.MapPost("/meetings", Create).WithName("createCommitteeMeeting").WithSummary("Add one planned meeting { date, minutes }.");
        run.MapPost("/meetings/plan", Plan).WithName("planCommitteeMeetings")
            .WithSummary("Plan a year of meetings spread evenly over its working days; 409 when the year already has meetings.")
            .ProducesProblem(409);
        read.MapGet("/meetings/{id:guid}", Get).WithName("getCommitteeMeeting").WithSummary("One meeting with its agenda and minutes.")
            .ProducesProblem(404);
        run.MapPut("/meetings/{id:guid}", Update).WithName("updateCommitteeMeeting")
            .WithSummary("Change a meeting's date (while planned), status (Planned, Held, Cancelled) or minutes.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapPost("/meetings/{id:guid}/agenda", BuildAgenda).WithName("buildCommitteeMeetingAgenda")
            .WithSummary("Build a planned meeting's agenda afresh: the standards due for review by its day and the most-flagged questions.")
            .ProducesProblem(404).ProducesProblem(409);
        run.MapGet("/calendar-feed", GetFeed).WithName("getCommitteeCalendarFeed")
            .WithSummary("The address of the committee's iCalendar feed of meetings.").ProducesProblem(404);
        run.MapPost("/calendar-feed", RenewFeed).WithName("renewCommitteeCalendarFeed")
            .WithSummary("Create the committee's feed address, or replace it (the old address stops working).");
        return app;
    }

    private static async Task<Results<Ok<StandardDetails>, ValidationProblem, ProblemHttpResult>> RecordReview(Guid id, StandardReviewRequest? r,
        YearlyReviews reviews, CancellationToken ct) =>
        (await reviews.RecordAsync(id, r?.Note, ct)).ToResult(TypedResults.Ok, $"There is no standard with id '{id}'.");

    private static async Task<Results<Ok<List<StandardReviewDetails>>, ProblemHttpResult>> Reviews(Guid id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Standards.AnyAsync(s => s.Id == id, ct)) return ApiErrors.NotFound($"There is no standard with id '{id}'.");
        var rows = await db.StandardReviews.AsNoTracking().Where(r => r.StandardId == id).OrderByDescending(r => r.ReviewedAt)
            .Select(r => new StandardReviewDetails(r.Id, r.StandardId, r.Revision, r.ReviewedOn, r.ReviewedAt, r.ReviewedBy, r.Note)).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<List<CommitteeMeetingDetails>>, ValidationProblem>> List(int? year, CommitteeMeetings m, CancellationToken ct) =>
        year is { } y && y is < 2000 or > 2100 ? ApiErrors.Validation("year", "Give a year between 2000 and 2100.")
            : TypedResults.Ok(await m.ListAsync(year, ct));

    private static async Task<Results<Created<CommitteeMeetingDetails>, ValidationProblem, ProblemHttpResult>> Create(CommitteeMeetingRequest r,
        CommitteeMeetings m, CancellationToken ct) =>
        (await m.CreateAsync(r, ct)).ToResult(x => TypedResults.Created($"/api/v1/committee/meetings/{x.Id}", x), NoSuchMeeting);

    private static async Task<Results<Ok<CommitteePlanDetails>, ValidationProblem, ProblemHttpResult>> Plan(CommitteePlanRequest r, CommitteeMeetings m,
        CancellationToken ct) =>
        (await m.PlanAsync(r, ct)).ToResult(TypedResults.Ok, NoSuchMeeting);

    private static async Task<Results<Ok<CommitteeMeetingDetails>, ProblemHttpResult>> Get(Guid id, CommitteeMeetings m, CancellationToken ct) =>
        await m.GetAsync(id, ct) is { } found ? TypedResults.Ok(found) : ApiErrors.NotFound(NoSuchMeeting);

    private static async Task<Results<Ok<CommitteeMeetingDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, CommitteeMeetingUpdate r,
        CommitteeMeetings m, CancellationToken ct) =>
        (await m.UpdateAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchMeeting);

    private static async Task<Results<Ok<CommitteeMeetingDetails>, ValidationProblem, ProblemHttpResult>> BuildAgenda(Guid id, CommitteeMeetings m,
        CancellationToken ct) =>
        (await m.BuildAgendaAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchMeeting);

    private static async Task<Results<Ok<CalendarFeedDetails>, ProblemHttpResult>> GetFeed(CalendarFeeds f, PublicUrl urls, CancellationToken ct) =>
        await f.FindCommitteeAsync(ct) is { } feed ? TypedResults.Ok(ScheduleApi.Details(feed, urls))
            : ApiErrors.NotFound("The committee has no calendar feed yet. POST to create it.");

    private static async Task<Ok<CalendarFeedDetails>> RenewFeed(CalendarFeeds f, PublicUrl urls, CancellationToken ct) =>
        TypedResults.Ok(ScheduleApi.Details(await f.RenewAsync(null, null, ct), urls));

    internal const string NoSuchMeeting = "There is no such committee meeting.";
}
