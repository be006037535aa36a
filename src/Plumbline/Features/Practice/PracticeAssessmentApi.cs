using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Practice;

/// <summary>The practice self-assessment API (issue 12): quarters, answers, completion and the questions.</summary>
public static class PracticeAssessmentApi
{
    public static IServiceCollection AddPracticeAssessment(this IServiceCollection services)
    {
        services.AddScoped<PracticeAssessmentService>().AddScoped<PracticeQuestionService>().AddScoped<PracticeQuestionsFile>();
        // The shipped questions are added at start-up by the DatabaseInitializer, under the start-up lock (ADR-021).
        return services;
    }

    public static IEndpointRouteBuilder MapPracticeAssessmentApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/practice-assessments").WithTags("Practice self-assessment").RequireAuthorization(Policies.SignedIn);
        g.MapGet("/", List).WithName("listPracticeAssessments")
            .WithSummary("Every quarter that has been started, newest first, with its overall and per-group scores (Yes ÷ (Yes + No), Not sure left out).");
        // The questions have a root of their own: /practice-assessments/questions/{key} would be ambiguous with /{quarter}/complete.
        var q = app.MapGroup("/api/v1/practice-questions").WithTags("Practice self-assessment").RequireAuthorization(Policies.SignedIn);
        q.MapGet("/", Questions).WithName("listPracticeQuestions")
            .WithSummary("The self-assessment questions, active and retired, by group and order, with the question rules' warnings.");
        q.MapGet("/{key}", Question).WithName("getPracticeQuestion").WithSummary("One self-assessment question.").ProducesProblem(404);
        q.MapPost("/", CreateQuestion).RequireAuthorization(Policies.ManageSmartNumbers).WithName("createPracticeQuestion")
            .WithSummary("Add a yes/no question (Yes is the good answer). The key is made from the text when left out.")
            .ProducesProblem(403).ProducesProblem(409);
        q.MapPut("/{key}", UpdateQuestion).RequireAuthorization(Policies.ManageSmartNumbers).WithName("updatePracticeQuestion")
            .WithSummary("Reword, regroup, reorder, retire (active: false) or bring back a question. Answers already given keep the text they answered.")
            .ProducesProblem(403).ProducesProblem(404);
        g.MapGet("/{quarter}", Get).WithName("getPracticeAssessment")
            .WithSummary("A quarter (\"2026-Q4\") with every question it asks, its answers, the previous assessment's answers and the scores. " +
                "A quarter nobody has answered yet comes back with status NotStarted.")
            .ProducesProblem(400);
        g.MapPut("/{quarter}/answers/{questionKey}", Answer).RequireAuthorization(Policies.ManageSmartNumbers).WithName("answerPracticeQuestion")
            .WithSummary("Answer one question of a quarter (Yes, No or NotSure, with an optional note). The first answer starts the quarter's assessment.")
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        g.MapPost("/{quarter}/complete", Complete).RequireAuthorization(Policies.ManageSmartNumbers).WithName("completePracticeAssessment")
            .WithSummary("Complete a quarter once every question has an answer; its answers are then final until an admin reopens it.")
            .ProducesProblem(403).ProducesProblem(409);
        g.MapPost("/{quarter}/reopen", Reopen).RequireAuthorization(Policies.Admin).WithName("reopenPracticeAssessment")
            .WithSummary("Reopen a completed quarter so its answers can change (admins only).")
            .ProducesProblem(403).ProducesProblem(409);
        return app;
    }

    private static async Task<Ok<PracticeAssessmentList>> List(PracticeAssessmentService s, CancellationToken ct) => TypedResults.Ok(await s.ListAsync(ct));

    private static async Task<Results<Ok<PracticeAssessmentDetails>, ValidationProblem, ProblemHttpResult>> Get(string quarter,
        PracticeAssessmentService s, CancellationToken ct) => (await s.GetAsync(quarter, ct)).ToResult(TypedResults.Ok, "");

    private static async Task<Results<Ok<PracticeAssessmentDetails>, ValidationProblem, ProblemHttpResult>> Answer(string quarter, string questionKey,
        AnswerPracticeQuestionRequest r, PracticeAssessmentService s, ClaimsPrincipal user, CancellationToken ct) =>
        (await s.AnswerAsync(quarter, questionKey, r, Actor.Of(user), ct)).ToResult(TypedResults.Ok, MissingQuestion(questionKey));

    private static async Task<Results<Ok<PracticeAssessmentDetails>, ValidationProblem, ProblemHttpResult>> Complete(string quarter,
        PracticeAssessmentService s, ClaimsPrincipal user, CancellationToken ct) =>
        (await s.CompleteAsync(quarter, Actor.Of(user), ct)).ToResult(TypedResults.Ok, "");

    private static async Task<Results<Ok<PracticeAssessmentDetails>, ValidationProblem, ProblemHttpResult>> Reopen(string quarter,
        PracticeAssessmentService s, CancellationToken ct) => (await s.ReopenAsync(quarter, ct)).ToResult(TypedResults.Ok, "");

    private static async Task<Ok<List<PracticeQuestionDetails>>> Questions(PracticeQuestionService s, CancellationToken ct) =>
        TypedResults.Ok(await s.QuestionsAsync(ct));

    private static async Task<Results<Ok<PracticeQuestionDetails>, ProblemHttpResult>> Question(string key, PracticeQuestionService s,
        CancellationToken ct) => await s.QuestionAsync(key, ct) is { } q ? TypedResults.Ok(q) : ApiErrors.NotFound(MissingQuestion(key));

    private static async Task<Results<Created<PracticeQuestionDetails>, ValidationProblem, ProblemHttpResult>> CreateQuestion(
        CreatePracticeQuestionRequest r, PracticeQuestionService s, CancellationToken ct) =>
        (await s.CreateQuestionAsync(r, ct)).ToResult(q => TypedResults.Created($"/api/v1/practice-questions/{q.Key}", q), "");

    private static async Task<Results<Ok<PracticeQuestionDetails>, ValidationProblem, ProblemHttpResult>> UpdateQuestion(string key,
        UpdatePracticeQuestionRequest r, PracticeQuestionService s, CancellationToken ct) =>
        (await s.UpdateQuestionAsync(key, r, ct)).ToResult(TypedResults.Ok, MissingQuestion(key));

    private static string MissingQuestion(string key) => $"There is no self-assessment question with key '{key}'.";
}
