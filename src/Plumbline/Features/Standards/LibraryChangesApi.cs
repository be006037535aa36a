using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Standards;

/// <summary>A page of the change log: the period, how many standards were new, changed and retired in it, and the events newest first.</summary>
public sealed record LibraryChangesPage(DateOnly From, DateOnly To, int NewCount, int ChangedCount, int RetiredCount,
    IReadOnlyList<LibraryChange> Items, int Page, int PageSize, int Total);

public static class LibraryChangesApi
{
    public static IEndpointRouteBuilder MapLibraryChangesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/library/changes", List).RequireAuthorization(Policies.SignedIn).WithTags("Standards").WithName("listLibraryChanges")
            .WithSummary("What changed in the library in a period (default the last 90 days): new, changed (with each field's diff) and retired " +
                "standards, newest first. Dates are UTC days.");
        return app;
    }

    private static async Task<Results<Ok<LibraryChangesPage>, ValidationProblem>> List(string? from, string? to, Guid? sectionId, int? page,
        int? pageSize, LibraryChanges changes, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["Pages start at 1."];
        if (pageSize is < 1 or > Paging.MaxPageSize) errors["pageSize"] = [$"Ask for 1 to {Paging.MaxPageSize} events a page."];
        var period = changes.Period(from, to, errors);
        if (errors.Count > 0 || period is not var (start, end)) return ApiErrors.Validation(errors, "The period is not valid.");
        var log = await changes.ReadAsync(start, end, sectionId, TimeZoneInfo.Utc, ct);
        var (p, size) = Paging.Normalize(page, pageSize);
        return TypedResults.Ok(new LibraryChangesPage(log.From, log.To, log.NewCount, log.ChangedCount, log.RetiredCount,
            [.. log.Items.Skip((p - 1) * size).Take(size)], p, size, log.Items.Count));
    }
}
