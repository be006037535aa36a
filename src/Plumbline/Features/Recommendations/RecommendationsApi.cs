using System.Security.Claims;
using Plumbline.Features.Accounts;
using Plumbline.Features.Reviews;
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

        read.MapGet("/clients/{id:guid}/recommendations", async (Guid id, [AsParameters] RecommendationFilter f, RecommendationQueries q, CancellationToken ct) =>
            f.Status is not null && !ApiEnum.TryParse<RecommendationStatus>(f.Status, out _) ? ApiErrors.Validation("status", "Use Draft, Proposed, Approved, Scheduled, InProgress, Done, Declined or Deferred.")
            : await q.ClientExistsAsync(id, ct) ? TypedResults.Ok(await q.ListAsync(id, f, ct)) : NoClient(id))
            .WithSummary("The client's recommendations (paged), filtered by status, initiative or text.");
        write.MapPost("/clients/{id:guid}/recommendations", async (Guid id, RecommendationRequest r, RecommendationService s, ClaimsPrincipal user, CancellationToken ct) =>
            (await s.CreateAsync(id, r, ReviewsApi.Name(user), ct)).ToResult(d => TypedResults.Created($"/api/v1/recommendations/{d.Id}", d), NoClientText(id)))
            .WithSummary("Create a recommendation: blank, from a template (templateId) and/or for findings (findingIds).");
        read.MapGet("/recommendations/{id:guid}", async (Guid id, RecommendationQueries q, CancellationToken ct) =>
            await q.GetAsync(id, ct) is { } d ? TypedResults.Ok(d) : NoRecommendation(id));
        write.MapPut("/recommendations/{id:guid}", async (Guid id, RecommendationRequest r, RecommendationService s, ClaimsPrincipal user, CancellationToken ct) =>
            (await s.UpdateAsync(id, r, ReviewsApi.Name(user), ct)).ToResult(TypedResults.Ok, NoRecommendationText(id)))
            .WithSummary("Change a recommendation; fields left out keep their value. A status change is kept in its history.");
        write.MapDelete("/recommendations/{id:guid}", async Task<IResult> (Guid id, RecommendationService s, CancellationToken ct) =>
            await s.DeleteAsync(id, ct) ? TypedResults.NoContent() : NoRecommendation(id));
        write.MapPost("/recommendations/{id:guid}/decision", async (Guid id, DecisionRequest r, RecommendationService s, ClaimsPrincipal user, CancellationToken ct) =>
            (await s.DecideAsync(id, r, ReviewsApi.Name(user), ct)).ToResult(TypedResults.Ok, NoRecommendationText(id)))
            .WithSummary("Record the client's decision: Approved or Declined, with who, when and a comment.");
        read.MapGet("/recommendations/{id:guid}/history", async (Guid id, RecommendationQueries q, CancellationToken ct) =>
            await q.GetAsync(id, ct) is null ? NoRecommendation(id) : TypedResults.Ok(await q.HistoryAsync(id, ct)))
            .WithSummary("Every status change of a recommendation: from, to, when, by whom and the comment.");

        read.MapGet("/clients/{id:guid}/roadmap", async Task<IResult> (Guid id, int? fromYear, int? years, RecommendationQueries q, CancellationToken ct) =>
            RoadmapWindowError(fromYear, years) is { } error ? error
            : await q.RoadmapAsync(id, fromYear, years ?? RoadmapRules.MaxYears, ct) is { } roadmap ? TypedResults.Ok(roadmap) : NoClient(id))
            .WithSummary("The client's fiscal quarters for 1 to 3 years with items and totals, the unscheduled items and yearly totals.");
        read.MapGet("/roadmap/portfolio", async Task<IResult> (int? year, string? vcioUserId, PortfolioQueries q, TimeProvider clock, CancellationToken ct) =>
            year is < FiscalQuarter.MinYear or > FiscalQuarter.MaxYear ? ApiErrors.Validation("year", "Choose a year from 2000 to 2100.")
            : TypedResults.Ok(await q.GetAsync(year ?? clock.GetUtcNow().Year, vcioUserId, ct)))
            .WithSummary("All clients' approved and proposed spend by calendar quarter of one year.");

        read.MapGet("/clients/{id:guid}/initiatives", async (Guid id, RecommendationQueries q, CancellationToken ct) =>
            await q.ClientExistsAsync(id, ct) ? TypedResults.Ok(await q.InitiativesAsync(id, ct)) : NoClient(id));
        write.MapPost("/clients/{id:guid}/initiatives", async (Guid id, InitiativeRequest r, InitiativeService s, CancellationToken ct) =>
            (await s.SaveInitiativeAsync(id, null, r, ct)).ToResult(d => TypedResults.Created($"/api/v1/clients/{id}/initiatives/{d.Id}", d), NoClientText(id)));
        write.MapPut("/clients/{id:guid}/initiatives/{initiativeId:guid}", async (Guid id, Guid initiativeId, InitiativeRequest r, InitiativeService s, CancellationToken ct) =>
            (await s.SaveInitiativeAsync(id, initiativeId, r, ct)).ToResult(TypedResults.Ok, "There is no such initiative for this client."));
        write.MapDelete("/clients/{id:guid}/initiatives/{initiativeId:guid}", async Task<IResult> (Guid id, Guid initiativeId, InitiativeService s, CancellationToken ct) =>
            await s.DeleteInitiativeAsync(initiativeId, ct) ? TypedResults.NoContent() : ApiErrors.NotFound("There is no such initiative."));

        read.MapGet("/recommendation-templates", async Task<IResult> (string? q, InitiativeService s, CancellationToken ct) => TypedResults.Ok(await s.TemplatesAsync(q, ct)))
            .WithSummary("The provider's ready-made recommendations for common findings.");
        write.MapPost("/recommendation-templates", async (TemplateRequest r, InitiativeService s, CancellationToken ct) =>
            (await s.SaveTemplateAsync(null, r, ct)).ToResult(d => TypedResults.Created($"/api/v1/recommendation-templates/{d.Id}", d), "No such template."));
        write.MapPost("/recommendation-templates/starter", async (InitiativeService s, CancellationToken ct) => TypedResults.Ok(new { added = await s.AddStarterTemplatesAsync(ct) }))
            .WithSummary("Add the starter templates that are not in the library yet (matched by title).");
        write.MapPut("/recommendation-templates/{id:guid}", async (Guid id, TemplateRequest r, InitiativeService s, CancellationToken ct) =>
            (await s.SaveTemplateAsync(id, r, ct)).ToResult(TypedResults.Ok, $"There is no recommendation template with id '{id}'."));
        write.MapDelete("/recommendation-templates/{id:guid}", async Task<IResult> (Guid id, InitiativeService s, CancellationToken ct) =>
            await s.DeleteTemplateAsync(id, ct) ? TypedResults.NoContent() : ApiErrors.NotFound($"There is no recommendation template with id '{id}'."));
        return app;
    }

    public static IResult? RoadmapWindowError(int? fromYear, int? years) =>
        years is < 1 or > RoadmapRules.MaxYears ? ApiErrors.Validation("years", "Show 1 to 3 fiscal years.")
        : fromYear is < FiscalQuarter.MinYear or > FiscalQuarter.MaxYear ? ApiErrors.Validation("fromYear", "Choose a fiscal year from 2000 to 2100.")
        : null;

    private static IResult NoClient(Guid id) => ApiErrors.NotFound(NoClientText(id));

    private static IResult NoRecommendation(Guid id) => ApiErrors.NotFound(NoRecommendationText(id));

    private static string NoClientText(Guid id) => $"There is no client with id '{id}'.";

    private static string NoRecommendationText(Guid id) => $"There is no recommendation with id '{id}'.";
}
