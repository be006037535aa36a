using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Practice;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Practice;

/// <summary>The self-assessment's questions: the shipped ones, their rules, and changes that keep earlier answers.</summary>
public abstract class PracticeQuestionsApiTests(PlumblineFactory factory) : PracticeAssessmentApiTestBase(factory)
{
    [Fact]
    public async Task The_shipped_questions_are_loaded_on_start_up()
    {
        var admin = await Factory.AdminAsync();

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
    public async Task Each_question_shows_the_answer_of_the_latest_earlier_assessment()
    {
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();

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
        await using var instance = Factory.NewInstance();
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
}

public sealed class PracticeQuestionsApiOnSqlite(SqliteFactory factory) : PracticeQuestionsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PracticeQuestionsApiOnPostgres(PostgresFactory factory) : PracticeQuestionsApiTests(factory), IClassFixture<PostgresFactory>;
