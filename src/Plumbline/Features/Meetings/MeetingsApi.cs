using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Meetings;

/// <summary>
/// Meetings (API.md, "Client environment and meetings"; ADR-029). Everyone signed in reads; TAMs, vCIOs, service leads and admins
/// (<see cref="Policies.AnswerReviews"/>) plan meetings, keep minutes and record decisions.
/// </summary>
public static class MeetingsApi
{
    public static IServiceCollection AddMeetings(this IServiceCollection services) =>
        services.AddScoped<MeetingAgendaBuilder>().AddScoped<MeetingService>();

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization(Policies.SignedIn);
        var write = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization(Policies.AnswerReviews);
        read.MapGet("", List).WithName("listMeetings")
            .WithSummary("Meetings newest first, the standards committee's included (kind CommitteeMeeting); filters clientId, kind, from, to; paged.")
            .ProducesValidationProblem();
        write.MapPost("", Create).WithName("createMeeting")
            .WithSummary("Plan a debrief (clientId and reviewId), client strategy meeting (clientId) or service-lead sync; the agenda is built from the data.");
        read.MapGet("/{id:guid}", Get).WithName("getMeeting").WithSummary("One meeting with its attendees, agenda, minutes and decisions.")
            .ProducesProblem(404);
        write.MapPut("/{id:guid}", Update).WithName("updateMeeting")
            .WithSummary("Change a meeting's day, time, status, attendees, agenda or minutes; a held meeting stays held.")
            .ProducesProblem(404).ProducesProblem(409);
        write.MapPost("/{id:guid}/agenda", RebuildAgenda).WithName("buildMeetingAgenda")
            .WithSummary("Build a debrief's or strategy meeting's agenda afresh from the review, the roadmap and the smart numbers.")
            .ProducesProblem(404).ProducesProblem(409);
        write.MapPost("/{id:guid}/decisions", Decide).WithName("recordMeetingDecision")
            .WithSummary("Record a decision; Approve, Defer or Decline changes the client's recommendation, with the meeting in its history.")
            .ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<PagedList<MeetingSummary>>, ValidationProblem>> List(Guid? clientId,
        [StringEnum<MeetingKind>] string? kind, DateOnly? from, DateOnly? to, int? page, int? pageSize, MeetingService m, CancellationToken ct)
    {
        MeetingKind? parsed = null;
        if (kind is not null)
        {
            if (!ApiEnum.TryParse<MeetingKind>(kind, out var k))
                return ApiErrors.Validation("kind",
                    $"\"{kind}\" is not a kind of meeting. Use TamVcioDebrief, ClientStrategy, CommitteeMeeting or ServiceLeadSync.");
            parsed = k;
        }
        if (from is { } f && to is { } t && t < f) return ApiErrors.Validation("to", "The end of the range comes before its start: swap from and to.");
        var (p, size) = Paging.Normalize(page, pageSize);
        return TypedResults.Ok(await m.ListAsync(new MeetingFilter(clientId, parsed, from, to), p, size, ct));
    }

    private static async Task<Results<Created<MeetingDetails>, ValidationProblem, ProblemHttpResult>> Create(MeetingRequest r, MeetingService m,
        CancellationToken ct) =>
        (await m.CreateAsync(r, ct)).ToResult(x => TypedResults.Created($"/api/v1/meetings/{x.Id}", x), NoSuchMeeting);

    private static async Task<Results<Ok<MeetingDetails>, ProblemHttpResult>> Get(Guid id, MeetingService m, CancellationToken ct) =>
        await m.GetAsync(id, ct) is { } found ? TypedResults.Ok(found)
        : await m.IsCommitteeMeetingAsync(id, ct)
            ? ApiErrors.NotFound($"That is a standards committee meeting: read it at /api/v1/committee/meetings/{id}.")
            : ApiErrors.NotFound(NoSuchMeeting);

    private static async Task<Results<Ok<MeetingDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, MeetingUpdate r, MeetingService m,
        CancellationToken ct) =>
        (await m.UpdateAsync(id, r, ct)).ToResult(TypedResults.Ok, NoSuchMeeting);

    private static async Task<Results<Ok<MeetingDetails>, ValidationProblem, ProblemHttpResult>> RebuildAgenda(Guid id, MeetingService m,
        CancellationToken ct) =>
        (await m.RebuildAgendaAsync(id, ct)).ToResult(TypedResults.Ok, NoSuchMeeting);

    private static async Task<Results<Created<MeetingDetails>, ValidationProblem, ProblemHttpResult>> Decide(Guid id, MeetingDecisionRequest r,
        MeetingService m, ClaimsPrincipal user, CancellationToken ct) =>
        (await m.DecideAsync(id, r, CurrentUser.Name(user), Can.ManageRecommendations(user), ct))
            .ToResult(x => TypedResults.Created($"/api/v1/meetings/{x.Id}", x), NoSuchMeeting);

    internal const string NoSuchMeeting = "There is no such meeting.";
}
