using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Standards;

public static class StandardsApi
{
    public static IEndpointRouteBuilder MapStandardsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/standards").WithTags("Standards").RequireAuthorization(Policies.SignedIn);
        var edit = app.MapGroup("/api/v1/standards").WithTags("Standards").RequireAuthorization(Policies.EditLibrary);
        read.MapGet("/", List).WithName("listStandards").WithSummary("Search and filter the standards library (paged).");
        read.MapGet("/{id:guid}", Get).WithName("getStandard").WithSummary("One standard, its current revision.").ProducesProblem(404);
        read.MapGet("/{id:guid}/revisions", Revisions).WithName("listStandardRevisions").WithSummary("Every revision of a standard, newest first.")
            .ProducesProblem(404);
        read.MapPost("/lint", Lint).WithName("lintQuestion").WithSummary("Check a question against the library's rules.");
        edit.MapPost("/", Create).WithName("createStandard").WithSummary("Add a standard as a draft, or as active when its question passes the linter.")
            .ProducesProblem(422);
        edit.MapPut("/{id:guid}", Update).WithName("updateStandard")
            .WithSummary("Replace a standard. Changing question, howToCheck or priority creates a new revision.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        edit.MapPost("/{id:guid}/activate", Activate).WithName("activateStandard")
            .WithSummary("Make a draft standard active; its question must pass the linter.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        edit.MapPost("/{id:guid}/retire", Retire).WithName("retireStandard").WithSummary("Retire an active standard: new reviews leave it out.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        edit.MapPost("/{id:guid}/reactivate", Reactivate).WithName("reactivateStandard").WithSummary("Make a retired standard active again.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        edit.MapDelete("/{id:guid}", Delete).WithName("deleteStandard").WithSummary("Delete an unused draft. Anything else is retired instead.")
            .ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<Results<Ok<PagedList<StandardDetails>>, ValidationProblem>> List([AsParameters] StandardFilter filter,
        LibraryService library, CancellationToken ct)
    {
        // A misspelt filter must not quietly return the whole library to an integrator.
        var errors = new Dictionary<string, string[]>();
        StandardValidation.ParseEnum(filter.Status, "status", StandardStatus.Active, errors);
        StandardValidation.ParseEnum(filter.Priority, "priority", Priority.Medium, errors);
        StandardValidation.ParseEnum(filter.Kind, "kind", StandardKind.Technology, errors);
        if (!string.IsNullOrWhiteSpace(filter.Sort) && !LibraryService.Sorts.Contains(filter.Sort))
            errors["sort"] = [$"\"{filter.Sort}\" is not a sort order. Use one of: {string.Join(", ", LibraryService.Sorts)}."];
        if (errors.Count > 0) return ApiErrors.Validation(errors);
        return TypedResults.Ok(await library.SearchAsync(filter, ct));
    }

    private static async Task<Results<Ok<StandardDetails>, ProblemHttpResult>> Get(Guid id, LibraryService library, CancellationToken ct) =>
        await library.GetAsync(id, ct) is { } s ? TypedResults.Ok(s) : NotFound(id);

    private static async Task<Results<Ok<List<StandardRevisionDetails>>, ProblemHttpResult>> Revisions(Guid id, LibraryService library, CancellationToken ct) =>
        await library.RevisionsAsync(id, ct) is { } r ? TypedResults.Ok(r) : NotFound(id);

    private static Ok<LintResult> Lint(LintRequest request) =>
        TypedResults.Ok(QuestionLinter.Lint(request.Question, request.WhyWeAsk, request.HowToCheck,
            (request.References ?? []).Count(r => !string.IsNullOrWhiteSpace(r?.Authority) || !string.IsNullOrWhiteSpace(r?.Citation))));

    private static async Task<Results<Created<StandardDetails>, ValidationProblem, ProblemHttpResult>> Create(StandardRequest request, LibraryService library,
        CancellationToken ct) =>
        ToResult(await library.CreateAsync(request, ct), s => TypedResults.Created($"/api/v1/standards/{s!.Id}", s), Guid.Empty);

    private static async Task<Results<Ok<StandardDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id,
        StandardRequest request, LibraryService library,
        CancellationToken ct) =>
        ToResult(await library.UpdateAsync(id, request, ct), s => TypedResults.Ok(s!), id);

    private static Task<Results<Ok<StandardDetails>, ValidationProblem, ProblemHttpResult>> Activate(Guid id, LibraryService library, CancellationToken ct) =>
        SetStatus(id, StandardStatus.Active, library, ct);

    private static Task<Results<Ok<StandardDetails>, ValidationProblem, ProblemHttpResult>> Retire(Guid id, LibraryService library, CancellationToken ct) =>
        SetStatus(id, StandardStatus.Retired, library, ct);

    private static Task<Results<Ok<StandardDetails>, ValidationProblem, ProblemHttpResult>> Reactivate(Guid id, LibraryService library, CancellationToken ct) =>
        SetStatus(id, StandardStatus.Active, library, ct);

    private static async Task<Results<Ok<StandardDetails>, ValidationProblem, ProblemHttpResult>> SetStatus(Guid id,
        StandardStatus status, LibraryService library,
        CancellationToken ct) =>
        ToResult(await library.SetStatusAsync(id, status, ct), s => TypedResults.Ok(s!), id);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid id, LibraryService library, CancellationToken ct) =>
        ToResult(await library.DeleteAsync(id, ct), _ => TypedResults.NoContent(), id);

    /// <summary>Like <see cref="OutcomeResults.ToResult"/>, plus the linter's 422 when an active standard's question breaks the rules.</summary>
    private static Results<TOk, ValidationProblem, ProblemHttpResult> ToResult<TOk>(StandardChange change, Func<StandardDetails?, TOk> ok, Guid id)
        where TOk : IResult
    {
        if (change.NotFound) return NotFound(id);
        if (change.Errors is { Count: > 0 }) return ApiErrors.Validation(change.Errors);
        if (change.Conflict is not null) return ApiErrors.Conflict(change.Conflict);
        if (change.Lint is { Ok: false } lint) return LintProblem(lint);
        return ok(change.Standard);
    }

    /// <summary>422 with the linter's lists, so a client sees exactly why the standard cannot be active.</summary>
    internal static ProblemHttpResult LintProblem(LintResult lint) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: "The question breaks the library's rules",
        detail: "A standard with lint errors cannot be active. Fix the errors or save it as a draft. " + string.Join(" ", lint.Errors.Select(e => e.Message)),
        extensions: new Dictionary<string, object?> { ["ok"] = false, ["errors"] = lint.Errors, ["warnings"] = lint.Warnings });

    private static ProblemHttpResult NotFound(Guid id) => ApiErrors.NotFound($"There is no standard with id '{id}'.");
}
