using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Standards;

/// <summary>Creates, renames, reorders and deletes sections and categories.</summary>
public sealed class SectionEditor(AppDbContext db)
{
    public async Task<Outcome<SectionDetails>> SaveSectionAsync(Guid? id, SectionRequest r, CancellationToken ct)
    {
        var name = (r.Name ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length == 0) errors["name"] = ["Give the section a name."];
        else if (name.Length > 100) errors["name"] = ["Keep the name to 100 characters or fewer."];
        else if (await db.Sections.AnyAsync(s => s.Name == name && s.Id != id, ct)) errors["name"] = [$"A section named \"{name}\" already exists."];
        Infrastructure.SingleLine.Check(name, "name", errors);
        if ((r.Description ?? "").Length > 1000) errors["description"] = ["Keep the description to 1,000 characters or fewer."];
        if (r.Order is < 0 or > 10000) errors["order"] = ["The order is a number from 0 to 10,000."];
        if (errors.Count > 0) return Outcome<SectionDetails>.Invalid(errors);

        var section = id is null ? null : await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (id is not null && section is null) return Outcome<SectionDetails>.Missing($"There is no section with id '{id}'.");
        if (section is null)
        {
            section = new Section { Order = r.Order ?? (await db.Sections.MaxAsync(s => (int?)s.Order, ct) ?? 0) + 1 };
            db.Sections.Add(section);
        }
        else if (r.Order is { } order) section.Order = order;
        section.Name = name;
        section.Description = (r.Description ?? "").Trim();
        section.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return new(new SectionDetails(section.Id, section.Name, section.Order, section.Description));
    }

    public async Task<Outcome<CategoryDetails>> SaveCategoryAsync(Guid? id, CategoryRequest r, CancellationToken ct)
    {
        var name = (r.Name ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (r.SectionId is not { } sectionId || !await db.Sections.AnyAsync(s => s.Id == sectionId, ct)) errors["sectionId"] = ["Choose an existing section."];
        if (name.Length == 0) errors["name"] = ["Give the category a name."];
        else if (name.Length > 100) errors["name"] = ["Keep the name to 100 characters or fewer."];
        else if (r.SectionId is { } sid && await db.Categories.AnyAsync(c => c.SectionId == sid && c.Name == name && c.Id != id, ct))
            errors["name"] = [$"This section already has a category named \"{name}\"."];
        Infrastructure.SingleLine.Check(name, "name", errors);
        if (r.ReviewIntervalMonths is { } months && !StandardValidation.Intervals.Contains(months))
            errors["reviewIntervalMonths"] = ["The review interval is 1, 3, 6 or 12 months."];
        if (r.Order is < 0 or > 10000) errors["order"] = ["The order is a number from 0 to 10,000."];
        if (errors.Count > 0) return Outcome<CategoryDetails>.Invalid(errors);

        var category = id is null ? null : await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (id is not null && category is null) return Outcome<CategoryDetails>.Missing($"There is no category with id '{id}'.");
        if (category is null)
        {
            category = new Category
            {
                Order = r.Order ?? (await db.Categories.Where(c => c.SectionId == r.SectionId).MaxAsync(c => (int?)c.Order, ct) ?? 0) + 1
            };
            db.Categories.Add(category);
        }
        else if (r.Order is { } order) category.Order = order;
        category.SectionId = r.SectionId!.Value;
        category.Name = name;
        category.ReviewIntervalMonths = r.ReviewIntervalMonths ?? category.ReviewIntervalMonths;
        category.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return new(new CategoryDetails(category.Id, category.SectionId, category.Name, category.Order, category.ReviewIntervalMonths));
    }

    public async Task<Outcome<bool>> DeleteSectionAsync(Guid id, CancellationToken ct)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (section is null) return Outcome<bool>.Missing($"There is no section with id '{id}'.");
        if (await db.Categories.AnyAsync(c => c.SectionId == id, ct))
            return Outcome<bool>.Clash("Only an empty section can be deleted. Move or delete its categories first.");
        db.Sections.Remove(section);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> DeleteCategoryAsync(Guid id, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return Outcome<bool>.Missing($"There is no category with id '{id}'.");
        if (await db.Standards.AnyAsync(s => s.CategoryId == id, ct))
            return Outcome<bool>.Clash("Only an empty category can be deleted. Move its standards, or retire them and keep the category.");
        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> ReorderSectionsAsync(List<Guid> ids, CancellationToken ct)
    {
        var sections = await db.Sections.ToListAsync(ct);
        if (ids.Count != sections.Count || ids.Distinct().Count() != ids.Count || sections.Any(s => !ids.Contains(s.Id)))
            return Outcome<bool>.Invalid("ids", "List every section's id exactly once, in the new order.");
        foreach (var s in sections) { s.Order = ids.IndexOf(s.Id) + 1; }
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> ReorderCategoriesAsync(List<Guid> ids, CancellationToken ct)
    {
        var categories = await db.Categories.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var sectionIds = categories.Select(c => c.SectionId).Distinct().ToList();
        if (categories.Count != ids.Count || ids.Distinct().Count() != ids.Count || sectionIds.Count != 1
            || await db.Categories.CountAsync(c => c.SectionId == sectionIds[0], ct) != ids.Count)
            return Outcome<bool>.Invalid("ids", "List every category of one section exactly once, in the new order.");
        foreach (var c in categories) { c.Order = ids.IndexOf(c.Id) + 1; }
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
