using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Features.Standards;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Committee;

public static class ProposalsApi
{
    public static IServiceCollection AddStandardProposals(this IServiceCollection services) => services.AddScoped<ProposalService>();

    public static IEndpointRouteBuilder MapStandardProposalsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/standard-proposals").WithTags("Standards committee").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/", List).WithName("listStandardProposals")
            .WithSummary("Proposals to the standards committee, newest first (paged); filter by status, kind or standardId.");
        read.MapGet("/{id:guid}", Get).WithName("getStandardProposal").WithSummary("One proposal, with the linter's findings on its question.")
            .ProducesProblem(404);
        read.MapPost("/", Create).RequireAuthorization(Policies.ProposeStandards).WithName("createStandardProposal")
            .WithSummary("Propose a New standard, a Change to one (fields left out keep their current value) or its retirement (Retire), with the " +
                "rationale and evidence (Answer, Flag, Finding or Handoff ids). A question with lint errors may be proposed but not approved.");
        read.MapPost("/{id:guid}/decision", Decide).RequireAuthorization(Policies.RunCommittee).WithName("decideStandardProposal")
            .WithSummary("Approve, reject or defer a proposal (a note is needed to reject or defer). Approving applies it to the library in the " +
                "same transaction; a question with lint errors is a 422 with the findings. An approved or rejected proposal is a 409.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return app;
    }

    private static async Task<Results<Ok<PagedList<ProposalDetails>>, ValidationProblem>> List([AsParameters] ProposalFilter filter,
        ProposalService proposals, CancellationToken ct)
    {
        var errors = ProposalService.Validate(filter);
        return errors.Count > 0 ? ApiErrors.Validation(errors) : TypedResults.Ok(await proposals.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Get(Guid id, ProposalService proposals, CancellationToken ct) =>
        await proposals.GetAsync(id, ct) is { } p ? TypedResults.Ok(p) : ApiErrors.NotFound(ProposalService.Missing(id));

    private static async Task<Results<Created<ProposalDetails>, ValidationProblem, ProblemHttpResult>> Create(CreateProposalRequest request,
        ProposalService proposals, ClaimsPrincipal user, CancellationToken ct) =>
        (await proposals.CreateAsync(request, Actor.Of(user), ct))
            .ToResult(p => TypedResults.Created($"/api/v1/standard-proposals/{p.Id}", p), ProposalService.Missing(Guid.Empty));

    private static async Task<Results<Ok<ProposalDetails>, ValidationProblem, ProblemHttpResult>> Decide(Guid id, ProposalDecisionRequest request,
        ProposalService proposals, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await proposals.DecideAsync(id, request, Actor.Of(user), ct);
        if (result.Lint is { } lint)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The question breaks the library's rules",
                detail: "A proposal whose question has lint errors cannot be approved. Reject or defer it and propose a corrected question. " +
                    string.Join(" ", lint.Errors.Select(e => e.Message)),
                extensions: new Dictionary<string, object?> { ["ok"] = false, ["errors"] = lint.Errors, ["warnings"] = lint.Warnings });
        return result.Outcome.ToResult(TypedResults.Ok, ProposalService.Missing(id));
    }
}
