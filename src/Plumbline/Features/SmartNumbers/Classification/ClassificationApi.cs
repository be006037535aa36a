using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.SmartNumbers.Classification;

/// <summary>GET/PUT /api/v1/time-entries/classification, the values seen in the imported entries and a preview of a proposal.</summary>
public static class ClassificationApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/time-entries/classification").WithTags("Smart numbers").RequireAuthorization(Policies.SignedIn);
        read.MapGet("/", Get).WithName("getClassification")
            .WithSummary("Which work is reactive: an entry is reactive when its work type, board or ticket type is listed (case-insensitive).");
        read.MapGet("/values", Values).WithName("listClassificationValues")
            .WithSummary("The work types, boards and ticket types seen in the last 12 complete months, with their hours and whether they are " +
                "reactive. Pass reactiveWorkTypes, reactiveBoards or reactiveTicketTypes (repeatable) to preview a proposal against the saved one.");
        read.MapPost("/preview", Preview).WithName("previewClassification")
            .WithSummary("The same as GET .../values for a proposed classification sent as the body (nothing is saved).");
        app.MapGroup("/api/v1/time-entries/classification").WithTags("Smart numbers").RequireAuthorization(Policies.ManageSmartNumbers)
            .MapPut("/", Put).WithName("setClassification")
            .WithSummary("Replace the lists. Values are trimmed, duplicates (ignoring case) removed; at most 500 values of 100 characters per list.");
    }

    private static async Task<Ok<ClassificationDetails>> Get(ClassificationService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(ct));

    private static async Task<Results<Ok<ClassificationDetails>, ValidationProblem, ProblemHttpResult>> Put(ClassificationRequest request,
        ClassificationService service, HttpContext http, CancellationToken ct) =>
        (await service.SaveAsync(request, CurrentUser.Name(http.User), ct)).ToResult(TypedResults.Ok, "There is no classification.");

    private static async Task<Results<Ok<ClassificationValues>, ValidationProblem>> Values(
        [FromQuery(Name = "reactiveWorkTypes")] string[]? reactiveWorkTypes, [FromQuery(Name = "reactiveBoards")] string[]? reactiveBoards,
        [FromQuery(Name = "reactiveTicketTypes")] string[]? reactiveTicketTypes, ClassificationService service, CancellationToken ct)
    {
        if (reactiveWorkTypes is not { Length: > 0 } && reactiveBoards is not { Length: > 0 } && reactiveTicketTypes is not { Length: > 0 })
            return TypedResults.Ok(await service.ValuesAsync(null, ct));
        return await Preview(new ClassificationRequest([.. reactiveWorkTypes ?? []], [.. reactiveBoards ?? []], [.. reactiveTicketTypes ?? []]),
            service, ct);
    }

    private static async Task<Results<Ok<ClassificationValues>, ValidationProblem>> Preview(ClassificationRequest request,
        ClassificationService service, CancellationToken ct)
    {
        var (clean, errors) = ClassificationService.Check(request);
        if (clean is null) return ApiErrors.Validation(errors);
        return TypedResults.Ok(await service.ValuesAsync(clean, ct));
    }
}
