using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Practice;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Practice;

/// <summary>
/// The practice self-assessment API. Quarters and questions are practice-wide, so each test works in quarters of its own (years
/// long past, which no other test uses) and answers whatever questions the quarter lists, since another test may have added one.
/// </summary>
public abstract class PracticeAssessmentApiTests(PlumblineFactory factory)
{
    private const string Api = "/api/v1/practice-assessments", Questions = "/api/v1/practice-questions";

    private static readonly List<ShippedPracticeQuestion> Shipped =
        PracticeQuestionsFile.Load(Path.Combine(Repository.Root, "content", "self-assessment", PracticeQuestionsFile.FileName));

    [Fact]
    public async Task The_shipped_questions_are_loaded_on_start_up()
    {
        var admin = await factory.AdminAsync();

        var questions = (await (await admin.GetAsync($"{Questions}")).ReadJsonAsync()).EnumerateArray().ToList();

        foreach (var s in Shipped)
        {
            var q = questions.Single(x => x.GetProperty("key").GetString() == s.Key);
            Assert.Equal((s.Group, s.Text, s.Why, true), (q.GetProperty("group").GetString(), q.GetProperty("text").GetString(),
                q.GetProperty("why").GetString(), q.GetProperty("active").GetBoolean()));
            Assert.Empty(q.GetProperty("warnings").EnumerateArray());
        }
        var one = await (await admin.GetAsync($"{Questions}/{Shipped[0].Key}")).ReadJsonAsync();
        Assert.Equal(Shipped[0].Text, one.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_quarter_nobody_answered_lists_every_active_question_and_has_no_score()
    {
        var admin = await factory.AdminAsync();

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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var lead = await factory.SignedInAsAsync("ServiceLead", "Sam Lead");

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
        var admin = await factory.AdminAsync();
        await Answer(admin, "2003-Q2", Shipped[0].Key, "Yes");
        var tam = await factory.SignedInAsAsync("Tam");

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
        await (await factory.CreateClient().GetAsync(Api)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("2026-4")]
    [InlineData("1999-Q1")]
    [InlineData("2100-Q1")]
    public async Task A_bad_or_future_quarter_is_a_validation_problem(string quarter)
    {
        var admin = await factory.AdminAsync();

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
        var admin = await factory.AdminAsync();
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

    [Fact]
    public async Task Each_question_shows_the_answer_of_the_latest_earlier_assessment()
    {
        var admin = await factory.AdminAsync();
        var key = Shipped[^1].Key;
        await Answer(admin, "2004-Q1", key, "No", "Nobody looked at the numbers.");

        var next = await Answer(admin, "2004-Q2", Shipped[0].Key, "Yes");

        Assert.Equal("2004-Q1", next.GetProperty("previousQuarter").GetString());
        var item = Items(next).Single(i => i.GetProperty("key").GetString() == key);
        Assert.Equal(("No", "Nobody looked at the numbers."), (item.GetProperty("previousAnswer").GetString(), item.GetProperty("previousNote").GetString()));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("answer").ValueKind);
        var unanswered = Items(next).Single(i => i.GetProperty("key").GetString() == Shipped[0].Key);
        Assert.Equal(JsonValueKind.Null, unanswered.GetProperty("previousAnswer").ValueKind);
    }

    [Fact]
    public async Task Rewording_or_retiring_a_question_keeps_the_answers_already_given()
    {
        var admin = await factory.AdminAsync();
        var key = $"essence-reword-{Guid.NewGuid():N}"[..40];
        const string before = "Did every TAM spend at least one visit day this quarter with the service desk?";
        const string after = "Did every TAM spend at least two visit days this quarter with the service desk?";
        var created = await admin.PostAsJsonAsync($"{Questions}", new { group = "Essence", text = before, why = "Shared days spread knowledge.", key });
        await created.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{Questions}/{key}", created.Headers.Location?.OriginalString);
        await AnswerAll(admin, "2005-Q1", "Yes");
        await (await admin.PostAsync($"{Api}/2005-Q1/complete", null)).ReadJsonAsync();

        var edited = await (await admin.PutAsJsonAsync($"{Questions}/{key}",
            new { group = "Essence", text = after, why = "Shared days spread knowledge." })).ReadJsonAsync();
        Assert.Equal((after, true), (edited.GetProperty("text").GetString(), edited.GetProperty("active").GetBoolean()));

        var old = Items(await (await admin.GetAsync($"{Api}/2005-Q1")).ReadJsonAsync()).Single(i => i.GetProperty("key").GetString() == key);
        Assert.Equal((before, after, "Yes"), (old.GetProperty("questionText").GetString(), old.GetProperty("currentText").GetString(),
            old.GetProperty("answer").GetString()));
        var fresh = Items(await (await admin.GetAsync($"{Api}/2005-Q2")).ReadJsonAsync()).Single(i => i.GetProperty("key").GetString() == key);
        Assert.Equal(after, fresh.GetProperty("questionText").GetString());

        await (await admin.PutAsJsonAsync($"{Questions}/{key}", new { group = "Essence", text = after, why = "Shared days spread knowledge.", active = false }))
            .ReadJsonAsync();
        Assert.DoesNotContain(Items(await (await admin.GetAsync($"{Api}/2005-Q2")).ReadJsonAsync()), i => i.GetProperty("key").GetString() == key);
        var kept = Items(await (await admin.GetAsync($"{Api}/2005-Q1")).ReadJsonAsync()).Single(i => i.GetProperty("key").GetString() == key);
        Assert.Equal((before, true), (kept.GetProperty("questionText").GetString(), kept.GetProperty("retired").GetBoolean()));
        await (await admin.PutAsJsonAsync($"{Api}/2005-Q2/answers/{key}", new { answer = "Yes" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_question_must_follow_the_question_rules()
    {
        var admin = await factory.AdminAsync();

        var open = await (await admin.PostAsJsonAsync($"{Questions}", new { group = "Core", text = "How often do TAMs visit?", why = "Visits matter." }))
            .ValidationProblemAsync("text");
        Assert.Contains("cannot be answered Yes or No", open.GetProperty("errors").GetProperty("text")[0].GetString());
        await (await admin.PostAsJsonAsync($"{Questions}", new { group = "Core", text = "Are reviews not late?", why = "Late reviews hide risk." }))
            .ValidationProblemAsync("text");
        await (await admin.PostAsJsonAsync($"{Questions}", new { group = "Core", text = "Are all reviews on time?", why = " " })).ValidationProblemAsync("why");
        await (await admin.PostAsJsonAsync($"{Questions}", new { group = "Money", text = "Are all reviews on time?", why = "Late reviews hide risk." }))
            .ValidationProblemAsync("group");
        await (await admin.PostAsJsonAsync($"{Questions}", new
        {
            group = "Core",
            text = "Are all reviews on time?",
            why = "Late reviews hide risk.",
            key = Shipped[0].Key
        })).ValidationProblemAsync("key");
        await (await admin.PostAsJsonAsync($"{Questions}", new
        {
            group = "Core",
            text = "Are all reviews on time?",
            why = "Late reviews hide risk.",
            key = "Not A Key"
        })).ValidationProblemAsync("key");
        await (await admin.PutAsJsonAsync($"{Questions}/no-such-question", new { group = "Core", text = "Are all reviews on time?", why = "Late." }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Questions}/no-such-question")).ProblemAsync(HttpStatusCode.NotFound);

        var text = $"Are all reviews of quarter {Guid.NewGuid().ToString("N")[..6]} on time, done regularly?";
        var vague = await (await admin.PostAsJsonAsync($"{Questions}", new { group = "Core", text, why = "Late reviews hide risk." }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("core-are-all-reviews-of-quarter-", vague.GetProperty("key").GetString());
        Assert.Contains("regularly", vague.GetProperty("warnings")[0].GetString());
        await (await admin.PutAsJsonAsync($"{Questions}/{vague.GetProperty("key").GetString()}",
            new { group = "Core", text, why = "Late reviews hide risk.", active = false })).ReadJsonAsync();
    }

    [Fact]
    public async Task Restarting_adds_only_the_shipped_questions_the_database_lacks_and_keeps_edits()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var key = Shipped[0].Key;
        const string reworded = "Is the practice's RHEM for the last full quarter lower than for the quarter before it?";
        await (await admin.PutAsJsonAsync($"{Questions}/{key}", new { group = "Results", text = reworded, why = Shipped[0].Why })).ReadJsonAsync();

        using var scope = instance.Services.CreateScope();
        var added = await scope.ServiceProvider.GetRequiredService<PracticeQuestionsFile>().AddMissingAsync(CancellationToken.None);

        Assert.Equal(0, added);
        var questions = (await (await admin.GetAsync($"{Questions}")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(Shipped.Count, questions.Count);
        Assert.Equal(reworded, questions.Single(q => q.GetProperty("key").GetString() == key).GetProperty("text").GetString());
    }

    private static List<JsonElement> Items(JsonElement quarter) => quarter.GetProperty("items").EnumerateArray().ToList();

    private static async Task<JsonElement> Answer(HttpClient client, string quarter, string key, string answer, string? note = null) =>
        await (await client.PutAsJsonAsync($"{Api}/{quarter}/answers/{key}", new { answer, note })).ReadJsonAsync();

    /// <summary>Answers every question the quarter asks (whatever other tests added); returns how many.</summary>
    private static async Task<int> AnswerAll(HttpClient client, string quarter, string answer)
    {
        var items = Items(await (await client.GetAsync($"{Api}/{quarter}")).ReadJsonAsync());
        foreach (var item in items) await Answer(client, quarter, item.GetProperty("key").GetString()!, answer);
        return items.Count;
    }
}

public sealed class PracticeAssessmentApiOnSqlite(SqliteFactory factory) : PracticeAssessmentApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PracticeAssessmentApiOnPostgres(PostgresFactory factory) : PracticeAssessmentApiTests(factory), IClassFixture<PostgresFactory>;
