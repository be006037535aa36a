using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Practice;

namespace Plumbline.Features.Demo;

/// <summary>Three completed quarters of the practice self-assessment, answered by the demo service lead, with the score rising.</summary>
public sealed class DemoPracticeAssessment(AppDbContext db, PracticeQuestionsFile questionsFile, PracticeAssessmentService assessments,
    TimeProvider clock)
{
    private static readonly double[] YesShare = [0.55, 0.7, 0.85];

    public async Task SeedAsync(string leadUserId, CancellationToken ct)
    {
        await questionsFile.AddMissingAsync(ct);
        var keys = await db.PracticeQuestions.Where(q => q.Active).OrderBy(q => q.Order).Select(q => q.Key).ToListAsync(ct);
        if (keys.Count == 0) return;
        var actor = new Actor(leadUserId, "Sam Lead", new ClaimsPrincipal(new ClaimsIdentity()));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < YesShare.Length; i++)
        {
            var quarter = PracticeRules.QuarterOf(today.AddMonths(-3 * (YesShare.Length - i)));
            var yes = (int)Math.Round(keys.Count * YesShare[i]);
            // The same questions stay No longest: the ones at the end of the list improve last.
            var answers = keys.Select((key, n) => new PracticeAssessmentService.GivenAnswer(key, n < yes ? "Yes" : n == yes ? "NotSure" : "No",
                n < yes ? "" : "Discussed at the quarterly practice review; an owner and a date are set.")).ToList();
            await assessments.SaveAnswersAsync(quarter, answers, actor, ct);
            await assessments.CompleteAsync(quarter, actor, ct);
        }
    }
}
