using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Clients;

/// <summary>
/// Accepted exceptions (PRODUCT.md, Exceptions): one model for "the client accepts this risk", set in the client template or by the vCIO
/// while rating a finding. Left out of the score like N/A, listed by every report as an accepted risk (never as not applicable), and due
/// again once expired. Expiry dates are after today, so these tests date their reviews from today.
/// </summary>
public abstract class AcceptedExceptionTests(PlumblineFactory factory)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The report's section with the given class, from its opening tag to its end.</summary>
    private static string Section(string html, string css)
    {
        var start = html.IndexOf($"<section class=\"{css}", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The report has no section \"{css}\".");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>The appendix's "Not applicable" list.</summary>
    private static string NotApplicable(string html)
    {
        var start = html.IndexOf("<h2 class=\"not-applicable\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "The report has no Not applicable list.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static async Task CompleteAsync(HttpClient api, Guid reviewId) =>
        await (await api.PostAsync($"/api/v1/reviews/{reviewId}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);

    private static async Task<ClientTemplate> TemplateAsync(HttpClient api, Guid clientId) =>
        await (await api.GetAsync($"/api/v1/clients/{clientId}/template")).ReadAsync<ClientTemplate>();

    [Fact]
    public async Task The_report_lists_a_template_exception_under_accepted_risks_with_reason_who_and_expiry_and_not_as_not_applicable()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium", "Low");
        var client = await admin.CreateClientAsync();
        var expires = Today.AddDays(60);
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/template", new
        {
            exceptions = new[]
            {
                new { standardId = library[1].Id, reason = "The server room moves in spring.", acceptedBy = "Dana Owner", expiresOn = expires },
            },
        })).ExpectAsync(HttpStatusCode.OK);
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, Today);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(review.Id, library[2].Id, "NotApplicable");
        await admin.SubmitAsync(review.Id);
        await CompleteAsync(admin, review.Id);

        var html = await admin.ReportHtmlAsync($"/reports/clients/{client.Id}/alignment?reviewId={review.Id}");
        var item = (await admin.GetReviewAsync(review.Id)).Item(library[1].Id);

        var accepted = Section(html, "accepted-risks");
        Assert.Contains("Accepted risks", accepted);
        Assert.Contains(library[1].Title, accepted);
        Assert.Contains("The server room moves in spring.", accepted);
        Assert.Contains("Dana Owner", accepted);
        Assert.Contains("recorded by Alex Admin", accepted);
        Assert.Contains(Day(expires), accepted);
        Assert.DoesNotContain(library[1].Code, NotApplicable(html));
        Assert.Contains(library[2].Code, NotApplicable(html));
        Assert.Equal(100m, (await admin.ScoreAsync(review.Id)).Score);
        Assert.Equal((Answer?)Answer.NotApplicable, item.Answer);
        Assert.Equal(("The server room moves in spring.", "Dana Owner", (DateOnly?)expires, "Alex Admin", (Guid?)null),
            (item.AcceptedException?.Reason, item.AcceptedException?.AcceptedBy, item.AcceptedException?.ExpiresOn, item.AcceptedException?.RecordedBy,
                item.AcceptedException?.ReviewId));
    }

    [Fact]
    public async Task A_vcio_who_accepts_the_risk_records_the_client_exception_shown_on_the_template_and_in_the_report()
    {
        var admin = await factory.AdminAsync();
        var (vcioApi, _) = await factory.UserAsync("Vcio", "Val Vcio");
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var client = await admin.CreateClientAsync();
        var review = await admin.SubmittedReviewAsync(client.Id, Today, (library[0].Id, "Yes"), (library[1].Id, "No"));
        var expires = Today.AddMonths(6);

        var rated = await (await vcioApi.PutRatingAsync(review.Id, library[1].Id, new
        {
            rating = "HighlyVulnerable",
            acceptedRiskReason = "  Budget for a second site is set for next year.  ",
            acceptedBy = "Dana Owner",
            expiresOn = expires,
        })).ReadJsonAsync();
        var template = await TemplateAsync(admin, client.Id);
        var page = System.Net.WebUtility.HtmlDecode(await (await admin.GetAsync($"/clients/{client.Id}/template")).ExpectAsync(HttpStatusCode.OK));
        var item = (await admin.GetReviewAsync(review.Id)).Item(library[1].Id);
        var score = await admin.ScoreAsync(review.Id);
        await CompleteAsync(admin, review.Id);
        var html = await admin.ReportHtmlAsync($"/reports/clients/{client.Id}/alignment?reviewId={review.Id}");
        var later = await admin.CreateReviewAsync(client.Id, library.Ids, Today.AddDays(7));

        var exception = Assert.Single(template.Exceptions);
        Assert.Equal((library[1].Id, "Budget for a second site is set for next year.", "Dana Owner", expires, "Val Vcio", (Guid?)review.Id),
            (exception.StandardId, exception.Reason, exception.AcceptedBy, exception.ExpiresOn, exception.RecordedBy, exception.ReviewId));
        Assert.InRange(exception.RecordedAt!.Value, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(expires.ToString("yyyy-MM-dd"), rated.GetProperty("acceptedException").GetProperty("expiresOn").GetString());
        Assert.Contains("Budget for a second site is set for next year.", page);
        Assert.Contains("value=\"Dana Owner\"", page);
        Assert.Contains("Recorded by Val Vcio", page);
        Assert.Equal(((Answer?)Answer.No, (Rating?)Rating.HighlyVulnerable), (item.Answer, item.Rating));
        Assert.Equal(expires, item.AcceptedException?.ExpiresOn);
        Assert.Equal(100m, score.Score);
        Assert.Null(score.Breakdown.Single(l => l.StandardId == library[1].Id).Value);
        Assert.Contains("Budget for a second site is set for next year.", Section(html, "accepted-risks"));
        Assert.Contains("Highly vulnerable", Section(html, "accepted-risks"));
        Assert.DoesNotContain(library[1].Title, Section(html, "findings"));
        Assert.Equal((Answer?)Answer.NotApplicable, later.Item(library[1].Id).Answer);
        Assert.Equal("Dana Owner", later.Item(library[1].Id).AcceptedException?.AcceptedBy);
    }

    [Fact]
    public async Task A_vcio_who_chooses_a_recommendation_after_all_withdraws_the_exception_the_rating_recorded()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.SubmittedReviewAsync(client.Id, Today, (library[0].Id, "No"));
        await (await admin.PutRatingAsync(review.Id, library[0].Id,
            new { rating = "Marginal", acceptedRiskReason = "Owner accepts it.", expiresOn = Today.AddMonths(3) })).ExpectAsync(HttpStatusCode.OK);

        await (await admin.PutRatingAsync(review.Id, library[0].Id, new { rating = "Marginal", newRecommendationTitle = "Replace the firewall" }))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Empty((await TemplateAsync(admin, client.Id)).Exceptions);
        var item = (await admin.GetReviewAsync(review.Id)).Item(library[0].Id);
        Assert.Null(item.AcceptedException);
        Assert.Null(item.AcceptedRiskReason);
        Assert.Equal(50m, (await admin.ScoreAsync(review.Id)).Score);
    }

    [Fact]
    public async Task Once_a_risk_the_vcio_accepted_expires_the_standard_is_due_again()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.SubmittedReviewAsync(client.Id, Today, (library[0].Id, "No"));
        var expires = Today.AddDays(20);
        await (await admin.PutRatingAsync(review.Id, library[0].Id,
            new { rating = "Marginal", acceptedRiskReason = "Waiting for the new firewall.", expiresOn = expires })).ExpectAsync(HttpStatusCode.OK);

        var dueOnLastDay = await admin.GetDueAsync(client.Id, expires);
        var dueAfter = await admin.GetDueAsync(client.Id, expires.AddDays(1));

        Assert.DoesNotContain(dueOnLastDay.Items, i => i.StandardId == library[0].Id);
        Assert.Contains(dueAfter.Items, i => i.StandardId == library[0].Id);
    }

    [Theory]
    [InlineData("""{"rating": "Marginal", "acceptedRiskReason": "Owner accepts it."}""", "expiresOn", "date the client's acceptance ends")]
    [InlineData("""{"rating": "Marginal", "acceptedRiskReason": "Owner accepts it.", "expiresOn": "{today}"}""", "expiresOn", "after today")]
    [InlineData("""{"rating": "Marginal", "acceptedRiskReason": "Owner accepts it.", "expiresOn": "{yesterday}"}""", "expiresOn", "after today")]
    [InlineData("""{"rating": "Marginal", "acceptedBy": "Dana Owner", "expiresOn": "{future}"}""", "acceptedRiskReason", "reason")]
    [InlineData("""{"rating": "Marginal", "acceptedRiskReason": "  ", "expiresOn": "{future}"}""", "acceptedRiskReason", "reason")]
    [InlineData("""{"rating": "Marginal", "acceptedRiskReason": "R", "acceptedBy": "{long201}", "expiresOn": "{future}"}""", "acceptedBy", "200")]
    public async Task An_acceptance_without_a_reason_or_an_expiry_after_today_is_refused_and_records_nothing(string body, string field, string says)
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.SubmittedReviewAsync(client.Id, Today, (library[0].Id, "No"));
        var json = body.Replace("{today}", $"{Today:yyyy-MM-dd}").Replace("{yesterday}", $"{Today.AddDays(-1):yyyy-MM-dd}")
            .Replace("{future}", $"{Today.AddDays(30):yyyy-MM-dd}").Replace("{long201}", new string('d', 201));

        var problem = await (await admin.PutRawAsync($"/api/v1/reviews/{review.Id}/ratings/{library[0].Id}", json)).ValidationProblemAsync(field);

        Assert.Contains(says, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty((await TemplateAsync(admin, client.Id)).Exceptions);
        Assert.Null((await admin.GetReviewAsync(review.Id)).Item(library[0].Id).Rating);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_template_exception_must_expire_after_today(int days)
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();

        var problem = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/template",
                new { exceptions = new[] { new { standardId = standard.Id, reason = "Owner accepts it.", expiresOn = Today.AddDays(days) } } }))
            .ValidationProblemAsync("exceptions[0].expiresOn");

        Assert.Contains("after today", problem.GetProperty("errors").GetProperty("exceptions[0].expiresOn")[0].GetString());
        Assert.Empty((await TemplateAsync(admin, client.Id)).Exceptions);
    }

    [Fact]
    public async Task An_expired_exception_may_stay_in_the_template_as_it_was_and_keeps_who_recorded_it()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();
        var recordedAt = DateTime.UtcNow.AddMonths(-3);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ClientExceptions.Add(new ClientException
            {
                ClientId = client.Id,
                StandardId = library[0].Id,
                Reason = "Old office.",
                ExpiresOn = Today.AddDays(-5),
                RecordedBy = "Sam Former",
                RecordedAt = recordedAt,
            });
            await db.SaveChangesAsync();
        }

        var saved = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/template", new
        {
            exceptions = new object[]
            {
                new { standardId = library[0].Id, reason = "Old office.", expiresOn = Today.AddDays(-5) },
                new { standardId = library[1].Id, reason = "New office.", acceptedBy = "Dana Owner", expiresOn = Today.AddDays(5) },
            },
        })).ReadAsync<ClientTemplate>();
        var changed = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/template",
                new { exceptions = new[] { new { standardId = library[0].Id, reason = "Old office.", expiresOn = Today.AddDays(-2) } } }))
            .ValidationProblemAsync("exceptions[0].expiresOn");

        var kept = saved.Exceptions.Single(x => x.StandardId == library[0].Id);
        Assert.Equal(("Sam Former", Today.AddDays(-5)), (kept.RecordedBy, kept.ExpiresOn));
        Assert.Equal(recordedAt, kept.RecordedAt!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(("Alex Admin", "Dana Owner"), (saved.Exceptions.Single(x => x.StandardId == library[1].Id).RecordedBy,
            saved.Exceptions.Single(x => x.StandardId == library[1].Id).AcceptedBy));
        Assert.Contains("after today", changed.GetProperty("errors").GetProperty("exceptions[0].expiresOn")[0].GetString());
    }
}

public sealed class AcceptedExceptionsOnSqlite(SqliteFactory factory) : AcceptedExceptionTests(factory), IClassFixture<SqliteFactory>;

public sealed class AcceptedExceptionsOnPostgres(PostgresFactory factory) : AcceptedExceptionTests(factory), IClassFixture<PostgresFactory>;
