using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Clients;

/// <summary>GET /clients/{id}/due and the client template. Other tests' standards share the instance, so lists are checked for this test's own standards.</summary>
public abstract class ClientTemplateAndDueTests(PlumblineFactory factory)
{
    private static readonly DateOnly Visit = ReviewData.VisitDay;

    private async Task<DueList> DueAsync(HttpClient api, Guid clientId, DateOnly asOf) =>
        await (await api.GetAsync($"/api/v1/clients/{clientId}/due?asOf={asOf:yyyy-MM-dd}")).ReadAsync<DueList>();

    private static async Task<ClientTemplate> PutTemplateAsync(HttpClient api, Guid clientId, object template) =>
        await (await api.PutAsJsonAsync($"/api/v1/clients/{clientId}/template", template)).ReadAsync<ClientTemplate>();

    [Fact]
    public async Task A_standard_never_answered_for_the_client_is_due()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();

        var due = await DueAsync(admin, client.Id, Visit);

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

        var sameDay = await DueAsync(admin, client.Id, Visit);
        var lastDay = await DueAsync(admin, client.Id, Visit.AddMonths(3));
        var dayAfter = await DueAsync(admin, client.Id, Visit.AddMonths(3).AddDays(1));
        var before = await DueAsync(admin, client.Id, Visit.AddDays(-1));

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

        var due = await DueAsync(admin, client.Id, DateOnly.MaxValue);
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

        var due = await DueAsync(admin, client.Id, Visit.AddMonths(1).AddDays(1));

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

        var due = await DueAsync(admin, client.Id, Visit.AddDays(7));

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

        var then = await DueAsync(admin, client.Id, lastYear.AddMonths(2));
        var now = await DueAsync(admin, client.Id, Visit);

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

        var notYet = await DueAsync(admin, client.Id, new DateOnly(2026, 3, 1));
        var due = await DueAsync(admin, client.Id, new DateOnly(2026, 3, 2));

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

        var due = await DueAsync(admin, client.Id, Visit);

        Assert.DoesNotContain(due.Items, i => i.StandardId == draft.Id || i.StandardId == retired.Id);
    }

    [Fact]
    public async Task A_template_starts_empty_and_is_replaced_as_a_whole()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();

        var empty = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/template")).ReadAsync<ClientTemplate>();
        var saved = await PutTemplateAsync(admin, client.Id, new
        {
            excludedSectionIds = new[] { library.Section.Id },
            excludedCategoryIds = new[] { library.Category.Id },
            excludedStandardIds = new[] { library[0].Id, library[0].Id },
            exceptions = new[] { new { standardId = library[1].Id, reason = "  Signed off by the owner.  ", expiresOn = "2026-12-31" } },
        });
        var replaced = await PutTemplateAsync(admin, client.Id, new { excludedStandardIds = new[] { library[1].Id } });

        Assert.Empty(empty.ExcludedSectionIds.Concat(empty.ExcludedCategoryIds).Concat(empty.ExcludedStandardIds));
        Assert.Empty(empty.Exceptions);
        Assert.Equal([library.Section.Id], saved.ExcludedSectionIds);
        Assert.Equal([library.Category.Id], saved.ExcludedCategoryIds);
        Assert.Equal([library[0].Id], saved.ExcludedStandardIds);
        Assert.Equal(new ExceptionDto(library[1].Id, "Signed off by the owner.", new DateOnly(2026, 12, 31)), Assert.Single(saved.Exceptions));
        Assert.Equal((0, 0, 0), (replaced.ExcludedSectionIds.Count, replaced.ExcludedCategoryIds.Count, replaced.Exceptions.Count));
        Assert.Equal([library[1].Id], replaced.ExcludedStandardIds);
    }

    [Theory]
    [InlineData("section")]
    [InlineData("category")]
    [InlineData("standard")]
    public async Task An_excluded_part_of_the_library_is_neither_due_nor_in_a_new_reviews_scope(string scope)
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var other = await admin.CreateLibraryAsync("Low");
        var client = await admin.CreateClientAsync();
        object template = scope switch
        {
            "section" => new { excludedSectionIds = new[] { library.Section.Id } },
            "category" => new { excludedCategoryIds = new[] { library.Category.Id } },
            _ => new { excludedStandardIds = library.Ids },
        };
        await PutTemplateAsync(admin, client.Id, template);

        var due = await DueAsync(admin, client.Id, Visit);
        var review = await admin.CreateReviewAsync(client.Id, asOf: Visit);
        var explicitly = await admin.PostReviewAsync(client.Id, [library[0].Id], Visit);

        Assert.DoesNotContain(due.Items, i => library.Ids.Contains(i.StandardId));
        Assert.Contains(due.Items, i => i.StandardId == other[0].Id);
        Assert.DoesNotContain(review.Items, i => library.Ids.Contains(i.StandardId));
        Assert.Contains(review.Items, i => i.StandardId == other[0].Id);
        await explicitly.ValidationProblemAsync("standardIds");
    }

    [Fact]
    public async Task An_exception_counts_as_not_applicable_until_it_expires_and_then_is_due_again()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var expires = Visit.AddDays(10);
        await PutTemplateAsync(admin, client.Id, new { exceptions = new[] { new { standardId = library[0].Id, reason = "Replacing the firewall in April.", expiresOn = expires } } });

        var dueOnLastDay = await DueAsync(admin, client.Id, expires);
        var dueAfter = await DueAsync(admin, client.Id, expires.AddDays(1));
        var afterwards = await admin.CreateReviewAsync(client.Id, asOf: expires.AddDays(1));
        var during = await admin.CreateReviewAsync(client.Id, asOf: expires);

        Assert.DoesNotContain(dueOnLastDay.Items, i => i.StandardId == library[0].Id);
        Assert.Contains(dueAfter.Items, i => i.StandardId == library[0].Id);
        var excepted = during.Item(library[0].Id);
        Assert.Equal("NotApplicable", excepted.Answer);
        Assert.Contains("Replacing the firewall in April.", excepted.Note);
        Assert.Null(afterwards.Item(library[0].Id).Answer);
        Assert.Null((await admin.ScoreAsync(during.Id)).Breakdown.Single(l => l.StandardId == library[0].Id).Value);
    }

    [Fact]
    public async Task An_expired_exception_is_due_again_even_after_a_review_filled_in_its_not_applicable()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();
        var expires = Visit.AddDays(10);
        await PutTemplateAsync(admin, client.Id, new { exceptions = library.Ids.Select(id => new { standardId = id, reason = "Office move in March.", expiresOn = expires }) });
        await admin.SubmittedReviewAsync(client.Id, Visit.AddMonths(-12), (library[1].Id, "Yes"));
        var during = await admin.CreateReviewAsync(client.Id, library.Ids, Visit);
        await admin.SubmitAsync(during.Id);

        var due = await DueAsync(admin, client.Id, expires.AddDays(1));
        var after = await admin.CreateReviewAsync(client.Id, asOf: expires.AddDays(1));

        Assert.All(library.Ids, id => Assert.Equal("NotApplicable", during.Item(id).Answer));
        Assert.Null(Assert.Single(due.Items, i => i.StandardId == library[0].Id).LastAnsweredOn);
        Assert.Equal(Visit.AddMonths(-12), Assert.Single(due.Items, i => i.StandardId == library[1].Id).LastAnsweredOn);
        var again = after.Item(library[0].Id);
        Assert.Equal((null, "NotApplicable"), (again.Answer, again.PreviousAnswer));
    }

    [Theory]
    [InlineData("""{"excludedSectionIds": ["00000000-0000-0000-0000-000000000001"]}""", "excludedSectionIds")]
    [InlineData("""{"excludedCategoryIds": ["00000000-0000-0000-0000-000000000001"]}""", "excludedCategoryIds")]
    [InlineData("""{"excludedStandardIds": ["00000000-0000-0000-0000-000000000001"]}""", "excludedStandardIds")]
    [InlineData("""{"exceptions": [{"standardId": "00000000-0000-0000-0000-000000000001", "reason": "R", "expiresOn": "2026-12-31"}]}""", "exceptions")]
    [InlineData("""{"exceptions": [{"standardId": "{id}", "reason": "", "expiresOn": "2026-12-31"}]}""", "exceptions[0].reason")]
    [InlineData("""{"exceptions": [{"standardId": "{id}", "reason": "R"}]}""", "exceptions[0].expiresOn")]
    // Found by the fuzz pass (Security/FuzzTests): a null in the list was a 500.
    [InlineData("""{"exceptions": [null, null]}""", "exceptions")]
    [InlineData("""{"exceptions": [{"standardId": "{id}", "reason": "R", "expiresOn": "2026-12-31"}, {"standardId": "{id}", "reason": "S", "expiresOn": "2027-12-31"}]}""", "exceptions")]
    public async Task An_invalid_template_is_refused_and_changes_nothing(string body, string field)
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();
        await PutTemplateAsync(admin, client.Id, new { excludedStandardIds = new[] { standard.Id } });

        await (await admin.PutRawAsync($"/api/v1/clients/{client.Id}/template", body.Replace("{id}", standard.Id.ToString()))).ValidationProblemAsync(field);

        var template = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/template")).ReadAsync<ClientTemplate>();
        Assert.Equal([standard.Id], template.ExcludedStandardIds);
    }

    [Fact]
    public async Task An_exception_reason_over_1000_characters_is_refused()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();

        var response = await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/template",
            new { exceptions = new[] { new { standardId = standard.Id, reason = new string('r', 1001), expiresOn = "2026-12-31" } } });

        await response.ValidationProblemAsync("exceptions[0].reason");
    }

    [Theory]
    [InlineData("""{"excludedSectionIds": "all"}""", "excludedSectionIds")]
    [InlineData("""{"excludedStandardIds": ["not-a-guid"]}""", "excludedStandardIds[0]")]
    [InlineData("""{"exceptions": [{"standardId": 5}]}""", "exceptions[0].standardId")]
    [InlineData("""{"exceptions": [{"expiresOn": "soon"}]}""", "exceptions[0].expiresOn")]
    public async Task A_template_field_of_the_wrong_type_is_named(string body, string field)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var problem = await (await admin.PutRawAsync($"/api/v1/clients/{client.Id}/template", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
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

public sealed class ClientTemplateAndDueOnSqlite(SqliteFactory factory) : ClientTemplateAndDueTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientTemplateAndDueOnPostgres(PostgresFactory factory) : ClientTemplateAndDueTests(factory), IClassFixture<PostgresFactory>;
