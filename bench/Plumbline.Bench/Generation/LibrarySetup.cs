using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Library;
using Plumbline.Features.Standards;

namespace Plumbline.Bench.Generation;

/// <summary>One active standard as the history needs it: where it sits, and from when each revision was current.</summary>
public sealed record LibraryStandard(Guid Id, string Code, string Title, Guid SectionId, Guid CategoryId, Priority Priority,
    IReadOnlyList<DateTime> RevisionDates)
{
    /// <summary>The revision a review created at <paramref name="at"/> pins (ReviewService.ItemsForAsync pins the current one).</summary>
    public int RevisionAt(DateTime at)
    {
        var revision = 1;
        for (var i = 1; i < RevisionDates.Count; i++) if (RevisionDates[i] <= at) revision = i + 1;
        return revision;
    }
}

/// <summary>The starter library through the app's own importer, then generated standards and later revisions up to the target count.</summary>
public static class LibrarySetup
{
    public static async Task<(List<LibraryStandard> Standards, int Starter)> CreateAsync(IServiceProvider services, int target, DateTime libraryDate,
        DateTime now, string editor, Random random, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<StarterLibrary>().ApplyAsync(ct);
        if (!report.Applied) throw new InvalidOperationException("The starter library was not applied.");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sections = await db.Sections.ToDictionaryAsync(s => s.Id, ct);
        // Library order, not Id order (version 7 Ids made in one millisecond are random): the same seed makes the same data.
        var categories = (await db.Categories.ToListAsync(ct)).OrderBy(c => sections[c.SectionId].Order).ThenBy(c => c.Order).ToList();
        var standards = (await db.Standards.Where(s => s.Status == StandardStatus.Active).ToListAsync(ct))
            .OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var starter = standards.Count;
        var revisions = await db.StandardRevisions.ToListAsync(ct);

        // The provider has used the library for years: date the starter content before the first review.
        foreach (var s in standards) { s.CreatedAt = libraryDate; s.UpdatedAt = libraryDate; s.InUse = true; }
        foreach (var r in revisions) r.CreatedAt = libraryDate;

        for (var n = 0; standards.Count < target; n++)
        {
            var category = categories[n % categories.Count];
            var topic = Words.GeneratedTopics[n / categories.Count % Words.GeneratedTopics.Length];
            var prefix = standards.Where(s => s.CategoryId == category.Id).Select(s => s.Code.Split('-')[0]).FirstOrDefault() ?? "GEN";
            var subject = category.Name.ToLowerInvariant();
            var standard = new Standard
            {
                Code = $"{prefix}-{901 + n / categories.Count}",
                CategoryId = category.Id,
                Title = Cap(string.Format(topic.Title, category.Name)),
                Question = string.Format(topic.Question, subject),
                WhyWeAsk = $"Problems with {subject} that nobody owns or watches are found by users, not by the MSP. This check keeps {subject} " +
                    "visible at every review.",
                HowToCheck = $"1. Open the client's documentation and RMM for {subject}.\n2. Compare what you find with the question.\n3. Answer Yes only " +
                    "when it holds everywhere.",
                Priority = (Priority)(random.Next(10) switch { < 3 => 0, < 8 => 1, _ => 2 }),
                Status = StandardStatus.Active,
                Tags = ["generated", prefix.ToLowerInvariant()],
                CreatedAt = libraryDate,
                UpdatedAt = libraryDate,
                InUse = true,
            };
            standard.Normalize();
            standards.Add(standard);
            db.Standards.Add(standard);
            db.StandardRevisions.Add(StandardRevision.Of(standard, libraryDate, "import"));
        }

        // About one standard in six was revised (a changed how-to-check is a new revision, LibraryService.ApplyEditAsync), some twice.
        var dates = standards.ToDictionary(s => s.Id, _ => new List<DateTime> { libraryDate });
        var span = (now.AddDays(-30) - libraryDate).TotalMinutes;
        foreach (var standard in standards.Where(_ => random.Next(6) == 0))
        {
            var times = random.Next(3) == 0 ? 2 : 1;
            var at = libraryDate.AddMinutes(random.NextDouble() * span / 2);
            for (var i = 0; i < times; i++, at = at.AddMinutes(random.NextDouble() * span / 2))
            {
                standard.HowToCheck += $"\n{standard.HowToCheck.Count(c => c == '\n') + 2}. Record in the ticket where you found the evidence (added in " +
                    $"revision {standard.Revision + 1}).";
                standard.Revision++;
                standard.UpdatedAt = at;
                standard.Version = Guid.NewGuid();
                db.StandardRevisions.Add(StandardRevision.Of(standard, at, editor));
                dates[standard.Id].Add(at);
            }
        }
        await db.SaveChangesAsync(ct);

        var order = categories.ToDictionary(c => c.Id, c => (Section: sections[c.SectionId], Category: c));
        var library = standards
            .OrderBy(s => order[s.CategoryId].Section.Order).ThenBy(s => order[s.CategoryId].Category.Order).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new LibraryStandard(s.Id, s.Code, s.Title, order[s.CategoryId].Section.Id, s.CategoryId, s.Priority, dates[s.Id]))
            .ToList();
        return (library, starter);
    }

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
