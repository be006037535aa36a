using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Plumbline.Features.Practice;

/// <summary>One question as content/self-assessment/questions.yaml writes it.</summary>
public sealed class ShippedPracticeQuestion
{
    public string Key { get; set; } = "";
    public string Group { get; set; } = "";
    public string Text { get; set; } = "";
    public string Why { get; set; } = "";
}

public sealed class ShippedPracticeQuestions
{
    public List<ShippedPracticeQuestion> Questions { get; set; } = [];
}

/// <summary>
/// The shipped self-assessment questions (content/self-assessment/questions.yaml, copied beside the app). On start-up every
/// question whose key the database has not seen yet is added; questions already there are never touched, so a service
/// lead's rewording or retirement survives upgrades, and new shipped questions still arrive.
/// </summary>
public sealed class PracticeQuestionsFile(AppDbContext db, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment,
    ILogger<PracticeQuestionsFile> logger)
{
    public const string FileName = "questions.yaml";

    public string Path => ResolvePath(configuration["PracticeAssessment:QuestionsPath"], environment.ContentRootPath);

    public static string ResolvePath(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return System.IO.Path.GetFullPath(configured, contentRoot);
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "content", "self-assessment", FileName);
        return File.Exists(beside) ? beside
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, "..", "..", "content", "self-assessment", FileName));
    }

    public static List<ShippedPracticeQuestion> Load(string path)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return deserializer.Deserialize<ShippedPracticeQuestions>(File.ReadAllText(path))?.Questions ?? [];
    }

    /// <summary>Adds the shipped questions the database does not have yet; returns how many were added.</summary>
    public async Task<int> AddMissingAsync(CancellationToken ct)
    {
        if (!File.Exists(Path))
        {
            logger.LogWarning("The self-assessment questions file {Path} was not found; no questions were added", Path);
            return 0;
        }
        var shipped = Load(Path);
        var known = await db.PracticeQuestions.Select(q => q.Key).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var (s, index) in shipped.Select((s, i) => (s, i)))
        {
            if (known.Contains(s.Key)) continue;
            if (!PracticeRules.IsKey(s.Key) || !Infrastructure.ApiEnum.TryParse<PracticeQuestionGroup>(s.Group, out var group)
                || !PracticeRules.Lint(s.Text, s.Why).Ok)
            {
                logger.LogWarning("The shipped self-assessment question {Key} is not valid and was skipped", s.Key);
                continue;
            }
            db.PracticeQuestions.Add(new PracticeQuestion
            {
                Key = s.Key,
                Group = group,
                Text = s.Text.Trim(),
                Why = s.Why.Trim(),
                Order = (index + 1) * 10,
                CreatedAt = now,
                UpdatedAt = now,
            });
            known.Add(s.Key);
            added++;
        }
        if (added == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment added them first.
            db.ChangeTracker.Clear();
            return 0;
        }
        logger.LogInformation("Added {Count} self-assessment questions from {Path}", added, Path);
        return added;
    }
}
