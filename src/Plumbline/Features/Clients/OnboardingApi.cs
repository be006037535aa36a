using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Clients;

/// <summary>The onboarding plan (a provider setting) and each client's coverage of it (ADR-030).</summary>
public static class OnboardingApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/clients/{id:guid}/onboarding", Coverage).WithTags("Clients").RequireAuthorization(Policies.SignedIn)
            .WithName("getClientOnboarding")
            .WithSummary("How many of the client's template categories its reviews have asked so far, and which ones the next review adds.")
            .ProducesProblem(404);
        var settings = app.MapGroup("/api/v1/settings/onboarding").WithTags("Settings").RequireAuthorization(Policies.Admin);
        settings.MapGet("/", Get).WithName("getOnboardingSettings")
            .WithSummary("The onboarding plan: the categories an onboarding client's first review asks, and how many each later visit adds.");
        settings.MapPut("/", Put).WithName("updateOnboardingSettings")
            .WithSummary("Change the onboarding plan; fields left out keep their value, and startingCategoryIds [] starts with the first categories.");
    }

    private static async Task<Results<Ok<OnboardingCoverage>, ProblemHttpResult>> Coverage(Guid id, OnboardingPlan plan, CancellationToken ct) =>
        await plan.CoverageAsync(id, ct) is { } coverage ? TypedResults.Ok(coverage) : ApiErrors.NotFound($"There is no client with id '{id}'.");

    private static async Task<Ok<OnboardingSettingsDetails>> Get(OnboardingPlan plan, CancellationToken ct) => TypedResults.Ok(await plan.SettingsAsync(ct));

    private static async Task<Results<Ok<OnboardingSettingsDetails>, ValidationProblem, ProblemHttpResult>> Put(OnboardingSettingsRequest r,
        OnboardingPlan plan, CancellationToken ct) =>
        (await plan.SaveSettingsAsync(r, ct)).ToResult(TypedResults.Ok, "There are no settings.");
}
