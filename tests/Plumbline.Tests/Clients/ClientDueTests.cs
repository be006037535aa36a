using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

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
    public async Task An_answer_exactly_one_interval_old_is_due_at_a_visit_a_few_days_early_and_the_grace_window_ends_14_days_ahead()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High"); // the category's interval: 3 months
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit, (library[0].Id, "Yes"));
        var dueAgain = Visit.AddMonths(3);

        var sameDay = await admin.GetDueAsync(client.Id, Visit);
        var beforeGrace = await admin.GetDueAsync(client.Id, dueAgain.AddDays(-15));
        var firstInGrace = await admin.GetDueAsync(client.Id, dueAgain.AddDays(-14));
        var fewDaysEarly = await admin.GetDueAsync(client.Id, dueAgain.AddDays(-4));
        var onTheDay = await admin.GetDueAsync(client.Id, dueAgain);
        var before = await admin.GetDueAsync(client.Id, Visit.AddDays(-1));

        Assert.DoesNotContain(sameDay.Items, i => i.StandardId == library[0].Id);
        Assert.DoesNotContain(beforeGrace.Items, i => i.StandardId == library[0].Id);
        Assert.Contains(firstInGrace.Items, i => i.StandardId == library[0].Id);
        var item = Assert.Single(fewDaysEarly.Items, i => i.StandardId == library[0].Id);
        Assert.Equal(((DateOnly?)Visit, 3, (DateOnly?)dueAgain), (item.LastAnsweredOn, item.IntervalMonths, item.NextDueOn));
        Assert.Equal(14, fewDaysEarly.GraceDays);
        Assert.Contains(onTheDay.Items, i => i.StandardId == library[0].Id);
        Assert.Null(Assert.Single(before.Items, i => i.StandardId == library[0].Id).LastAnsweredOn);
    }

    [Fact]
    public async Task The_next_planned_or_confirmed_visit_brings_forward_what_would_be_overdue_by_then_and_a_cancelled_visit_does_not()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var category = await admin.CreateCategoryAsync(reviewIntervalMonths: 6);
        var halfYearly = await admin.CreateStandardAsync(new NewStandard(category.Id));
        var client = await admin.ClientOfAsync(tam.Id, 4);
        await admin.SubmittedReviewAsync(client.Id, Visit, (halfYearly.Id, "Yes")); // due again 2 Sep 2026
        var day = new DateOnly(2026, 6, 2);

        var withoutVisits = await admin.GetDueAsync(client.Id, day);
        var late = await admin.CreateVisitAsync(client.Id, new DateOnly(2026, 9, 8));
        var withLateVisit = await admin.GetDueAsync(client.Id, day);
        await (await admin.PostAsync($"/api/v1/visits/{late.Id}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        var afterCancelling = await admin.GetDueAsync(client.Id, day);
        var confirmed = await admin.CreateVisitAsync(client.Id, new DateOnly(2026, 9, 10));
        await (await admin.PostAsync($"/api/v1/visits/{confirmed.Id}/confirm", null)).ExpectAsync(HttpStatusCode.OK);
        var withConfirmedVisit = await admin.GetDueAsync(client.Id, day);
        await admin.CreateVisitAsync(client.Id, new DateOnly(2026, 8, 27));
        var withVisitInTime = await admin.GetDueAsync(client.Id, day);

        Assert.DoesNotContain(withoutVisits.Items, i => i.StandardId == halfYearly.Id);
        Assert.Null(withoutVisits.NextVisitOn);
        Assert.Contains(withLateVisit.Items, i => i.StandardId == halfYearly.Id);
        Assert.Equal(new DateOnly(2026, 9, 8), withLateVisit.NextVisitOn);
        Assert.DoesNotContain(afterCancelling.Items, i => i.StandardId == halfYearly.Id);
        Assert.Null(afterCancelling.NextVisitOn);
        Assert.Contains(withConfirmedVisit.Items, i => i.StandardId == halfYearly.Id);
        Assert.DoesNotContain(withVisitInTime.Items, i => i.StandardId == halfYearly.Id);
        Assert.Equal(new DateOnly(2026, 8, 27), withVisitInTime.NextVisitOn);
    }

    [Fact]
    public async Task Four_quarterly_reviews_a_few_days_early_ask_the_3_month_standards_every_time_and_the_others_on_time()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var quarterly = await admin.CreateLibraryAsync("High", "Low");
        var halfYearly = await admin.CreateStandardAsync(new NewStandard((await admin.CreateCategoryAsync(reviewIntervalMonths: 6)).Id));
        var yearly = await admin.CreateStandardAsync(new NewStandard((await admin.CreateCategoryAsync(reviewIntervalMonths: 12)).Id));
        var client = await admin.CreateClientAsync();
        DateOnly[] visits = [new(2025, 3, 10), new(2025, 6, 6), new(2025, 9, 3), new(2025, 12, 1), new(2026, 2, 27)];

        var asked = new List<IReadOnlyList<Guid>>();
        foreach (var day in visits)
        {
            var review = await admin.CreateReviewAsync(client.Id, asOf: day); // no standards named: what is due
            asked.Add(review.Items.Select(i => i.StandardId).ToList());
            foreach (var item in review.Items) await admin.AnswerAsync(review.Id, item.StandardId, "Yes");
            await admin.SubmitAsync(review.Id);
        }

        Assert.All(asked, ids => Assert.Superset(quarterly.Ids.ToHashSet(), ids.ToHashSet()));
        Assert.Equal([true, false, true, false, true], asked.Select(ids => ids.Contains(halfYearly.Id)));
        Assert.Equal([true, false, false, false, true], asked.Select(ids => ids.Contains(yearly.Id)));
        Assert.Equal([4, 2, 3, 2, 4], asked.Select(ids => ids.Count));
    }

    [Fact]
    public async Task The_grace_window_is_a_provider_setting_of_0_to_90_days()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var library = await admin.CreateLibraryAsync("Medium");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit, (library[0].Id, "Yes")); // due again 2 Jun 2026
        var browser = await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail);
        var day = new DateOnly(2026, 5, 12);

        var byDefault = await admin.GetDueAsync(client.Id, day);
        var tooLong = await (await SaveGraceAsync(browser, "91")).ExpectAsync(HttpStatusCode.OK);
        var negative = await (await SaveGraceAsync(browser, "-1")).ExpectAsync(HttpStatusCode.OK);
        var stillDefault = await admin.GetDueAsync(client.Id, day);
        var saved = await (await SaveGraceAsync(browser, "30")).ExpectAsync(HttpStatusCode.OK);
        var longer = await admin.GetDueAsync(client.Id, day);
        var leftEmpty = await (await SaveGraceAsync(browser, "")).ExpectAsync(HttpStatusCode.OK);
        var page = await (await browser.GetAsync("/settings")).ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(byDefault.Items, i => i.StandardId == library[0].Id);
        Assert.Contains("The grace window is a whole number of days from 0 to 90.", tooLong);
        Assert.Contains("The grace window is a whole number of days from 0 to 90.", negative);
        Assert.Equal(14, stillDefault.GraceDays);
        Assert.Contains("Settings saved.", saved);
        Assert.Equal(30, longer.GraceDays);
        Assert.Contains(longer.Items, i => i.StandardId == library[0].Id);
        Assert.Contains("Settings saved.", leftEmpty); // an empty field keeps the current window
        Assert.Contains("name=\"Form.DueGraceDays\"", page);
        Assert.Matches("id=\"grace\"[^>]*value=\"30\"", page);
    }

    private static Task<HttpResponseMessage> SaveGraceAsync(CookieBrowser browser, string days) =>
        browser.SubmitAsync("/settings", "/settings", new Dictionary<string, string>
        {
            ["Form.ProviderName"] = "Northwind IT Partners",
            ["Form.BrandColor"] = "#1f5f8b",
            ["Form.CurrencySymbol"] = "$",
            ["Form.MrrPerMonthlyVisit"] = "4000",
            ["Form.DefaultWorkingDaysPerYear"] = "225",
            ["Form.WeightHigh"] = "5",
            ["Form.WeightMedium"] = "3",
            ["Form.WeightLow"] = "1",
            ["Form.TwoFactorRequirement"] = "NoOne",
            ["Form.DueGraceDays"] = days,
        }, "settings");

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

        var notYet = await admin.GetDueAsync(client.Id, new DateOnly(2026, 2, 14));
        var due = await admin.GetDueAsync(client.Id, new DateOnly(2026, 2, 15)); // 1 Mar is within the grace window

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
