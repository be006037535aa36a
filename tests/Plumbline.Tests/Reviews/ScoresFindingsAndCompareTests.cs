using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>The score endpoint, findings that live across reviews, and the comparison of two reviews.</summary>
public abstract class ScoresFindingsAndCompareTests(PlumblineFactory factory)
{
    private static readonly DateOnly Visit = ReviewData.VisitDay;

    private static async Task<Paged<FindingDetails>> FindingsAsync(HttpClient api, Guid clientId, string? status = null) =>
        await (await api.GetAsync($"/api/v1/clients/{clientId}/findings{(status is null ? "" : $"?status={status}")}")).ReadAsync<Paged<FindingDetails>>();

    [Fact]
    public async Task The_score_is_provisional_until_the_vcio_rates_and_then_exact()
    {
        var admin = await factory.AdminAsync();
        var first = await admin.CreateLibraryAsync("High", "Medium", "Low", "Medium", "Low");
        var second = await admin.CreateLibraryAsync("High");
        var (high, medium, low, na, open) = (first[0].Id, first[1].Id, first[2].Id, first[3].Id, first[4].Id);
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [.. first.Ids, second[0].Id], Visit);
        await admin.AnswerAsync(review.Id, high, "Yes");
        await admin.AnswerAsync(review.Id, medium, "No");
        await admin.AnswerAsync(review.Id, low, "No");
        await admin.AnswerAsync(review.Id, na, "NotApplicable");
        await admin.AnswerAsync(review.Id, second[0].Id, "No");
        await admin.SubmitAsync(review.Id);

        var provisional = await admin.ScoreAsync(review.Id);
        await admin.RateAsync(review.Id, medium, "Marginal");
        await admin.RateAsync(review.Id, low, "HighlyVulnerable");
        var stillProvisional = await admin.ScoreAsync(review.Id);
        await admin.RateAsync(review.Id, second[0].Id, "Aligned");
        var final = await admin.ScoreAsync(review.Id);

        Assert.Equal((35.7m, true, 83.3m), (provisional.Score, provisional.Provisional, provisional.Completion)); // 5 / 14; 5 of 6 answered
        Assert.Equal((46.4m, true), (stillProvisional.Score, stillProvisional.Provisional)); // 6.5 / 14
        Assert.Equal((82.1m, false, 83.3m), (final.Score, final.Provisional, final.Completion)); // 11.5 / 14
        Assert.Equal([(first.Section.Id, (decimal?)72.2m), (second.Section.Id, 100.0m)], final.BySection.Select(s => (s.SectionId, s.Score)));
        Assert.Equal([(first.Category.Id, (decimal?)72.2m), (second.Category.Id, 100.0m)], final.ByCategory.Select(c => (c.CategoryId, c.Score)));
        Assert.Equal(first.Section.Name, final.BySection[0].Name);
        var lines = final.Breakdown.ToDictionary(l => l.StandardId);
        Assert.Equal(6, lines.Count);
        Assert.Equal((5, (decimal?)1m, (Answer?)Answer.Yes, (Rating?)Rating.Aligned),
            (lines[high].Weight, lines[high].Value, lines[high].Answer, lines[high].Rating));
        Assert.Equal((3, (decimal?)0.5m, (Answer?)Answer.No, (Rating?)Rating.Marginal),
            (lines[medium].Weight, lines[medium].Value, lines[medium].Answer, lines[medium].Rating));
        Assert.Equal((1, (decimal?)0m, (Rating?)Rating.HighlyVulnerable), (lines[low].Weight, lines[low].Value, lines[low].Rating));
        Assert.Equal((3, (decimal?)null, (Answer?)Answer.NotApplicable), (lines[na].Weight, lines[na].Value, lines[na].Answer));
        Assert.Equal((1, (decimal?)null, (Answer?)null), (lines[open].Weight, lines[open].Value, lines[open].Answer));
        Assert.Equal((5, (decimal?)1m), (lines[second[0].Id].Weight, lines[second[0].Id].Value));
        Assert.Equal(first[0].Code, lines[high].Code);
    }

    [Fact]
    public async Task The_score_is_written_with_one_decimal_and_the_breakdown_shape_of_the_api()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, Visit);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(review.Id, library[1].Id, "No");

        var body = await (await admin.GetAsync($"/api/v1/reviews/{review.Id}/score")).ReadJsonAsync();

        Assert.Equal(62.5m, body.GetProperty("score").GetDecimal());
        Assert.True(body.GetProperty("provisional").GetBoolean());
        Assert.Equal(100m, body.GetProperty("completion").GetDecimal());
        foreach (var field in new[] { "sectionId", "score" }) Assert.True(body.GetProperty("bySection")[0].TryGetProperty(field, out _));
        foreach (var field in new[] { "categoryId", "score" }) Assert.True(body.GetProperty("byCategory")[0].TryGetProperty(field, out _));
        foreach (var field in new[] { "standardId", "weight", "value" }) Assert.True(body.GetProperty("breakdown")[0].TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unanswered_review_has_no_score()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, Visit);

        var score = await admin.ScoreAsync(review.Id);

        Assert.Equal(((decimal?)null, false, 0m), (score.Score, score.Provisional, score.Completion));
    }

    [Fact]
    public async Task A_review_keeps_its_items_and_score_when_the_library_moves_or_deletes_their_category()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, Visit);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(review.Id, library[1].Id, "No");
        var elsewhere = await admin.CreateSectionAsync();
        var newHome = await admin.CreateCategoryAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/categories/{library.Category.Id}", new { sectionId = elsewhere.Id, name = library.Category.Name }))
            .ExpectAsync(HttpStatusCode.OK);
        var afterMove = await admin.ScoreAsync(review.Id);
        foreach (var standard in library.Standards)
            await (await admin.PutAsJsonAsync($"/api/v1/standards/{standard.Id}",
                new NewStandard(newHome.Id) { Code = standard.Code, Priority = standard.Priority.ToString() })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.DeleteAsync($"/api/v1/categories/{library.Category.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        var afterDelete = await admin.ScoreAsync(review.Id);
        var read = await admin.GetReviewAsync(review.Id);

        Assert.Equal((83.3m, library.Section.Id, library.Category.Id),
            (afterMove.Score, Assert.Single(afterMove.BySection).SectionId, Assert.Single(afterMove.ByCategory).CategoryId));
        Assert.Equal(83.3m, afterDelete.Score);
        Assert.Equal(library.Category.Id, Assert.Single(afterDelete.ByCategory).CategoryId);
        Assert.Equal(library.Ids.Order(), read.Items.Select(i => i.StandardId).Order());
        Assert.All(read.Items, i => Assert.Equal(library.Category.Id, i.CategoryId));
    }

    [Fact]
    public async Task A_finding_stays_open_across_reviews_until_a_later_review_answers_yes()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var (a, b) = (library[0].Id, library[1].Id);
        var client = await admin.CreateClientAsync();
        var (first, second, third) = (new DateOnly(2025, 9, 1), new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 2));

        var review1 = await admin.SubmittedReviewAsync(client.Id, first, (a, "No"), (b, "No"));
        var afterFirst = await FindingsAsync(admin, client.Id);
        var review2 = await admin.SubmittedReviewAsync(client.Id, second, (a, "No"), (b, "Yes"));
        var afterSecond = await FindingsAsync(admin, client.Id, "all");
        var review3 = await admin.SubmittedReviewAsync(client.Id, third, (a, "Yes"));
        var open = await FindingsAsync(admin, client.Id, "open");
        var resolved = await FindingsAsync(admin, client.Id, "resolved");

        Assert.Equal(2, afterFirst.Total);
        var opened = afterFirst.Items.Single(f => f.StandardId == a);
        Assert.Equal((first, first, (DateOnly?)null, FindingStatus.Open, review1.Id),
            (opened.OpenedOn, opened.LastSeenOn, opened.ResolvedOn, opened.Status, opened.LastReviewId));
        Assert.Equal((library[0].Code, library[0].Question), (opened.Code, opened.Question));
        var kept = afterSecond.Items.Single(f => f.StandardId == a);
        Assert.Equal((opened.Id, first, second, FindingStatus.Open, review2.Id), (kept.Id, kept.OpenedOn, kept.LastSeenOn, kept.Status, kept.LastReviewId));
        var fixedOnSecond = afterSecond.Items.Single(f => f.StandardId == b);
        Assert.Equal((FindingStatus.Resolved, (DateOnly?)second, 91), (fixedOnSecond.Status, fixedOnSecond.ResolvedOn, fixedOnSecond.AgeDays));
        Assert.Empty(open.Items);
        Assert.Equal(2, resolved.Total);
        var fixedOnThird = resolved.Items.Single(f => f.StandardId == a);
        Assert.Equal((opened.Id, (DateOnly?)third, third.DayNumber - first.DayNumber), (fixedOnThird.Id, fixedOnThird.ResolvedOn, fixedOnThird.AgeDays));
        Assert.NotEqual(review3.Id, Guid.Empty);
    }

    [Fact]
    public async Task An_open_finding_ages_until_today_and_a_no_after_a_fix_opens_a_new_one()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await admin.SubmittedReviewAsync(client.Id, today.AddDays(-40), (library[0].Id, "No"));
        await admin.SubmittedReviewAsync(client.Id, today.AddDays(-20), (library[0].Id, "Yes"));
        await admin.SubmittedReviewAsync(client.Id, today.AddDays(-10), (library[0].Id, "No"));

        var open = Assert.Single((await FindingsAsync(admin, client.Id)).Items);
        var all = await FindingsAsync(admin, client.Id, "all");

        Assert.Equal(today.AddDays(-10), open.OpenedOn);
        Assert.InRange(open.AgeDays, 10, 11);
        Assert.Equal(2, all.Total);
        Assert.Equal(20, all.Items.Single(f => f.Status == FindingStatus.Resolved).AgeDays);
    }

    [Fact]
    public async Task Not_applicable_neither_opens_nor_resolves_a_finding()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, new DateOnly(2025, 9, 1), (library[0].Id, "No"), (library[1].Id, "NotApplicable"));
        await admin.SubmittedReviewAsync(client.Id, new DateOnly(2025, 12, 1), (library[0].Id, "NotApplicable"));

        var open = await FindingsAsync(admin, client.Id);

        Assert.Equal(library[0].Id, Assert.Single(open.Items).StandardId);
    }

    [Theory]
    [InlineData("Open", 1)]
    [InlineData("RESOLVED", 0)]
    [InlineData("All", 1)]
    public async Task The_finding_status_filter_ignores_case_like_every_other_status_filter(string status, int expected)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit, ((await admin.CreateStandardAsync()).Id, "No"));

        Assert.Equal(expected, (await FindingsAsync(admin, client.Id, status)).Total);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("1")]
    public async Task An_unknown_finding_status_is_a_bad_request(string status)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.GetAsync($"/api/v1/clients/{client.Id}/findings?status={status}")).ValidationProblemAsync("status");
    }

    [Fact]
    public async Task Compare_says_per_standard_what_improved_regressed_or_stayed()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "High", "Medium", "Medium", "Low", "Low");
        var (regressed, improved, unchanged, unanswered, removed, added) = (library[0].Id, library[1].Id, library[2].Id, library[3].Id,
            library[4].Id, library[5].Id);
        var client = await admin.CreateClientAsync();
        var before = await admin.SubmittedReviewAsync(client.Id, new DateOnly(2025, 12, 1),
            (regressed, "Yes"), (improved, "No"), (unchanged, "No"), (unanswered, "Yes"), (removed, "Yes"));
        await admin.RateAsync(before.Id, improved, "HighlyVulnerable");
        await admin.RateAsync(before.Id, unchanged, "Marginal");
        var after = await admin.SubmittedReviewAsync(client.Id, Visit, (regressed, "No"), (improved, "Yes"), (unchanged, "No"),
            (unanswered, null), (added, "Yes"));
        await admin.RateAsync(after.Id, regressed, "Marginal");
        await admin.RateAsync(after.Id, unchanged, "Marginal");

        var body = await (await admin.GetAsync($"/api/v1/reviews/compare?from={before.Id}&to={after.Id}")).ReadJsonAsync();

        Assert.Equal((before.Id, after.Id), (body.GetProperty("from").GetGuid(), body.GetProperty("to").GetGuid()));
        var lines = body.GetProperty("items").EnumerateArray().ToDictionary(l => l.GetProperty("standardId").GetGuid());
        (string?, string?, string?) Line(Guid id) => (lines[id].GetProperty("before").GetString(), lines[id].GetProperty("after").GetString(),
            lines[id].GetProperty("change").GetString());
        Assert.Equal(6, lines.Count);
        Assert.Equal(("Yes", "No (Marginal)", "Regressed"), Line(regressed));
        Assert.Equal(("No (HighlyVulnerable)", "Yes", "Improved"), Line(improved));
        Assert.Equal(("No (Marginal)", "No (Marginal)", "Unchanged"), Line(unchanged));
        Assert.Equal(("Yes", null, "Unanswered"), Line(unanswered));
        Assert.Equal(("Yes", null, "Removed"), Line(removed));
        Assert.Equal((null, "Yes", "Added"), Line(added));
        Assert.Equal("Regressed", body.GetProperty("items")[0].GetProperty("change").GetString());
    }

    [Fact]
    public async Task Compare_needs_two_existing_reviews_of_one_client()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();
        var other = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id], Visit);
        var elsewhere = await admin.CreateReviewAsync(other.Id, [standard.Id], Visit);

        await (await admin.GetAsync($"/api/v1/reviews/compare?from={review.Id}")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"/api/v1/reviews/compare?from={review.Id}&to=not-a-guid")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.GetAsync($"/api/v1/reviews/compare?from={review.Id}&to={Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/reviews/compare?from={review.Id}&to={elsewhere.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/reviews/compare?from={review.Id}&to={review.Id}")).ExpectAsync(HttpStatusCode.OK);
    }
}

public sealed class ScoresFindingsAndCompareOnSqlite(SqliteFactory factory) : ScoresFindingsAndCompareTests(factory), IClassFixture<SqliteFactory>;

public sealed class ScoresFindingsAndCompareOnPostgres(PostgresFactory factory) : ScoresFindingsAndCompareTests(factory), IClassFixture<PostgresFactory>;
