using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

public static class RecommendationsApi
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services) =>
        services.AddScoped<RecommendationService>().AddScoped<RecommendationQueries>().AddScoped<PortfolioQueries>().AddScoped<InitiativeService>();

    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags("Recommendations").RequireAuthorization(Policies.SignedIn);
        var write = app.MapGroup("/api/v1").WithTags("Recommendations").RequireAuthorization(Policies.ManageRecommendations);

        read.MapGet("/clients/{id:guid}/recommendations", List).WithName("listRecommendations")
            .WithSummary("The client's recommendations (paged), filtered by status, initiative, projectType or text.").ProducesProblem(404);
        write.MapPost("/clients/{id:guid}/recommendations", Create).WithName("createRecommendation")
            .WithSummary("Create a recommendation: blank, from a template (templateId) and/or for findings (findingIds).").ProducesProblem(404);
        read.MapGet("/recommendations/{id:guid}", Get).WithName("getRecommendation").WithSummary("One recommendation with its costs and findings.")
            .ProducesProblem(404);
        write.MapPut("/recommendations/{id:guid}", Update).WithName("updateRecommendation")
            .WithSummary("Change a recommendation; fields left out keep their value. A status change is kept in its history.")
            .ProducesProblem(404).ProducesProblem(409);
        write.MapDelete("/recommendations/{id:guid}", Delete).WithName("deleteRecommendation").WithSummary("Delete a recommendation.").ProducesProblem(404);
        write.MapPost("/recommendations/{id:guid}/decision", Decide).WithName("decideRecommendation")
            .WithSummary("Record the client's decision: Approved or Declined, with who, when and a comment.").ProducesProblem(404).ProducesProblem(409);
        read.MapGet("/recommendations/{id:guid}/history", History).WithName("getRecommendationHistory")
            .WithSummary("Every status change of a recommendation: from, to, when, by whom and the comment.").ProducesProblem(404);

        read.MapGet("/clients/{id:guid}/roadmap", Roadmap).WithName("getRoadmap")
            .WithSummary("The client's fiscal quarters for 1 to 3 years with items and totals, the unscheduled items and yearly totals; projectType filters.")
            .ProducesProblem(404);
        read.MapGet("/roadmap/portfolio", Portfolio).WithName("getPortfolio")
            .WithSummary("All clients' approved and proposed spend by calendar quarter of one year; projectType counts one project type.");
        InitiativesApi.Map(read, write);
        return app;
    }

    public static ValidationProblem? RoadmapWindowError(int? fromYear, int? years) =>
        years is < 1 or > RoadmapRules.MaxYears ? ApiErrors.Validation("years", "Show 1 to 3 fiscal years.")
        : fromYear is < Years.First or > Years.Last ? ApiErrors.Validation("fromYear", "Choose a fiscal year from 2000 to 2100.")
        : null;

    private static async Task<Results<Ok<PagedList<RecommendationDetails>>, ValidationProblem, ProblemHttpResult>> List(Guid id,
        [AsParameters] RecommendationFilter f, RecommendationQueries q, CancellationToken ct) =>
        f.Status is not null && !ApiEnum.TryParse<RecommendationStatus>(f.Status, out _)
            ? ApiErrors.Validation("status", "Use Draft, Proposed, Approved, Scheduled, InProgress, Done, Declined or Deferred.")
            : ProjectTypeError(f.ProjectType) is { } typeError ? typeError
            : await q.ClientExistsAsync(id, ct) ? TypedResults.Ok(await q.ListAsync(id, f, ct)) : NoClient(id);

    private static async Task<Results<Created<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> Create(Guid id, RecommendationRequest r,
        RecommendationService s, ClaimsPrincipal user, CancellationToken ct) =>
        (await s.CreateAsync(id, r, CurrentUser.Name(user), ct)).ToResult(d => TypedResults.Created($"/api/v1/recommendations/{d.Id}", d), NoClientText(id));

    private static async Task<Results<Ok<RecommendationDetails>, ProblemHttpResult>> Get(Guid id, RecommendationQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } d ? TypedResults.Ok(d) : NoRecommendation(id);

    private static async Task<Results<Ok<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, RecommendationRequest r,
        RecommendationService s, ClaimsPrincipal user, CancellationToken ct) =>
        (await s.UpdateAsync(id, r, CurrentUser.Name(user), ct)).ToResult(TypedResults.Ok, NoRecommendationText(id));

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, RecommendationService s, CancellationToken ct) =>
        await s.DeleteAsync(id, ct) ? TypedResults.NoContent() : NoRecommendation(id);

    private static async Task<Results<Ok<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> Decide(Guid id, DecisionRequest r,
        RecommendationService s, ClaimsPrincipal user, CancellationToken ct) =>
        (await s.DecideAsync(id, r, CurrentUser.Name(user), ct)).ToResult(TypedResults.Ok, NoRecommendationText(id));

    private static async Task<Results<Ok<List<StatusChangeDetails>>, ProblemHttpResult>> History(Guid id, RecommendationQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is null ? NoRecommendation(id) : TypedResults.Ok(await q.HistoryAsync(id, ct));

    private static async Task<Results<Ok<RoadmapDetails>, ValidationProblem, ProblemHttpResult>> Roadmap(Guid id, int? fromYear, int? years,
        [StringEnum<ProjectType>] string? projectType, RecommendationQueries q, CancellationToken ct) =>
        RoadmapWindowError(fromYear, years) is { } error ? error
            : ProjectTypeError(projectType) is { } typeError ? typeError
            : await q.RoadmapAsync(id, fromYear, years ?? RoadmapRules.MaxYears, ct, ParseProjectType(projectType)) is { } roadmap
                ? TypedResults.Ok(roadmap) : NoClient(id);

    /// <summary>A projectType filter that is not a project type; null or empty means no filter.</summary>
    internal static ValidationProblem? ProjectTypeError(string? projectType) =>
        string.IsNullOrWhiteSpace(projectType) || ApiEnum.TryParse<ProjectType>(projectType, out _) ? null
            : ApiErrors.Validation("projectType", "Filter by CatchUp, InScope, OutOfScope or Opportunistic.");

    internal static ProjectType? ParseProjectType(string? projectType) => ApiEnum.TryParse<ProjectType>(projectType, out var t) ? t : null;

    private static async Task<Results<Ok<PortfolioDetails>, ValidationProblem>> Portfolio(int? year, string? vcioUserId,
        [StringEnum<ProjectType>] string? projectType, PortfolioQueries q, TimeProvider clock, CancellationToken ct) =>
        year is < Years.First or > Years.Last ? ApiErrors.Validation("year", "Choose a year from 2000 to 2100.")
            : ProjectTypeError(projectType) is { } typeError ? typeError
            : TypedResults.Ok(await q.GetAsync(year ?? clock.GetUtcNow().Year, vcioUserId, ct, ParseProjectType(projectType)));

    internal static ProblemHttpResult NoClient(Guid id) => ApiErrors.NotFound(NoClientText(id));

    private static ProblemHttpResult NoRecommendation(Guid id) => ApiErrors.NotFound(NoRecommendationText(id));

    internal static string NoClientText(Guid id) => $"There is no client with id '{id}'.";

    private static string NoRecommendationText(Guid id) => $"There is no recommendation with id '{id}'.";
}
