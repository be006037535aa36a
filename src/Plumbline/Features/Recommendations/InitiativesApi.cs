using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Recommendations;

/// <summary>A client's initiatives (groups of recommendations) and the provider's recommendation templates.</summary>
internal static class InitiativesApi
{
    public static void Map(RouteGroupBuilder read, RouteGroupBuilder write)
    {
        read.MapGet("/clients/{id:guid}/initiatives", ListInitiatives).WithName("listInitiatives")
            .WithSummary("The client's initiatives, the groups its recommendations are planned in.").ProducesProblem(404);
        write.MapPost("/clients/{id:guid}/initiatives", CreateInitiative).WithName("createInitiative")
            .WithSummary("Start an initiative for the client.").ProducesProblem(404);
        write.MapPut("/clients/{id:guid}/initiatives/{initiativeId:guid}", UpdateInitiative).WithName("updateInitiative")
            .WithSummary("Rename or describe an initiative.").ProducesProblem(404);
        write.MapDelete("/clients/{id:guid}/initiatives/{initiativeId:guid}", DeleteInitiative).WithName("deleteInitiative")
            .WithSummary("Delete an initiative; its recommendations stay, without an initiative.").ProducesProblem(404);

        read.MapGet("/recommendation-templates", ListTemplates).WithName("listRecommendationTemplates")
            .WithSummary("The provider's ready-made recommendations for common findings.");
        write.MapPost("/recommendation-templates", CreateTemplate).WithName("createRecommendationTemplate")
            .WithSummary("Add a ready-made recommendation to the provider's templates.");
        write.MapPost("/recommendation-templates/starter", AddStarter).WithName("addStarterRecommendationTemplates")
            .WithSummary("Add the starter templates that are not in the library yet (matched by title).");
        write.MapPut("/recommendation-templates/{id:guid}", UpdateTemplate).WithName("updateRecommendationTemplate")
            .WithSummary("Change a recommendation template.").ProducesProblem(404);
        write.MapDelete("/recommendation-templates/{id:guid}", DeleteTemplate).WithName("deleteRecommendationTemplate")
            .WithSummary("Delete a recommendation template.").ProducesProblem(404);
    }

    private static async Task<Results<Ok<List<InitiativeDetails>>, ProblemHttpResult>> ListInitiatives(Guid id,
        RecommendationQueries q, CancellationToken ct) =>
        await q.ClientExistsAsync(id, ct) ? TypedResults.Ok(await q.InitiativesAsync(id, ct)) : RecommendationsApi.NoClient(id);

    private static async Task<Results<Created<InitiativeDetails>, ValidationProblem, ProblemHttpResult>> CreateInitiative(Guid id, InitiativeRequest r,
        InitiativeService s, CancellationToken ct) =>
        (await s.SaveInitiativeAsync(id, null, r, ct))
            .ToResult(d => TypedResults.Created($"/api/v1/clients/{id}/initiatives/{d.Id}", d), RecommendationsApi.NoClientText(id));

    private static async Task<Results<Ok<InitiativeDetails>, ValidationProblem, ProblemHttpResult>> UpdateInitiative(Guid id, Guid initiativeId,
        InitiativeRequest r, InitiativeService s, CancellationToken ct) =>
        (await s.SaveInitiativeAsync(id, initiativeId, r, ct)).ToResult(TypedResults.Ok, "There is no such initiative for this client.");

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteInitiative(Guid id, Guid initiativeId, InitiativeService s, CancellationToken ct) =>
        await s.DeleteInitiativeAsync(initiativeId, ct) ? TypedResults.NoContent() : ApiErrors.NotFound("There is no such initiative.");

    private static async Task<Ok<List<TemplateDetails>>> ListTemplates(string? q, InitiativeService s, CancellationToken ct) =>
        TypedResults.Ok(await s.TemplatesAsync(q, ct));

    private static async Task<Results<Created<TemplateDetails>, ValidationProblem, ProblemHttpResult>> CreateTemplate(TemplateRequest r, InitiativeService s,
        CancellationToken ct) =>
        (await s.SaveTemplateAsync(null, r, ct)).ToResult(d => TypedResults.Created($"/api/v1/recommendation-templates/{d.Id}", d), "No such template.");

    private static async Task<Ok<StarterTemplatesAdded>> AddStarter(InitiativeService s, CancellationToken ct) =>
        TypedResults.Ok(new StarterTemplatesAdded(await s.AddStarterTemplatesAsync(ct)));

    private static async Task<Results<Ok<TemplateDetails>, ValidationProblem, ProblemHttpResult>> UpdateTemplate(Guid id, TemplateRequest r,
        InitiativeService s, CancellationToken ct) =>
        (await s.SaveTemplateAsync(id, r, ct)).ToResult(TypedResults.Ok, NoTemplate(id));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTemplate(Guid id, InitiativeService s, CancellationToken ct) =>
        await s.DeleteTemplateAsync(id, ct) ? TypedResults.NoContent() : ApiErrors.NotFound(NoTemplate(id));

    private static string NoTemplate(Guid id) => $"There is no recommendation template with id '{id}'.";
}
