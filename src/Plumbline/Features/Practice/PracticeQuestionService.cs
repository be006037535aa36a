using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Practice;

/// <summary>The self-assessment's questions: listed, added, reworded, regrouped, reordered and retired by the service lead.</summary>
public sealed class PracticeQuestionService(AppDbContext db, TimeProvider clock)
{
    public async Task<List<PracticeQuestionDetails>> QuestionsAsync(CancellationToken ct) =>
        (await db.PracticeQuestions.AsNoTracking().ToListAsync(ct))
            .OrderBy(q => q.Group).ThenBy(q => q.Order).ThenBy(q => q.Key, StringComparer.Ordinal).Select(ToDetails).ToList();

    public async Task<PracticeQuestionDetails?> QuestionAsync(string key, CancellationToken ct) =>
        await db.PracticeQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Key == key, ct) is { } q ? ToDetails(q) : null;

    private static PracticeQuestionDetails ToDetails(PracticeQuestion q) =>
        new(q.Id, q.Key, q.Group, q.Text, q.Why, q.Order, q.Active, q.CreatedAt, q.UpdatedAt,
            PracticeRules.Lint(q.Text, q.Why).Warnings.Select(w => w.Message).ToList());

    public async Task<Outcome<PracticeQuestionDetails>> CreateQuestionAsync(CreatePracticeQuestionRequest r, CancellationToken ct)
    {
        var errors = Check(r.Group, r.Text, r.Why, r.Order, out var group);
        var key = r.Key?.Trim();
        if (!string.IsNullOrEmpty(key))
        {
            if (!PracticeRules.IsKey(key))
                errors["key"] = [$"A key is 2 to {PracticeRules.KeyMax} lower-case letters and digits, in words joined by dashes (\"core-visits-onsite\")."];
            else if (await db.PracticeQuestions.AnyAsync(q => q.Key == key, ct))
                errors["key"] = [$"The key '{key}' is already used by another question. Choose another or leave it out."];
        }
        if (errors.Count > 0) return Outcome<PracticeQuestionDetails>.Invalid(errors);

        if (string.IsNullOrEmpty(key))
        {
            var stem = PracticeRules.KeyFrom(group, r.Text!.Trim());
            var taken = await db.PracticeQuestions.Where(q => q.Key.StartsWith(stem)).Select(q => q.Key).ToListAsync(ct);
            key = stem;
            for (var n = 2; taken.Contains(key); n++) key = $"{stem}-{n}";
        }
        var order = r.Order ?? ((await db.PracticeQuestions.Where(q => q.Group == group).MaxAsync(q => (int?)q.Order, ct)) ?? 0) + 10;
        var now = clock.GetUtcNow().UtcDateTime;
        var question = new PracticeQuestion
        {
            Key = key,
            Group = group,
            Text = r.Text!.Trim(),
            Why = r.Why!.Trim(),
            Order = order,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.PracticeQuestions.Add(question);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<PracticeQuestionDetails>.Clash($"A question with the key '{key}' was added at the same moment. Try again.");
        }
        return Outcome<PracticeQuestionDetails>.Ok(ToDetails(question));
    }

    /// <summary>Rewords, regroups, reorders, retires or brings back a question. Answers already given keep the text they were given to.</summary>
    public async Task<Outcome<PracticeQuestionDetails>> UpdateQuestionAsync(string key, UpdatePracticeQuestionRequest r, CancellationToken ct)
    {
        var question = await db.PracticeQuestions.FirstOrDefaultAsync(q => q.Key == key, ct);
        if (question is null) return Outcome<PracticeQuestionDetails>.Missing();
        var errors = Check(r.Group, r.Text, r.Why, r.Order, out var group);
        if (errors.Count > 0) return Outcome<PracticeQuestionDetails>.Invalid(errors);
        (question.Group, question.Text, question.Why) = (group, r.Text!.Trim(), r.Why!.Trim());
        if (r.Order is { } order) question.Order = order;
        if (r.Active is { } active) question.Active = active;
        question.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<PracticeQuestionDetails>.Ok(ToDetails(question));
    }

    private static Dictionary<string, string[]> Check(string? groupText, string? text, string? why, int? order, out PracticeQuestionGroup group)
    {
        var e = new Dictionary<string, string[]>();
        if (!ApiEnum.TryParse(groupText, out group))
            e["group"] = [$"Put the question in a group: {string.Join(", ", Enum.GetNames<PracticeQuestionGroup>())}."];
        var lint = PracticeRules.Lint(text, why);
        var textErrors = lint.Errors.Where(f => f.Rule != "why-we-ask-required").Select(f => f.Message).ToList();
        var t = (text ?? "").Trim();
        if (t.Length > PracticeRules.TextMax) textErrors.Add($"Keep the question to {PracticeRules.TextMax} characters or fewer (it has {t.Length}).");
        if (SingleLine.IsBroken(t)) textErrors.Add(SingleLine.Message);
        if (textErrors.Count > 0) e["text"] = [.. textErrors];
        var w = (why ?? "").Trim();
        if (w.Length == 0) e["why"] = [lint.Errors.First(f => f.Rule == "why-we-ask-required").Message];
        else if (w.Length > PracticeRules.WhyMax) e["why"] = [$"Keep why it matters to {PracticeRules.WhyMax:N0} characters or fewer (it has {w.Length:N0})."];
        if (order is < 0 or > 100_000) e["order"] = ["The order is a whole number from 0 to 100,000."];
        return e;
    }
}
