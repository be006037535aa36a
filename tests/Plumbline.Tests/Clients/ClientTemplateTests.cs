using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Reviews;

namespace Plumbline.Tests.Clients;

/// <summary>The client template (what is left out of the client's reviews) and exceptions, and how they change what is due.
/// Other tests' standards share the instance, so lists are checked for this test's own standards.</summary>
public abstract class ClientTemplateTests(PlumblineFactory factory)
{
    private static readonly DateOnly Visit = ReviewData.VisitDay;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<ClientTemplate> PutTemplateAsync(HttpClient api, Guid clientId, object template) =>
        await (await api.PutAsJsonAsync($"/api/v1/clients/{clientId}/template", template)).ReadAsync<ClientTemplate>();

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
            exceptions = new[] { new { standardId = library[1].Id, reason = "  Signed off by the owner.  ", expiresOn = "2099-12-31" } },
        });
        var replaced = await PutTemplateAsync(admin, client.Id, new { excludedStandardIds = new[] { library[1].Id } });

        Assert.Empty(empty.ExcludedSectionIds.Concat(empty.ExcludedCategoryIds).Concat(empty.ExcludedStandardIds));
        Assert.Empty(empty.Exceptions);
        Assert.Equal([library.Section.Id], saved.ExcludedSectionIds);
        Assert.Equal([library.Category.Id], saved.ExcludedCategoryIds);
        Assert.Equal([library[0].Id], saved.ExcludedStandardIds);
        var exception = Assert.Single(saved.Exceptions);
        Assert.Equal((library[1].Id, "Signed off by the owner.", new DateOnly(2099, 12, 31), (string?)null, "Alex Admin", (Guid?)null),
            (exception.StandardId, exception.Reason, exception.ExpiresOn, exception.AcceptedBy, exception.RecordedBy, exception.ReviewId));
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

        var due = await admin.GetDueAsync(client.Id, Visit);
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
        // An exception expires after today, so this one is dated from today rather than the usual visit day.
        var expires = Today.AddDays(10);
        await PutTemplateAsync(admin, client.Id,
            new { exceptions = new[] { new { standardId = library[0].Id, reason = "Replacing the firewall in April.", expiresOn = expires } } });

        var dueOnLastDay = await admin.GetDueAsync(client.Id, expires);
        var dueAfter = await admin.GetDueAsync(client.Id, expires.AddDays(1));
        var afterwards = await admin.CreateReviewAsync(client.Id, asOf: expires.AddDays(1));
        var during = await admin.CreateReviewAsync(client.Id, asOf: expires, reason: ReviewData.SecondReview);

        Assert.DoesNotContain(dueOnLastDay.Items, i => i.StandardId == library[0].Id);
        Assert.Contains(dueAfter.Items, i => i.StandardId == library[0].Id);
        var excepted = during.Item(library[0].Id);
        Assert.Equal((Answer?)Answer.NotApplicable, excepted.Answer);
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
        var expires = Today.AddDays(10);
        await admin.SubmittedReviewAsync(client.Id, Today.AddMonths(-12), (library[1].Id, "Yes"));
        await PutTemplateAsync(admin, client.Id,
            new { exceptions = library.Ids.Select(id => new { standardId = id, reason = "Office move in March.", expiresOn = expires }) });
        var during = await admin.CreateReviewAsync(client.Id, library.Ids, Today);
        await admin.SubmitAsync(during.Id);

        var due = await admin.GetDueAsync(client.Id, expires.AddDays(1));
        var after = await admin.CreateReviewAsync(client.Id, asOf: expires.AddDays(1));

        Assert.All(library.Ids, id => Assert.Equal((Answer?)Answer.NotApplicable, during.Item(id).Answer));
        Assert.Null(Assert.Single(due.Items, i => i.StandardId == library[0].Id).LastAnsweredOn);
        Assert.Equal(Today.AddMonths(-12), Assert.Single(due.Items, i => i.StandardId == library[1].Id).LastAnsweredOn);
        var again = after.Item(library[0].Id);
        Assert.Equal((null, (Answer?)Answer.NotApplicable), (again.Answer, again.PreviousAnswer));
    }

    [Theory]
    [InlineData("""{"excludedSectionIds": ["00000000-0000-0000-0000-000000000001"]}""", "excludedSectionIds")]
    [InlineData("""{"excludedCategoryIds": ["00000000-0000-0000-0000-000000000001"]}""", "excludedCategoryIds")]
    [InlineData("""{"excludedStandardIds": ["00000000-0000-0000-0000-000000000001"]}""", "excludedStandardIds")]
    [InlineData("""{"exceptions": [{"standardId": "00000000-0000-0000-0000-000000000001", "reason": "R", "expiresOn": "2099-12-31"}]}""", "exceptions")]
    [InlineData("""{"exceptions": [{"standardId": "{id}", "reason": "", "expiresOn": "2099-12-31"}]}""", "exceptions[0].reason")]
    [InlineData("""{"exceptions": [{"standardId": "{id}", "reason": "R"}]}""", "exceptions[0].expiresOn")]
    // Found by the fuzz pass (Security/FuzzTests): a null in the list was a 500.
    [InlineData("""{"exceptions": [null, null]}""", "exceptions")]
    [InlineData("""{"exceptions": [{"standardId": "{id}", "reason": "R", "expiresOn": "2099-12-31"}, """ +
        """{"standardId": "{id}", "reason": "S", "expiresOn": "2099-11-30"}]}""", "exceptions")]
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
            new { exceptions = new[] { new { standardId = standard.Id, reason = new string('r', 1001), expiresOn = "2099-12-31" } } });

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
}

public sealed class ClientTemplateOnSqlite(SqliteFactory factory) : ClientTemplateTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientTemplateOnPostgres(PostgresFactory factory) : ClientTemplateTests(factory), IClassFixture<PostgresFactory>;
