using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Practice;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Practice;

/// <summary>Answering a quarter's self-assessment: the score, completing and reopening, roles and bad input.</summary>
public abstract class PracticeAssessmentApiTests(PlumblineFactory factory) : PracticeAssessmentApiTestBase(factory)
{
    [Fact]
    public async Task A_quarter_nobody_answered_lists_every_active_question_and_has_no_score()
    {
        var admin = await Factory.AdminAsync();

        var quarter = await (await admin.GetAsync($"{Api}/2000-Q2")).ReadJsonAsync();

        Assert.Equal("NotStarted", quarter.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, quarter.GetProperty("overall").GetProperty("score").ValueKind);
        var keys = Items(quarter).Select(i => i.GetProperty("key").GetString()!).ToList();
        Assert.Superset(Shipped.Select(s => s.Key).ToHashSet(), keys.ToHashSet());
        Assert.Equal(keys.Count, quarter.GetProperty("overall").GetProperty("unanswered").GetInt32());
        Assert.Equal(["Results", "Essence", "Core"], quarter.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.DoesNotContain((await (await admin.GetAsync(Api)).ReadJsonAsync()).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("quarter").GetString() == "2000-Q2");
    }

    [Fact]
    public async Task The_first_answer_starts_the_quarter_and_the_score_leaves_not_sure_out()
    {
        var admin = await Factory.AdminAsync();
        var results = Shipped.Where(s => s.Group == "Results").Select(s => s.Key).ToList();

        await Answer(admin, "2001-Q1", results[0], "Yes");
        await Answer(admin, "2001-Q1", results[1], "No");
        var quarter = await Answer(admin, "2001-Q1", results[2], "NotSure", "We do not measure this yet.");

        Assert.Equal("InProgress", quarter.GetProperty("status").GetString());
        Assert.Equal("Alex Admin", quarter.GetProperty("startedBy").GetString());
        var overall = quarter.GetProperty("overall");
        Assert.Equal((50.0m, 1, 1, 1), (overall.GetProperty("score").GetDecimal(), overall.GetProperty("yes").GetInt32(), overall.GetProperty("no").GetInt32(),
            overall.GetProperty("notSure").GetInt32()));
        Assert.Equal(Items(quarter).Count - 3, overall.GetProperty("unanswered").GetInt32());
        var groups = quarter.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal(50.0m, groups["Results"].GetProperty("score").GetDecimal());
        Assert.Equal(JsonValueKind.Null, groups["Core"].GetProperty("score").ValueKind);
        var unsure = Items(quarter).Single(i => i.GetProperty("key").GetString() == results[2]);
        Assert.Equal(("NotSure", "We do not measure this yet.", "Alex Admin"), (unsure.GetProperty("answer").GetString(),
            unsure.GetProperty("note").GetString(),
            unsure.GetProperty("answeredBy").GetString()));

        var listed = (await (await admin.GetAsync(Api)).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("quarter").GetString() == "2001-Q1");
        Assert.Equal((50.0m, "InProgress"), (listed.GetProperty("overall").GetProperty("score").GetDecimal(), listed.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Completing_needs_every_answer_then_the_answers_are_final_until_an_admin_reopens_the_quarter()
    {
        var admin = await Factory.AdminAsync();
        var first = Shipped[0].Key;
        await Answer(admin, "2002-Q1", first, "Yes");

        var early = await (await admin.PostAsync($"{Api}/2002-Q1/complete", null)).ValidationProblemAsync("answers");
        Assert.Contains("no answer yet", early.GetProperty("errors").GetProperty("answers")[0].GetString());

        var answered = await AnswerAll(admin, "2002-Q1", "Yes");
        await Answer(admin, "2002-Q1", first, "No");
        var completed = await (await admin.PostAsync($"{Api}/2002-Q1/complete", null)).ReadJsonAsync();
        Assert.Equal(("Completed", "Alex Admin"), (completed.GetProperty("status").GetString(), completed.GetProperty("completedBy").GetString()));
        var overall = completed.GetProperty("overall");
        Assert.Equal((answered - 1, 1, 0),
            (overall.GetProperty("yes").GetInt32(), overall.GetProperty("no").GetInt32(), overall.GetProperty("unanswered").GetInt32()));
        Assert.Equal(Math.Round(100m * (answered - 1) / answered, 1, MidpointRounding.AwayFromZero), overall.GetProperty("score").GetDecimal());

        var late = await (await admin.PutAsJsonAsync($"{Api}/2002-Q1/answers/{first}", new { answer = "Yes" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("reopen", late.GetProperty("detail").GetString());
        await (await admin.PostAsync($"{Api}/2002-Q1/complete", null)).ProblemAsync(HttpStatusCode.Conflict);

        var reopened = await (await admin.PostAsync($"{Api}/2002-Q1/reopen", null)).ReadJsonAsync();
        Assert.Equal("InProgress", reopened.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("completedAt").ValueKind);
        var changed = await Answer(admin, "2002-Q1", first, "Yes");
        Assert.Equal(100.0m, changed.GetProperty("overall").GetProperty("score").GetDecimal());
        await (await admin.PostAsync($"{Api}/2002-Q1/complete", null)).ReadJsonAsync();
        await (await admin.PostAsync($"{Api}/2002-Q3/reopen", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"{Api}/2002-Q3/complete", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_service_lead_answers_and_completes_but_only_an_admin_reopens()
    {
        var lead = await Factory.SignedInAsAsync("ServiceLead", "Sam Lead");

        await AnswerAll(lead, "2003-Q1", "NotSure");
        var completed = await (await lead.PostAsync($"{Api}/2003-Q1/complete", null)).ReadJsonAsync();

        Assert.Equal(("Completed", "Sam Lead"), (completed.GetProperty("status").GetString(), completed.GetProperty("completedBy").GetString()));
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("overall").GetProperty("score").ValueKind);
        await (await lead.PostAsync($"{Api}/2003-Q1/reopen", null)).ProblemAsync(HttpStatusCode.Forbidden);
        var question = await (await lead.PostAsJsonAsync($"{Questions}", new
        {
            group = "Core",
            text = "Did the service lead read this quarter's RHEM report within 7 days of the quarter's end?",
            why = "A report read late steers nothing.",
            key = $"core-lead-{Guid.NewGuid():N}"[..30],
        })).ReadJsonAsync(HttpStatusCode.Created);
        await (await lead.PutAsJsonAsync($"{Questions}/{question.GetProperty("key").GetString()}", new
        {
            group = "Core",
            text = question.GetProperty("text").GetString(),
            why = "Reports read late steer nothing.",
            active = false,
        })).ReadJsonAsync();
    }

    [Fact]
    public async Task A_tam_reads_the_self_assessment_but_cannot_change_it()
    {
        var admin = await Factory.AdminAsync();
        await Answer(admin, "2003-Q2", Shipped[0].Key, "Yes");
        var tam = await Factory.SignedInAsAsync("Tam");

        await (await tam.GetAsync(Api)).ReadJsonAsync();
        await (await tam.GetAsync($"{Api}/2003-Q2")).ReadJsonAsync();
        await (await tam.GetAsync($"{Questions}")).ReadJsonAsync();
        await (await tam.PutAsJsonAsync($"{Api}/2003-Q2/answers/{Shipped[0].Key}", new { answer = "No" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsync($"{Api}/2003-Q2/complete", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsync($"{Api}/2003-Q2/reopen", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsJsonAsync($"{Questions}", new { group = "Core", text = "Is this allowed?", why = "It is not." }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PutAsJsonAsync($"{Questions}/{Shipped[0].Key}", new { group = "Core", text = "Is this allowed?", why = "It is not." }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        var unchanged = await (await admin.GetAsync($"{Api}/2003-Q2")).ReadJsonAsync();
        Assert.Equal("Yes", Items(unchanged).Single(i => i.GetProperty("key").GetString() == Shipped[0].Key).GetProperty("answer").GetString());
        await (await Factory.CreateClient().GetAsync(Api)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-4")]
    [InlineData("1999-Q1")]
    [InlineData("2100-Q1")]
    public async Task A_bad_or_future_quarter_is_a_validation_problem(string quarter)
    {
        var admin = await Factory.AdminAsync();

        var get = await (await admin.GetAsync($"{Api}/{quarter}")).ValidationProblemAsync("quarter");
        await (await admin.PutAsJsonAsync($"{Api}/{quarter}/answers/{Shipped[0].Key}", new { answer = "Yes" })).ValidationProblemAsync("quarter");
        await (await admin.PostAsync($"{Api}/{quarter}/complete", null)).ValidationProblemAsync("quarter");
        await (await admin.PostAsync($"{Api}/{quarter}/reopen", null)).ValidationProblemAsync("quarter");

        var message = get.GetProperty("errors").GetProperty("quarter")[0].GetString();
        Assert.Contains(quarter == "2100-Q1" ? "has not started yet" : "is not a quarter", message);
    }

    [Fact]
    public async Task A_bad_answer_or_note_is_a_validation_problem_and_saves_nothing()
    {
        var admin = await Factory.AdminAsync();
        var url = $"{Api}/2003-Q3/answers/{Shipped[0].Key}";

        var maybe = await (await admin.PutAsJsonAsync(url, new { answer = "Maybe" })).ValidationProblemAsync("answer");
        Assert.Equal("\"Maybe\" is not an answer. Use Yes, No or NotSure.", maybe.GetProperty("errors").GetProperty("answer")[0].GetString());
        await (await admin.PutAsJsonAsync(url, new { note = "Only a note" })).ValidationProblemAsync("answer");
        await (await admin.PutAsJsonAsync(url, new { answer = "Yes", note = new string('n', 1001) })).ValidationProblemAsync("note");
        await (await admin.PutAsJsonAsync($"{Api}/2003-Q3/answers/no-such-question", new { answer = "Yes" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutRawAsync(url, "{\"answer\": 1}")).ProblemAsync(HttpStatusCode.BadRequest);

        var quarter = await (await admin.GetAsync($"{Api}/2003-Q3")).ReadJsonAsync();
        Assert.Equal("NotStarted", quarter.GetProperty("status").GetString());
    }
}

public sealed class PracticeAssessmentApiOnSqlite(SqliteFactory factory) : PracticeAssessmentApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PracticeAssessmentApiOnPostgres(PostgresFactory factory) : PracticeAssessmentApiTests(factory), IClassFixture<PostgresFactory>;
