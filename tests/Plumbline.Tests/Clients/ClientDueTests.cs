using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Reviews;

namespace Plumbline.Tests.Clients;

/// <summary>GET /clients/{id}/due: what is due for a client on a day. Other tests' standards share the instance, so lists
/// are checked for this test's own standards.</summary>
public abstract class ClientDueTests(PlumblineFactory factory)
{
    private static readonly DateOnly Visit = ReviewData.VisitDay;

    [Fact]
    public async Task A_standard_never_answered_for_the_client_is_due()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();

        var due = await admin.GetDueAsync(client.Id, Visit);

        Assert.Equal(Visit, due.AsOf);
        foreach (var id in library.Ids) Assert.Null(Assert.Single(due.Items, i => i.StandardId == id).LastAnsweredOn);
    }

    [Fact]
    public async Task Due_defaults_to_today()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var due = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/due")).ReadAsync<DueList>();

        Assert.InRange(due.AsOf.DayNumber, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - 1, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber);
    }

    [Fact]
    public async Task An_answer_is_not_due_within_its_interval_and_is_due_the_day_after_it_runs_out()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High"); // the category's interval: 3 months
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit, (library[0].Id, "Yes"));

        var sameDay = await admin.GetDueAsync(client.Id, Visit);
        var lastDay = await admin.GetDueAsync(client.Id, Visit.AddMonths(3));
        var dayAfter = await admin.GetDueAsync(client.Id, Visit.AddMonths(3).AddDays(1));
        var before = await admin.GetDueAsync(client.Id, Visit.AddDays(-1));

        Assert.DoesNotContain(sameDay.Items, i => i.StandardId == library[0].Id);
        Assert.DoesNotContain(lastDay.Items, i => i.StandardId == library[0].Id);
        Assert.Equal(Visit, Assert.Single(dayAfter.Items, i => i.StandardId == library[0].Id).LastAnsweredOn);
        Assert.Null(Assert.Single(before.Items, i => i.StandardId == library[0].Id).LastAnsweredOn);
    }

    [Fact]
    public async Task A_date_at_the_end_of_the_calendar_is_refused_or_answered_never_a_server_error()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, new DateOnly(2100, 12, 31), (library[0].Id, "Yes"));

        var due = await admin.GetDueAsync(client.Id, DateOnly.MaxValue);
        var review = await admin.PostAsJsonAsync("/api/v1/reviews", new { clientId = client.Id, asOf = "9999-12-31" });

        Assert.Contains(due.Items, i => i.StandardId == library[0].Id && i.LastAnsweredOn == new DateOnly(2100, 12, 31));
        await review.ValidationProblemAsync("asOf");
    }

    [Fact]
    public async Task The_standards_own_interval_wins_over_the_categorys()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync(reviewIntervalMonths: 12);
        var monthly = await admin.CreateStandardAsync(new NewStandard(category.Id) { ReviewIntervalMonths = 1 });
        var yearly = await admin.CreateStandardAsync(new NewStandard(category.Id));
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit, (monthly.Id, "Yes"), (yearly.Id, "No"));

        var due = await admin.GetDueAsync(client.Id, Visit.AddMonths(1).AddDays(1));

        Assert.Contains(due.Items, i => i.StandardId == monthly.Id);
        Assert.DoesNotContain(due.Items, i => i.StandardId == yearly.Id);
    }

    [Fact]
    public async Task Not_applicable_is_an_answer_and_an_unanswered_item_is_not()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("Medium", "Medium");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit, (library[0].Id, "NotApplicable"), (library[1].Id, null));

        var due = await admin.GetDueAsync(client.Id, Visit.AddDays(7));

        Assert.DoesNotContain(due.Items, i => i.StandardId == library[0].Id);
        Assert.Contains(due.Items, i => i.StandardId == library[1].Id);
    }

    [Fact]
    public async Task An_answer_counts_on_its_reviews_date_not_when_it_was_typed()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("Medium");
        var client = await admin.CreateClientAsync();
        var lastYear = new DateOnly(2025, 1, 10);
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, lastYear);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");

        var then = await admin.GetDueAsync(client.Id, lastYear.AddMonths(2));
        var now = await admin.GetDueAsync(client.Id, Visit);

        Assert.DoesNotContain(then.Items, i => i.StandardId == library[0].Id);
        Assert.Equal(lastYear, Assert.Single(now.Items, i => i.StandardId == library[0].Id).LastAnsweredOn);
    }

    [Fact]
    public async Task The_latest_answer_decides()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("Medium");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, new DateOnly(2025, 6, 1), (library[0].Id, "Yes"));
        await admin.SubmittedReviewAsync(client.Id, new DateOnly(2025, 12, 1), (library[0].Id, "No"));

        var notYet = await admin.GetDueAsync(client.Id, new DateOnly(2026, 3, 1));
        var due = await admin.GetDueAsync(client.Id, new DateOnly(2026, 3, 2));

        Assert.DoesNotContain(notYet.Items, i => i.StandardId == library[0].Id);
        Assert.Equal(new DateOnly(2025, 12, 1), Assert.Single(due.Items, i => i.StandardId == library[0].Id).LastAnsweredOn);
    }

    [Fact]
    public async Task Draft_and_retired_standards_are_never_due()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft" });
        var retired = await admin.CreateStandardAsync(new NewStandard(category.Id));
        await (await admin.PostAsync($"/api/v1/standards/{retired.Id}/retire", null)).ExpectAsync(HttpStatusCode.OK);
        var client = await admin.CreateClientAsync();

        var due = await admin.GetDueAsync(client.Id, Visit);

        Assert.DoesNotContain(due.Items, i => i.StandardId == draft.Id || i.StandardId == retired.Id);
    }

    [Theory]
    [InlineData("asOf=2026-13-01")]
    [InlineData("asOf=yesterday")]
    public async Task A_bad_due_date_is_a_bad_request(string query)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.GetAsync($"/api/v1/clients/{client.Id}/due?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class ClientDueOnSqlite(SqliteFactory factory) : ClientDueTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientDueOnPostgres(PostgresFactory factory) : ClientDueTests(factory), IClassFixture<PostgresFactory>;
