using System.Security.Claims;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

public sealed record ItemsRequest(List<Guid>? StandardIds);

public static class ReviewsApi
{
    public static IServiceCollection AddReviews(this IServiceCollection services) =>
        services.AddScoped<ReviewService>().AddScoped<ReviewWorkflow>().AddScoped<ReviewQueries>().AddScoped<Notifier>().AddScoped<EvidenceStore>();

    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization(Policies.SignedIn);
        var tam = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization(Policies.AnswerReviews);
        var vcio = app.MapGroup("/api/v1/reviews").WithTags("Reviews").RequireAuthorization(Policies.RateReviews);

        read.MapGet("/", (ReviewService s, Guid? clientId, string? status, bool? mine, string? q, string? sort, int? page, int? pageSize, ClaimsPrincipal user, CancellationToken ct) =>
            List(s, new ReviewFilter(clientId, status, mine == true ? UserId(user) : null, q, sort, page, pageSize), ct))
            .WithSummary("Reviews, newest first; mine=true keeps those where you are the TAM or the vCIO.");
        read.MapGet("/{id:guid}", async (Guid id, ReviewService s, CancellationToken ct) => await s.GetAsync(id, ct) is { } r ? (IResult)TypedResults.Ok(r) : NotFound(id));
        read.MapGet("/{id:guid}/score", async (Guid id, ReviewQueries q, CancellationToken ct) => await q.ScoreAsync(id, ct) is { } r ? (IResult)TypedResults.Ok(r) : NotFound(id))
            .WithSummary("Overall, per section and per category scores, completion, the provisional flag and the breakdown.");
        read.MapGet("/compare", Compare).WithSummary("Per standard: the answer in each of two reviews of one client and the change.");

        tam.MapPost("/", async (CreateReviewRequest r, ReviewService s, CancellationToken ct) =>
            (await s.CreateAsync(r, ct)).ToResult(v => TypedResults.Created($"/api/v1/reviews/{v.Id}", v), NoSuchItem))
            .WithSummary("Create a review; without standardIds its scope is what is due for the client on asOf.");
        tam.MapPost("/{id:guid}/items", async (Guid id, ItemsRequest r, ReviewService s, CancellationToken ct) =>
            r.StandardIds is not { Count: > 0 } ? ApiErrors.Validation("standardIds", "List the standards to add.") : (await s.AddItemsAsync(id, r.StandardIds, ct)).ToResult(TypedResults.Ok, NoSuchItem));
        tam.MapDelete("/{id:guid}/items/{standardId:guid}", async (Guid id, Guid standardId, ReviewService s, CancellationToken ct) =>
            (await s.RemoveItemAsync(id, standardId, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem));
        tam.MapPut("/{id:guid}/answers/{standardId:guid}", async (Guid id, Guid standardId, AnswerRequest r, ReviewWorkflow w, ClaimsPrincipal user, CancellationToken ct) =>
            (await w.AnswerAsync(id, standardId, r, Name(user), ct)).ToResult(i => TypedResults.Ok(new { standardId, answer = i.Answer?.ToString(), i.Note, i.Version, i.AnsweredBy }), NoSuchItem))
            .WithSummary("The TAM's answer: Yes, No (needs a note) or NotApplicable. Send the item's version to refuse overwriting a newer answer.");
        tam.MapPost("/{id:guid}/submit", async (Guid id, ReviewWorkflow w, CancellationToken ct) => (await w.SubmitAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem))
            .WithSummary("TAM to vCIO: every Yes becomes Aligned; every No is a finding to rate.");
        tam.MapPost("/{id:guid}/flags/{standardId:guid}", async (Guid id, Guid standardId, FlagRequest r, ReviewWorkflow w, ClaimsPrincipal user, CancellationToken ct) =>
            (await w.FlagAsync(id, standardId, r, Name(user), ct)).ToResult(f => TypedResults.Created($"/api/v1/flags/{f.Id}", new { f.Id, reason = f.Reason.ToString(), f.Comment }), NoSuchItem))
            .WithSummary("Flag a question as Unclear or NotValuable for the standards committee.");
        tam.MapPost("/{id:guid}/answers/{standardId:guid}/evidence", async (Guid id, Guid standardId, IFormFile? file, EvidenceStore store, ClaimsPrincipal user, CancellationToken ct) =>
            (await store.SaveAsync(id, standardId, file, Name(user), ct)).ToResult(e => TypedResults.Created($"/api/v1/evidence/{e.Id}", new { e.Id, e.FileName, e.ContentType, e.Size }), NoSuchItem))
            .DisableAntiforgery().WithSummary("Attach a photo or file (multipart field 'file', up to 15 MB).");

        vcio.MapPut("/{id:guid}/ratings/{standardId:guid}", async (Guid id, Guid standardId, RatingRequest r, ReviewWorkflow w, ClaimsPrincipal user, CancellationToken ct) =>
            (await w.RateAsync(id, standardId, r, Name(user), ct)).ToResult(i => TypedResults.Ok(new { standardId, rating = i.Rating?.ToString(), i.RecommendationId, i.AcceptedRiskReason }), NoSuchItem))
            .WithSummary("The vCIO's rating of a finding, with a recommendation (existing or new by title) or an accepted risk.");
        vcio.MapPost("/{id:guid}/complete", async (Guid id, ReviewWorkflow w, CancellationToken ct) => (await w.CompleteAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem));
        vcio.MapPost("/{id:guid}/deliver", async (Guid id, ReviewWorkflow w, CancellationToken ct) => (await w.DeliverAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem));

        read.MapGet("/{id:guid}/answers/{standardId:guid}/evidence", async (Guid id, Guid standardId, EvidenceStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(id, standardId, ct)).Select(e => new { e.Id, e.FileName, e.ContentType, e.Size, e.UploadedAt, e.UploadedBy, url = $"/api/v1/evidence/{e.Id}" })))
            .WithSummary("The photos and files attached to one answer.");

        var flags = app.MapGroup("/api/v1/flags").WithTags("Reviews").RequireAuthorization(Policies.SignedIn);
        flags.MapGet("/", async (ReviewQueries q, string? status, Guid? standardId, int? page, int? pageSize, CancellationToken ct) =>
            status is not (null or "open" or "closed" or "all") ? ApiErrors.Validation("status", "Use open, closed or all.")
                : (IResult)TypedResults.Ok(await q.FlagsAsync(status ?? "open", standardId, page, pageSize, ct)))
            .WithSummary("Questions TAMs flagged as unclear or not valuable, for the standards committee (newest first).");
        flags.MapGet("/{id:guid}", async (Guid id, ReviewQueries q, CancellationToken ct) =>
            await q.FlagAsync(id, ct) is { } f ? (IResult)TypedResults.Ok(f) : ApiErrors.NotFound($"There is no flag with id '{id}'."));

        var evidence = app.MapGroup("/api/v1/evidence").WithTags("Reviews");
        evidence.MapGet("/{id:guid}", async (Guid id, EvidenceStore store, CancellationToken ct) =>
            await store.OpenAsync(id, ct) is { } found ? (IResult)TypedResults.PhysicalFile(found.Path, found.Evidence.ContentType, found.Evidence.FileName) : ApiErrors.NotFound($"There is no evidence with id '{id}'."))
            .RequireAuthorization(Policies.SignedIn);
        evidence.MapDelete("/{id:guid}", async (Guid id, EvidenceStore store, CancellationToken ct) => (await store.DeleteAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NoSuchItem))
            .RequireAuthorization(Policies.AnswerReviews);

        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        notifications.MapGet("/", async (Notifier n, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await n.RecentAsync(UserId(user)!, 50, ct)));
        notifications.MapPost("/{id:guid}/read", async (Guid id, Notifier n, ClaimsPrincipal user, CancellationToken ct) =>
            await n.MarkReadAsync(UserId(user)!, id, ct) ? (IResult)TypedResults.NoContent() : ApiErrors.NotFound($"There is no notification with id '{id}'."));
        return app;
    }

    private static async Task<IResult> List(ReviewService s, ReviewFilter filter, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(filter.Status) && !ApiEnum.TryParse<ReviewStatus>(filter.Status, out _))
            return ApiErrors.Validation("status", $"Filter by {string.Join(", ", Enum.GetNames<ReviewStatus>())}.");
        return TypedResults.Ok(await s.ListAsync(filter, ct));
    }

    private static async Task<IResult> Compare(Guid? from, Guid? to, ReviewQueries q, CancellationToken ct)
    {
        if (from is null || to is null) return ApiErrors.Validation("from", "Give the two reviews to compare: ?from={reviewId}&to={reviewId}.");
        return await q.CompareAsync(from.Value, to.Value, ct) is { } lines
            ? TypedResults.Ok(new { from, to, items = lines })
            : ApiErrors.NotFound("Both reviews must exist and belong to the same client.");
    }

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string Name(ClaimsPrincipal user) => user.FindFirstValue("name") ?? user.Identity?.Name ?? "unknown";

    private const string NoSuchItem = "There is no such review, or the standard is not part of it.";

    private static IResult NotFound(Guid id) => ApiErrors.NotFound($"There is no review with id '{id}'.");
}
