using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Standards;

/// <summary>Sections and categories: the two levels above standards.</summary>
public static class SectionsApi
{
    public static IEndpointRouteBuilder MapSectionsApi(this IEndpointRouteBuilder app)
    {
        var sections = app.MapGroup("/api/v1/sections").WithTags("Sections and categories");
        sections.MapGet("/", ListSections).RequireAuthorization(Policies.SignedIn);
        sections.MapPost("/", CreateSection).RequireAuthorization(Policies.EditLibrary);
        sections.MapPut("/{id:guid}", UpdateSection).RequireAuthorization(Policies.EditLibrary);
        sections.MapDelete("/{id:guid}", DeleteSection).RequireAuthorization(Policies.EditLibrary);
        sections.MapPost("/reorder", ReorderSections).RequireAuthorization(Policies.EditLibrary).WithSummary("Set the order of sections: ids in the new order.");

        var categories = app.MapGroup("/api/v1/categories").WithTags("Sections and categories");
        categories.MapGet("/", ListCategories).RequireAuthorization(Policies.SignedIn);
        categories.MapPost("/", CreateCategory).RequireAuthorization(Policies.EditLibrary);
        categories.MapPut("/{id:guid}", UpdateCategory).RequireAuthorization(Policies.EditLibrary);
        categories.MapDelete("/{id:guid}", DeleteCategory).RequireAuthorization(Policies.EditLibrary);
        categories.MapPost("/reorder", ReorderCategories).RequireAuthorization(Policies.EditLibrary).WithSummary("Set the order of one section's categories: ids in the new order.");
        return app;
    }

    private static async Task<Ok<List<SectionDetails>>> ListSections(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Sections.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Name)
            .Select(s => new SectionDetails(s.Id, s.Name, s.Order, s.Description)).ToListAsync(ct));

    private static async Task<Ok<List<CategoryDetails>>> ListCategories(AppDbContext db, Guid? sectionId, CancellationToken ct) =>
        TypedResults.Ok(await db.Categories.AsNoTracking().Where(c => sectionId == null || c.SectionId == sectionId)
            .OrderBy(c => c.Order).ThenBy(c => c.Name)
            .Select(c => new CategoryDetails(c.Id, c.SectionId, c.Name, c.Order, c.ReviewIntervalMonths)).ToListAsync(ct));

    private static async Task<IResult> CreateSection(SectionRequest request, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.SaveSectionAsync(null, request, ct), created: "/api/v1/sections/");

    private static async Task<IResult> UpdateSection(Guid id, SectionRequest request, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.SaveSectionAsync(id, request, ct));

    private static async Task<IResult> DeleteSection(Guid id, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.DeleteSectionAsync(id, ct), noContent: true);

    private static async Task<IResult> CreateCategory(CategoryRequest request, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.SaveCategoryAsync(null, request, ct), created: "/api/v1/categories/");

    private static async Task<IResult> UpdateCategory(Guid id, CategoryRequest request, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.SaveCategoryAsync(id, request, ct));

    private static async Task<IResult> DeleteCategory(Guid id, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.DeleteCategoryAsync(id, ct), noContent: true);

    private static async Task<IResult> ReorderSections(ReorderRequest request, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.ReorderSectionsAsync(request.Ids ?? [], ct), noContent: true);

    private static async Task<IResult> ReorderCategories(ReorderRequest request, SectionEditor editor, CancellationToken ct) =>
        Result(await editor.ReorderCategoriesAsync(request.Ids ?? [], ct), noContent: true);

    private static IResult Result(EditOutcome outcome, string? created = null, bool noContent = false) => outcome switch
    {
        { NotFound: true } => ApiErrors.NotFound(outcome.Message ?? "Not found."),
        { Errors.Count: > 0 } => ApiErrors.Validation(outcome.Errors),
        { Conflict: not null } => ApiErrors.Conflict(outcome.Conflict),
        _ when noContent => TypedResults.NoContent(),
        _ when created is not null => TypedResults.Created(created + IdOf(outcome.Value), outcome.Value),
        _ => TypedResults.Ok(outcome.Value),
    };

    private static string IdOf(object? value) => value switch { SectionDetails s => s.Id.ToString(), CategoryDetails c => c.Id.ToString(), _ => "" };
}
