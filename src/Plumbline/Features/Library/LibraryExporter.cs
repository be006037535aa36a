using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Library;

/// <summary>Reads the whole library into a <see cref="LibraryDocument"/>, in library order.</summary>
public sealed class LibraryExporter(AppDbContext db)
{
    public async Task<LibraryDocument> ExportAsync(CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Name).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Name).ToListAsync(ct);
        var all = await db.Standards.AsNoTracking().ToListAsync(ct);
        var codes = all.ToDictionary(s => s.Id, s => s.Code);
        var standards = all.OrderBy(s => s.Code, StringComparer.Ordinal).ToLookup(s => s.CategoryId);
        return new LibraryDocument
        {
            Sections = sections.Select(s => new LibrarySection
            {
                Name = s.Name,
                Order = s.Order,
                Description = s.Description,
                Categories = categories.Where(c => c.SectionId == s.Id).Select(c => new LibraryCategory
                {
                    Name = c.Name,
                    Order = c.Order,
                    ReviewIntervalMonths = c.ReviewIntervalMonths,
                    Standards = standards[c.Id].Select(x => new LibraryStandard
                    {
                        Code = x.Code,
                        Title = x.Title,
                        Question = x.Question,
                        WhyWeAsk = x.WhyWeAsk,
                        HowToCheck = x.HowToCheck,
                        References = x.References.Select(r => new ReferenceDto(r.Authority, r.Citation, r.Url)).ToList(),
                        Priority = x.Priority.ToString(),
                        ReviewIntervalMonths = x.ReviewIntervalMonths,
                        Kind = x.Kind.ToString(),
                        Tags = x.Tags,
                        Status = x.Status.ToString(),
                        // Links travel by code, so a file carries them to another instance whose ids differ.
                        Related = x.RelatedStandardIds.Where(codes.ContainsKey).Select(id => codes[id]).Order(StringComparer.Ordinal).ToList(),
                        ReplacedBy = x.ReplacedByStandardId is { } by ? codes.GetValueOrDefault(by) : null,
                        AssetKind = x.AssetKind?.ToString(),
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }
}
