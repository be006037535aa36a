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
        read.MapGet("/", List).WithSummary("Search and filter the standards library (paged).");
        read.MapGet("/{id:guid}", Get);
        read.MapGet("/{id:guid}/revisions", Revisions).WithSummary("Every revision of a standard, newest first.");
        read.MapPost("/lint", Lint).WithSummary("Check a question against the library's rules.");
        edit.MapPost("/", Create);
        edit.MapPut("/{id:guid}", Update).WithSummary("Replace a standard. Changing question, howToCheck or priority creates a new revision.");
        edit.MapPost("/{id:guid}/activate", (Guid id, LibraryService s, CancellationToken ct) => SetStatus(id, StandardStatus.Active, s, ct));
        edit.MapPost("/{id:guid}/retire", (Guid id, LibraryService s, CancellationToken ct) => SetStatus(id, StandardStatus.Retired, s, ct));
        edit.MapPost("/{id:guid}/reactivate", (Guid id, LibraryService s, CancellationToken ct) => SetStatus(id, StandardStatus.Active, s, ct));
        edit.MapDelete("/{id:guid}", Delete).WithSummary("Delete an unused draft. Anything else is retired instead.");
        return app;
    }

    private static async Task<Results<Ok<PagedList<StandardDetails>>, ValidationProblem>> List([AsParameters] StandardFilter filter, LibraryService library, CancellationToken ct)
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

    private static async Task<IResult> Create(StandardRequest request, LibraryService library, CancellationToken ct) =>
        ToResult(await library.CreateAsync(request, ct), created: true);

    private static async Task<IResult> Update(Guid id, StandardRequest request, LibraryService library, CancellationToken ct) =>
        ToResult(await library.UpdateAsync(id, request, ct), id: id);

    private static async Task<IResult> SetStatus(Guid id, StandardStatus status, LibraryService library, CancellationToken ct) =>
        ToResult(await library.SetStatusAsync(id, status, ct), id: id);

    private static async Task<IResult> Delete(Guid id, LibraryService library, CancellationToken ct)
    {
        var change = await library.DeleteAsync(id, ct);
        return change.NotFound || change.Conflict is not null ? ToResult(change, id: id) : TypedResults.NoContent();
    }

    internal static IResult ToResult(StandardChange change, bool created = false, Guid? id = null)
    {
        if (change.NotFound) return NotFound(id ?? Guid.Empty);
        if (change.Errors is { Count: > 0 }) return ApiErrors.Validation(change.Errors);
        if (change.Conflict is not null) return ApiErrors.Conflict(change.Conflict);
        if (change.Lint is { Ok: false } lint) return LintProblem(lint);
        return created ? TypedResults.Created($"/api/v1/standards/{change.Standard!.Id}", change.Standard) : TypedResults.Ok(change.Standard);
    }

    /// <summary>422 with the linter's lists, so a client sees exactly why the standard cannot be active.</summary>
    internal static IResult LintProblem(LintResult lint) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: "The question breaks the library's rules",
        detail: "A standard with lint errors cannot be active. Fix the errors or save it as a draft. " + string.Join(" ", lint.Errors.Select(e => e.Message)),
        extensions: new Dictionary<string, object?> { ["ok"] = false, ["errors"] = lint.Errors, ["warnings"] = lint.Warnings });

    private static ProblemHttpResult NotFound(Guid id) => ApiErrors.NotFound($"There is no standard with id '{id}'.");
}
