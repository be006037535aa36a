using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

public static class ReviewsApi
{
    public static IServiceCollection AddReviews(this IServiceCollection services) =>
        services.AddScoped<ReviewService>().AddScoped<ReviewItemFactory>().AddScoped<ReviewScopeChanges>()
            .AddScoped<ReviewWorkflow>().AddScoped<ReviewQueries>().AddScoped<EvidenceStore>();

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization(Policies.SignedIn);
        var tam = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization(Policies.AnswerReviews);
        var vcio = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization(Policies.RateReviews);

        read.MapGet("/", List).WithName("listReviews")
            .WithSummary("Reviews, newest first; mine=true keeps those where you are the TAM or the vCIO.");
        read.MapGet("/{id:guid}", Get).WithName("getReview").WithSummary("One review with its items and answers.").ProducesProblem(404);
        read.MapGet("/{id:guid}/score", Score).WithName("getReviewScore")
            .WithSummary("Overall, per section and per category scores, completion, the provisional flag and the breakdown.").ProducesProblem(404);
        read.MapGet("/compare", Compare).WithName("compareReviews")
            .WithSummary("Per standard: the answer in each of two reviews of one client and the change.").ProducesProblem(404);

        tam.MapPost("/", Create).WithName("createReview")
            .WithSummary("Create a review; without standardIds its scope is what is due for the client on asOf. While the client has a review in the " +
                "TAM pass, a second one needs a reason (409 naming the open review without one).")
            .ProducesProblem(409);
        tam.MapPost("/{id:guid}/items", AddItems).WithName("addReviewItems").WithSummary("Add standards to a review that is still in the TAM pass.")
            .ProducesProblem(404).ProducesProblem(409);
        tam.MapDelete("/{id:guid}/items/{standardId:guid}", RemoveItem).WithName("removeReviewItem")
            .WithSummary("Take a standard out of a review that is still in the TAM pass.").ProducesProblem(404).ProducesProblem(409);
        tam.MapPut("/{id:guid}/answers/{standardId:guid}", Answer).WithName("answerStandard")
            .WithSummary("The TAM's answer: Yes, No (needs a note) or NotApplicable. Send the item's version to refuse overwriting a newer answer.")
            .ProducesProblem(404).ProducesProblem(409);
        tam.MapPost("/{id:guid}/submit", Submit).WithName("submitReview")
            .WithSummary("TAM to vCIO: every Yes becomes Aligned; every No is a finding to rate.").ProducesProblem(404).ProducesProblem(409);
        tam.MapPost("/{id:guid}/flags/{standardId:guid}", Flag).WithName("flagQuestion")
            .WithSummary("Flag a question as Unclear or NotValuable for the standards committee.").ProducesProblem(404);

        vcio.MapPut("/{id:guid}/ratings/{standardId:guid}", Rate).WithName("rateFinding")
            .WithSummary("The vCIO's rating of a finding, with a recommendation (existing or new by title) or an accepted risk (the client's exception).")
            .ProducesProblem(404).ProducesProblem(409);
        vcio.MapPost("/{id:guid}/complete", Complete).WithName("completeReview")
            .WithSummary("Close the vCIO pass once every finding is rated.").ProducesProblem(404).ProducesProblem(409);
        vcio.MapPost("/{id:guid}/deliver", Deliver).WithName("deliverReview")
            .WithSummary("Mark a completed review as delivered to the client.").ProducesProblem(404).ProducesProblem(409);
        ReviewEvidenceApi.Map(app, read, tam);
        return app;
    }

    private static async Task<Results<Ok<PagedList<ReviewSummary>>, ValidationProblem>> List(ReviewService s, Guid? clientId,
        [StringEnum<ReviewStatus>] string? status, bool? mine,
        string? q, string? sort, int? page, int? pageSize, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(status) && !ApiEnum.TryParse<ReviewStatus>(status, out _))
            return ApiErrors.Validation("status", $"Filter by {string.Join(", ", Enum.GetNames<ReviewStatus>())}.");
        return TypedResults.Ok(await s.ListAsync(new ReviewFilter(clientId, status, mine == true ? CurrentUser.Id(user) : null, q, sort, page, pageSize), ct));
    }

    private static async Task<Results<Ok<ReviewDetails>, ProblemHttpResult>> Get(Guid id, ReviewService s, CancellationToken ct) =>
        await s.GetAsync(id, ct) is { } r ? TypedResults.Ok(r) : NotFound(id);

    private static async Task<Results<Ok<ScoreDetails>, ProblemHttpResult>> Score(Guid id, ReviewQueries q, CancellationToken ct) =>
        await q.ScoreAsync(id, ct) is { } r ? TypedResults.Ok(r) : NotFound(id);

    private static async Task<Results<Ok<CompareDetails>, ValidationProblem, ProblemHttpResult>> Compare(Guid? from, Guid? to,
        ReviewQueries q, CancellationToken ct)
    {
        if (from is null || to is null) return ApiErrors.Validation("from", "Give the two reviews to compare: ?from={reviewId}&to={reviewId}.");
        return await q.CompareAsync(from.Value, to.Value, ct) is { } lines
            ? TypedResults.Ok(new CompareDetails(from.Value, to.Value, lines))
            : ApiErrors.NotFound("Both reviews must exist and belong to the same client.");
    }

    private static async Task<Results<Created<ReviewDetails>, ValidationProblem, ProblemHttpResult>> Create(CreateReviewRequest r,
        ReviewService s, CancellationToken ct) =>
        (await s.CreateAsync(r, ct)).ToResult(v => TypedResults.Created($"/api/v1/reviews/{v.Id}", v), NoSuchItem);

    private static async Task<Results<Ok<ReviewDetails>, ValidationProblem, ProblemHttpResult>> AddItems(Guid id, ItemsRequest r,
        ReviewScopeChanges s, CancellationToken ct) =>
        r.StandardIds is not { Count: > 0 } ? ApiErrors.Validation("standardIds", "List the standards to add.")
            : (await s.AddItemsAsync(id, r.StandardIds, ct)).ToResult(TypedResults.Ok, NoSuchItem);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveItem(Guid id, Guid standardId,
        ReviewScopeChanges s, CancellationToken ct) =>
        (await s.RemoveItemAsync(id, standardId, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem);

    private static async Task<Results<Ok<AnswerDetails>, ValidationProblem, ProblemHttpResult>> Answer(Guid id, Guid standardId,
        AnswerRequest r, ReviewWorkflow w,
        ClaimsPrincipal user, CancellationToken ct) =>
        (await w.AnswerAsync(id, standardId, r, CurrentUser.Name(user), ct))
            .ToResult(i => TypedResults.Ok(new AnswerDetails(standardId, i.Answer, i.Note, i.Version, i.AnsweredBy)), NoSuchItem);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Submit(Guid id, ReviewWorkflow w, CancellationToken ct) =>
        (await w.SubmitAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem);

    private static async Task<Results<Created<FlagCreated>, ValidationProblem, ProblemHttpResult>> Flag(Guid id, Guid standardId,
        FlagRequest r, ReviewWorkflow w,
        ClaimsPrincipal user, CancellationToken ct) =>
        (await w.FlagAsync(id, standardId, r, CurrentUser.Name(user), ct))
            .ToResult(f => TypedResults.Created($"/api/v1/flags/{f.Id}", new FlagCreated(f.Id, f.Reason, f.Comment)), NoSuchItem);

    private static async Task<Results<Ok<RatingDetails>, ValidationProblem, ProblemHttpResult>> Rate(Guid id, Guid standardId,
        RatingRequest r, ReviewWorkflow w,
        ClaimsPrincipal user, CancellationToken ct) =>
        (await w.RateAsync(id, standardId, r, CurrentUser.Name(user), ct))
            .ToResult(i => TypedResults.Ok(new RatingDetails(standardId, i.Rating, i.RecommendationId, i.AcceptedRiskReason, i.AcceptedException(),
                i.ClientNote)), NoSuchItem);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Complete(Guid id, ReviewWorkflow w, CancellationToken ct) =>
        (await w.CompleteAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Deliver(Guid id, ReviewWorkflow w, CancellationToken ct) =>
        (await w.DeliverAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem);

    internal const string NoSuchItem = "There is no such review, or the standard is not part of it.";

    private static ProblemHttpResult NotFound(Guid id) => ApiErrors.NotFound($"There is no review with id '{id}'.");
}
