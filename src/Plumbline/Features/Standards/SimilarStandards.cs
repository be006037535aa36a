using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Standards;

/// <summary>The active standards closest to a question being written (the editor warns before a control is asked twice).</summary>
public sealed class SimilarStandards(AppDbContext db)
{
    /// <summary>Closer than this, a standard is worth showing beside the question; from SameControl on, it is called out.</summary>
    public const double ShowFrom = 0.3;

    public async Task<IReadOnlyList<SimilarStandard>> ClosestAsync(string? title, string? question, Guid? except, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question)) return [];
        // Every standard sets how rare a word is; only active ones are candidates, since only they are asked.
        var all = await db.Standards.AsNoTracking().Select(s => new { s.Id, s.Code, s.Title, s.Question, s.Status }).ToListAsync(ct);
        var index = new QuestionSimilarity(all.Select(s => QuestionSimilarity.TextOf(s.Title, s.Question)));
        return [.. index.Closest(QuestionSimilarity.TextOf(title ?? "", question),
                all.Where(s => s.Status == StandardStatus.Active).Select(s => (s.Id, s.Code, s.Title, s.Question)), 3, except)
            .Where(s => s.Score >= ShowFrom)];
    }
}
