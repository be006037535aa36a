using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>
/// Many answer saves at the same moment, as when a team answers one review: every save succeeds and what is stored is what was
/// sent. Correctness only; how fast the saves are is measured by the concurrent-writers bench (docs/performance.md).
/// </summary>
public abstract class ConcurrentAnswerSaveTests(PlumblineFactory factory)
{
    private const int Writers = 20;

    private static string AnswerOf(int i) => (i % 3) switch { 0 => "Yes", 1 => "No", _ => "NotApplicable" };

    [Fact]
    public async Task Twenty_answers_to_different_questions_saved_at_once_all_succeed_and_are_all_stored()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync(Enumerable.Repeat("Medium", Writers).ToArray());
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids);
        var writers = await WritersAsync();

        var responses = await Task.WhenAll(writers.Select((w, i) =>
            w.PutAnswerAsync(review.Id, library[i].Id, AnswerOf(i), $"Writer {i} found this.")));

        foreach (var response in responses) await response.ExpectAsync(HttpStatusCode.OK);
        var stored = await admin.GetReviewAsync(review.Id);
        for (var i = 0; i < Writers; i++)
        {
            var item = stored.Items.Single(x => x.StandardId == library[i].Id);
            var before = review.Items.Single(x => x.StandardId == library[i].Id).Version;
            Assert.Equal((Enum.Parse<Answer>(AnswerOf(i)), $"Writer {i} found this.", before + 1), (item.Answer, item.Note, item.Version));
        }
        var (answered, status) = await CountAsync(review.Id);
        Assert.Equal((Writers, ReviewStatus.InProgress), (answered, status));
    }

    [Fact]
    public async Task Twenty_answers_to_one_question_saved_at_once_all_succeed_and_the_last_one_is_kept()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids);
        var writers = await WritersAsync();

        var responses = await Task.WhenAll(writers.Select((w, i) => w.PutAnswerAsync(review.Id, library[0].Id, "No", $"Writer {i} found this.")));

        var saved = new List<int>();
        foreach (var response in responses)
            saved.Add((await response.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt32());
        // Each save made its own version: none was lost unseen, and the stored answer is the one saved last.
        var first = review.Items.Single(x => x.StandardId == library[0].Id).Version;
        Assert.Equal(Enumerable.Range(first + 1, Writers), saved.Order());
        var item = (await admin.GetReviewAsync(review.Id)).Items.Single(x => x.StandardId == library[0].Id);
        Assert.Equal((Answer.No, first + Writers), (item.Answer, item.Version));
        Assert.Equal($"Writer {saved.IndexOf(first + Writers)} found this.", item.Note);
        Assert.Equal((1, ReviewStatus.InProgress), await CountAsync(review.Id));
    }

    [Fact]
    public async Task A_save_with_an_old_version_still_refuses_to_overwrite_a_newer_answer()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids);
        var loaded = review.Items.Single().Version;
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");

        var stale = await admin.PutAnswerAsync(review.Id, library[0].Id, "No", "Seen on the visit.", version: loaded);

        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var item = (await admin.GetReviewAsync(review.Id)).Items.Single();
        Assert.Equal((Answer.Yes, loaded + 1), (item.Answer, item.Version));
    }

    /// <summary>Twenty TAMs, each with a client of their own (separate connections to the app).</summary>
    private async Task<List<HttpClient>> WritersAsync()
    {
        var tam = await factory.UserAsync("Tam");
        var token = tam.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        return Enumerable.Range(0, Writers).Select(_ => factory.WithToken(token)).ToList();
    }

    private async Task<(int Answered, ReviewStatus Status)> CountAsync(Guid reviewId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId);
        return (review.AnsweredCount, review.Status);
    }
}

public sealed class ConcurrentAnswerSaveOnSqlite(SqliteFactory factory) : ConcurrentAnswerSaveTests(factory), IClassFixture<SqliteFactory>;

public sealed class ConcurrentAnswerSaveOnPostgres(PostgresFactory factory) : ConcurrentAnswerSaveTests(factory), IClassFixture<PostgresFactory>;
