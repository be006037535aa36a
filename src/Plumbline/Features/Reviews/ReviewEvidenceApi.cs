using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reviews;

/// <summary>The photos and files attached to answers, and the questions TAMs flagged for the standards committee.</summary>
internal static class ReviewEvidenceApi
{
    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder read, RouteGroupBuilder tam)
    {
        tam.MapPost("/{id:guid}/answers/{standardId:guid}/evidence", Upload).DisableAntiforgery().WithName("uploadEvidence")
            .WithSummary("Attach a photo or file (multipart field 'file', up to 15 MB).").ProducesProblem(404).ProducesProblem(409);
        read.MapGet("/{id:guid}/answers/{standardId:guid}/evidence", List).WithName("listEvidence")
            .WithSummary("The photos and files attached to one answer.");

        var evidence = app.MapGroup("/api/v1/evidence").WithTags("Reviews");
        evidence.MapGet("/{id:guid}", Download).RequireAuthorization(Policies.SignedIn).WithName("downloadEvidence")
            .WithSummary("The attached photo or file itself, with its own content type.")
            .ProducesFile("application/octet-stream", "image/jpeg", "image/png", "application/pdf").ProducesProblem(404);
        evidence.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.AnswerReviews).WithName("deleteEvidence")
            .WithSummary("Remove an attached photo or file while the review is in the TAM pass.").ProducesProblem(404).ProducesProblem(409);

        var flags = app.MapGroup("/api/v1/flags").WithTags("Reviews").RequireAuthorization(Policies.SignedIn);
        flags.MapGet("/", ListFlags).WithName("listFlags")
            .WithSummary("Questions TAMs flagged as unclear or not valuable, for the standards committee (newest first).");
        flags.MapGet("/{id:guid}", GetFlag).WithName("getFlag").WithSummary("One flagged question with the TAM's comment.").ProducesProblem(404);
    }

    private static async Task<Results<Created<EvidenceCreated>, ValidationProblem, ProblemHttpResult>> Upload(Guid id, Guid standardId, IFormFile? file,
        EvidenceStore store, ClaimsPrincipal user, CancellationToken ct) =>
        (await store.SaveAsync(id, standardId, file, CurrentUser.Name(user), ct))
            .ToResult(e => TypedResults.Created($"/api/v1/evidence/{e.Id}", new EvidenceCreated(e.Id, e.FileName, e.ContentType, e.Size)),
                ReviewsApi.NoSuchItem);

    private static async Task<Ok<List<EvidenceDetails>>> List(Guid id, Guid standardId, EvidenceStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(id, standardId, ct))
            .Select(e => new EvidenceDetails(e.Id, e.FileName, e.ContentType, e.Size, e.UploadedAt, e.UploadedBy, $"/api/v1/evidence/{e.Id}")).ToList());

    // The stream reads from the database as the response is written; the result disposes it, which hands the connection back.
    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(Guid id, EvidenceStore store, CancellationToken ct) =>
        await store.OpenAsync(id, ct) is { } found ? TypedResults.File(found.Content, found.Evidence.ContentType, found.Evidence.FileName)
            : ApiErrors.NotFound($"There is no evidence with id '{id}'.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid id, EvidenceStore store, CancellationToken ct) =>
        (await store.DeleteAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), ReviewsApi.NoSuchItem);

    private static async Task<Results<Ok<PagedList<FlagDetails>>, ValidationProblem>> ListFlags(ReviewQueries q, string? status, Guid? standardId, int? page,
        int? pageSize, CancellationToken ct) =>
        status is not (null or "open" or "closed" or "all") ? ApiErrors.Validation("status", "Use open, closed or all.")
            : TypedResults.Ok(await q.FlagsAsync(status ?? "open", standardId, page, pageSize, ct));

    private static async Task<Results<Ok<FlagDetails>, ProblemHttpResult>> GetFlag(Guid id, ReviewQueries q, CancellationToken ct) =>
        await q.FlagAsync(id, ct) is { } f ? TypedResults.Ok(f) : ApiErrors.NotFound($"There is no flag with id '{id}'.");
}
