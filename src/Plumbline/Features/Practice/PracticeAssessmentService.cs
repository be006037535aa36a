using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Practice;

/// <summary>The practice self-assessment: a quarter's answers and scores (the questions are kept by <see cref="PracticeQuestionService"/>).</summary>
public sealed class PracticeAssessmentService(AppDbContext db, TimeProvider clock)
{
    public string CurrentQuarter() => PracticeRules.QuarterOf(clock.GetUtcNow().UtcDateTime);

    private string QuarterField(string? text, out string? quarter)
    {
        PracticeRules.TryReadQuarter(text, CurrentQuarter(), out quarter, out var error);
        return error ?? "";
    }

    // ---- Reading ----

    public async Task<PracticeAssessmentList> ListAsync(CancellationToken ct)
    {
        var assessments = await db.PracticeAssessments.AsNoTracking().OrderByDescending(a => a.Quarter).ToListAsync(ct);
        var answers = (await db.PracticeAnswers.AsNoTracking()
                .Select(a => new { a.AssessmentId, a.QuestionId, a.QuestionGroup, a.Answer }).ToListAsync(ct))
            .ToLookup(a => a.AssessmentId);
        var active = await db.PracticeQuestions.AsNoTracking().Where(q => q.Active).Select(q => new { q.Id, q.Group }).ToListAsync(ct);
        var items = assessments.Select(a =>
        {
            var given = answers[a.Id].Select(x => (x.QuestionGroup, (PracticeAnswerChoice?)x.Answer)).ToList();
            if (a.Status != PracticeAssessmentStatus.Completed)
            {
                var answered = answers[a.Id].Select(x => x.QuestionId).ToHashSet();
                given.AddRange(active.Where(q => !answered.Contains(q.Id)).Select(q => (q.Group, (PracticeAnswerChoice?)null)));
            }
            var (overall, groups) = Scores(given);
            return new PracticeAssessmentSummary(a.Quarter, a.Status, a.StartedAt, a.StartedBy, a.CompletedAt, a.CompletedBy, overall, groups);
        }).ToList();
        return new PracticeAssessmentList(CurrentQuarter(), items);
    }

    public async Task<Outcome<PracticeAssessmentDetails>> GetAsync(string? quarterText, CancellationToken ct)
    {
        var error = QuarterField(quarterText, out var quarter);
        if (quarter is null) return Outcome<PracticeAssessmentDetails>.Invalid("quarter", error);
        return Outcome<PracticeAssessmentDetails>.Ok(await DetailsAsync(quarter, ct));
    }

    private async Task<PracticeAssessmentDetails> DetailsAsync(string quarter, CancellationToken ct)
    {
        var assessments = await db.PracticeAssessments.AsNoTracking().ToListAsync(ct);
        var assessment = assessments.FirstOrDefault(a => a.Quarter == quarter);
        var previous = assessments.Where(a => string.CompareOrdinal(a.Quarter, quarter) < 0).MaxBy(a => a.Quarter);
        var ids = new[] { assessment?.Id, previous?.Id }.OfType<Guid>().ToList();
        var answers = await db.PracticeAnswers.AsNoTracking().Where(a => ids.Contains(a.AssessmentId)).ToListAsync(ct);
        var mine = answers.Where(a => a.AssessmentId == assessment?.Id).ToDictionary(a => a.QuestionId);
        var before = answers.Where(a => a.AssessmentId == previous?.Id).ToDictionary(a => a.QuestionId);
        var completed = assessment?.Status == PracticeAssessmentStatus.Completed;
        var answeredIds = mine.Keys.ToList();
        var questions = await db.PracticeQuestions.AsNoTracking()
            .Where(q => (q.Active && !completed) || answeredIds.Contains(q.Id)).ToListAsync(ct);

        var items = questions
            .Select(q => (Question: q, Answer: mine.GetValueOrDefault(q.Id), Previous: before.GetValueOrDefault(q.Id)))
            .OrderBy(x => x.Answer?.QuestionGroup ?? x.Question.Group).ThenBy(x => x.Question.Order).ThenBy(x => x.Question.Key, StringComparer.Ordinal)
            .Select(x => new PracticeAssessmentItem(x.Question.Key, x.Answer?.QuestionGroup ?? x.Question.Group, x.Answer?.QuestionText ?? x.Question.Text,
                x.Question.Text, x.Question.Why, !x.Question.Active, x.Answer?.Answer, x.Answer?.Note ?? "", x.Answer?.AnsweredAt, x.Answer?.AnsweredBy,
                x.Previous?.Answer, x.Previous is { Note.Length: > 0 } p ? p.Note : null))
            .ToList();
        var (overall, groups) = Scores(items.Select(i => (i.Group, i.Answer)));
        return new PracticeAssessmentDetails(quarter, assessment?.Status ?? PracticeAssessmentStatus.NotStarted, assessment?.StartedAt,
            assessment?.StartedBy, assessment?.CompletedAt, assessment?.CompletedBy, overall, groups, previous?.Quarter, items);
    }

    private static (PracticeScore Overall, IReadOnlyList<PracticeGroupScore> Groups) Scores(
        IEnumerable<(PracticeQuestionGroup Group, PracticeAnswerChoice? Answer)> answers)
    {
        var list = answers.ToList();
        var groups = Enum.GetValues<PracticeQuestionGroup>().Select(g =>
        {
            var t = PracticeRules.Tally(list.Where(a => a.Group == g).Select(a => a.Answer));
            return new PracticeGroupScore(g, t.Score, t.Yes, t.No, t.NotSure, t.Unanswered);
        }).ToList();
        return (PracticeScore.Of(PracticeRules.Tally(list.Select(a => a.Answer))), groups);
    }

    // ---- Answering ----

    /// <summary>One answer given to one question of a quarter, as the API and the page send it.</summary>
    public sealed record GivenAnswer(string Key, string? Answer, string? Note);

    public Task<Outcome<PracticeAssessmentDetails>> AnswerAsync(string? quarterText, string key, AnswerPracticeQuestionRequest r, Actor actor,
        CancellationToken ct) => SaveAnswersAsync(quarterText, [new GivenAnswer(key, r.Answer, r.Note)], actor, ct, single: true);

    /// <summary>
    /// Saves answers to a quarter, starting its assessment on the first one. Every answer is checked before anything is saved,
    /// so a bad one leaves the quarter as it was. A completed quarter is closed until an admin reopens it.
    /// </summary>
    public async Task<Outcome<PracticeAssessmentDetails>> SaveAnswersAsync(string? quarterText, IReadOnlyList<GivenAnswer> given, Actor actor,
        CancellationToken ct, bool single = false)
    {
        var quarterError = QuarterField(quarterText, out var quarter);
        if (quarter is null) return Outcome<PracticeAssessmentDetails>.Invalid("quarter", quarterError);

        var keys = given.Select(g => g.Key).Distinct().ToList();
        var questions = await db.PracticeQuestions.Where(q => keys.Contains(q.Key)).ToDictionaryAsync(q => q.Key, ct);
        if (keys.FirstOrDefault(k => !questions.ContainsKey(k)) is { } unknown)
            return Outcome<PracticeAssessmentDetails>.Missing($"There is no self-assessment question with key '{unknown}'.");

        var errors = new Dictionary<string, string[]>();
        var parsed = new List<(PracticeQuestion Question, PracticeAnswerChoice Answer, string Note)>();
        foreach (var g in given)
        {
            var field = single ? "" : $"{g.Key}.";
            if (!ApiEnum.TryParse<PracticeAnswerChoice>(g.Answer, out var choice))
                errors[field + "answer"] =
                    [g.Answer is null or "" ? "Answer Yes, No or NotSure." : $"\"{g.Answer}\" is not an answer. Use Yes, No or NotSure."];
            var note = (g.Note ?? "").Trim();
            if (note.Length > PracticeRules.NoteMax)
                errors[field + "note"] = [$"Keep the note to {PracticeRules.NoteMax:N0} characters or fewer (it has {note.Length:N0})."];
            parsed.Add((questions[g.Key], choice, note));
        }
        if (errors.Count > 0) return Outcome<PracticeAssessmentDetails>.Invalid(errors);

        var existing = await db.PracticeAssessments.FirstOrDefaultAsync(a => a.Quarter == quarter, ct);
        if (existing?.Status == PracticeAssessmentStatus.Completed)
            return Outcome<PracticeAssessmentDetails>.Clash($"{quarter} is completed, so its answers are final. An admin can reopen it to change them.");
        var answered = existing is null ? [] : await db.PracticeAnswers.Where(a => a.AssessmentId == existing.Id).ToDictionaryAsync(a => a.QuestionId, ct);
        if (parsed.FirstOrDefault(p => !p.Question.Active && !answered.ContainsKey(p.Question.Id)) is { Question: { } retired })
            return Outcome<PracticeAssessmentDetails>.Clash($"The question '{retired.Key}' is retired, so it is no longer asked.");

        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = existing ?? await StartAsync(quarter, actor, now, ct);
        foreach (var (question, choice, note) in parsed)
        {
            if (answered.TryGetValue(question.Id, out var answer))
            {
                if (answer.Answer == choice && answer.Note == note) continue;
            }
            else
            {
                answer = new PracticeAnswer { AssessmentId = assessment.Id, QuestionId = question.Id };
                db.PracticeAnswers.Add(answer);
                answered[question.Id] = answer;
            }
            // Answering again takes the question as it reads now.
            (answer.QuestionText, answer.QuestionGroup, answer.Answer, answer.Note) = (question.Text, question.Group, choice, note);
            (answer.AnsweredAt, answer.AnsweredBy) = (now, actor.Name);
            assessment.UpdatedAt = now;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<PracticeAssessmentDetails>.Clash("Someone else saved an answer to this quarter at the same moment. Reload it and try again.");
        }
        return Outcome<PracticeAssessmentDetails>.Ok(await DetailsAsync(quarter, ct));
    }

    private async Task<PracticeAssessment> StartAsync(string quarter, Actor actor, DateTime now, CancellationToken ct)
    {
        var assessment = new PracticeAssessment { Quarter = quarter, StartedAt = now, StartedBy = actor.Name, UpdatedAt = now };
        db.PracticeAssessments.Add(assessment);
        try
        {
            await db.SaveChangesAsync(ct);
            return assessment;
        }
        catch (DbUpdateException)
        {
            // Started by someone else at the same moment: answer theirs.
            db.Entry(assessment).State = EntityState.Detached;
            return await db.PracticeAssessments.FirstAsync(a => a.Quarter == quarter, ct);
        }
    }

    // ---- Completing and reopening ----

    /// <summary>Completes a quarter once every question it asks has an answer (Not sure counts as an answer).</summary>
    public async Task<Outcome<PracticeAssessmentDetails>> CompleteAsync(string? quarterText, Actor actor, CancellationToken ct)
    {
        var quarterError = QuarterField(quarterText, out var quarter);
        if (quarter is null) return Outcome<PracticeAssessmentDetails>.Invalid("quarter", quarterError);
        var assessment = await db.PracticeAssessments.FirstOrDefaultAsync(a => a.Quarter == quarter, ct);
        if (assessment is null) return Outcome<PracticeAssessmentDetails>.Clash($"{quarter} has no answers yet. Answer its questions, then complete it.");
        if (assessment.Status == PracticeAssessmentStatus.Completed) return Outcome<PracticeAssessmentDetails>.Clash($"{quarter} is already completed.");
        var details = await DetailsAsync(quarter, ct);
        var open = details.Items.Where(i => i.Answer is null).ToList();
        if (open.Count > 0)
            return Outcome<PracticeAssessmentDetails>.Invalid("answers",
                $"Answer every question before completing {quarter}: {open.Count} {(open.Count == 1 ? "has" : "have")} no answer yet " +
                $"({string.Join(", ", open.Take(5).Select(i => i.Key))}{(open.Count > 5 ? ", ..." : "")}). Choose Not sure where you cannot tell.");
        var now = clock.GetUtcNow().UtcDateTime;
        (assessment.Status, assessment.CompletedAt, assessment.CompletedBy, assessment.UpdatedAt) =
            (PracticeAssessmentStatus.Completed, now, actor.Name, now);
        await db.SaveChangesAsync(ct);
        return Outcome<PracticeAssessmentDetails>.Ok(await DetailsAsync(quarter, ct));
    }

    /// <summary>Opens a completed quarter again so its answers can change (admins only, checked by the endpoint's policy).</summary>
    public async Task<Outcome<PracticeAssessmentDetails>> ReopenAsync(string? quarterText, CancellationToken ct)
    {
        var quarterError = QuarterField(quarterText, out var quarter);
        if (quarter is null) return Outcome<PracticeAssessmentDetails>.Invalid("quarter", quarterError);
        var assessment = await db.PracticeAssessments.FirstOrDefaultAsync(a => a.Quarter == quarter, ct);
        if (assessment?.Status != PracticeAssessmentStatus.Completed)
            return Outcome<PracticeAssessmentDetails>.Clash($"{quarter} is not completed, so there is nothing to reopen.");
        (assessment.Status, assessment.CompletedAt, assessment.CompletedBy, assessment.UpdatedAt) =
            (PracticeAssessmentStatus.InProgress, null, null, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return Outcome<PracticeAssessmentDetails>.Ok(await DetailsAsync(quarter, ct));
    }
}
