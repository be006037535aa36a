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
        sections.MapGet("/", ListSections).RequireAuthorization(Policies.SignedIn).WithName("listSections").WithSummary("The library's sections, in order.");
        sections.MapPost("/", CreateSection).RequireAuthorization(Policies.EditLibrary).WithName("createSection").WithSummary("Add a section.");
        sections.MapPut("/{id:guid}", UpdateSection).RequireAuthorization(Policies.EditLibrary).WithName("updateSection")
            .WithSummary("Rename a section, or change its description or order.").ProducesProblem(404);
        sections.MapDelete("/{id:guid}", DeleteSection).RequireAuthorization(Policies.EditLibrary).WithName("deleteSection")
            .WithSummary("Delete an empty section.").ProducesProblem(404).ProducesProblem(409);
        sections.MapPost("/reorder", ReorderSections).RequireAuthorization(Policies.EditLibrary).WithName("reorderSections")
            .WithSummary("Set the order of sections: ids in the new order.");

        var categories = app.MapGroup("/api/v1/categories").WithTags("Sections and categories");
        categories.MapGet("/", ListCategories).RequireAuthorization(Policies.SignedIn).WithName("listCategories")
            .WithSummary("The categories, in order; ?sectionId= keeps one section's.");
        categories.MapPost("/", CreateCategory).RequireAuthorization(Policies.EditLibrary).WithName("createCategory")
            .WithSummary("Add a category to a section.");
        categories.MapPut("/{id:guid}", UpdateCategory).RequireAuthorization(Policies.EditLibrary).WithName("updateCategory")
            .WithSummary("Rename a category, move it to another section, or change its review interval or order.").ProducesProblem(404);
        categories.MapDelete("/{id:guid}", DeleteCategory).RequireAuthorization(Policies.EditLibrary).WithName("deleteCategory")
            .WithSummary("Delete an empty category.").ProducesProblem(404).ProducesProblem(409);
        categories.MapPost("/reorder", ReorderCategories).RequireAuthorization(Policies.EditLibrary).WithName("reorderCategories")
            .WithSummary("Set the order of one section's categories: ids in the new order.");
        return app;
    }

    private static async Task<Ok<List<SectionDetails>>> ListSections(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Sections.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Name)
            .Select(s => new SectionDetails(s.Id, s.Name, s.Order, s.Description)).ToListAsync(ct));

    private static async Task<Ok<List<CategoryDetails>>> ListCategories(AppDbContext db, Guid? sectionId, CancellationToken ct) =>
        TypedResults.Ok(await db.Categories.AsNoTracking().Where(c => sectionId == null || c.SectionId == sectionId)
            .OrderBy(c => c.Order).ThenBy(c => c.Name)
            .Select(c => new CategoryDetails(c.Id, c.SectionId, c.Name, c.Order, c.ReviewIntervalMonths)).ToListAsync(ct));

    private static async Task<Results<Created<SectionDetails>, ValidationProblem, ProblemHttpResult>> CreateSection(SectionRequest request,
        SectionEditor editor, CancellationToken ct) =>
        (await editor.SaveSectionAsync(null, request, ct)).ToResult(s => TypedResults.Created($"/api/v1/sections/{s.Id}", s), NotFound);

    private static async Task<Results<Ok<SectionDetails>, ValidationProblem, ProblemHttpResult>> UpdateSection(Guid id, SectionRequest request,
        SectionEditor editor, CancellationToken ct) =>
        (await editor.SaveSectionAsync(id, request, ct)).ToResult(TypedResults.Ok, NotFound);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteSection(Guid id, SectionEditor editor, CancellationToken ct) =>
        (await editor.DeleteSectionAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NotFound);

    private static async Task<Results<Created<CategoryDetails>, ValidationProblem, ProblemHttpResult>> CreateCategory(CategoryRequest request,
        SectionEditor editor, CancellationToken ct) =>
        (await editor.SaveCategoryAsync(null, request, ct)).ToResult(c => TypedResults.Created($"/api/v1/categories/{c.Id}", c), NotFound);

    private static async Task<Results<Ok<CategoryDetails>, ValidationProblem, ProblemHttpResult>> UpdateCategory(Guid id, CategoryRequest request,
        SectionEditor editor, CancellationToken ct) =>
        (await editor.SaveCategoryAsync(id, request, ct)).ToResult(TypedResults.Ok, NotFound);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteCategory(Guid id, SectionEditor editor, CancellationToken ct) =>
        (await editor.DeleteCategoryAsync(id, ct)).ToResult(_ => TypedResults.NoContent(), NotFound);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReorderSections(ReorderRequest request,
        SectionEditor editor, CancellationToken ct) =>
        (await editor.ReorderSectionsAsync(request.Ids ?? [], ct)).ToResult(_ => TypedResults.NoContent(), NotFound);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReorderCategories(ReorderRequest request,
        SectionEditor editor, CancellationToken ct) =>
        (await editor.ReorderCategoriesAsync(request.Ids ?? [], ct)).ToResult(_ => TypedResults.NoContent(), NotFound);

    private const string NotFound = "Not found.";
}
