using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reports;

/// <summary>The alignment report of a review as HTML: what the client reads, and what it never sees.</summary>
public abstract class AlignmentReportTests(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;
    private static readonly DateOnly Visit = ReviewData.VisitDay;

    [Fact]
    public async Task The_report_shows_the_client_score_sections_and_findings_but_not_the_tams_notes()
    {
        var (admin, clientId, name, library, _) = await Factory.CompletedReviewAsync();

        var html = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment");

        Assert.Contains(name, html);
        Assert.Contains("62.5", html);
        Assert.Contains(". 1 finding leaves the business highly vulnerable.", html);
        Assert.Contains(library.Section.Name, html);
        Assert.Contains(library[1].Title, html);
        Assert.Contains("Highly vulnerable", html);
        Assert.Contains("Replace the edge firewall", html);
        Assert.Contains("$2,500.00", html);
        Assert.Contains("$75.00", html);
        Assert.Contains("FY2026-Q3", html);
        Assert.Contains(library[2].Title, html);
        Assert.Contains("Not applicable", html);
        Assert.Contains("Northwind IT Partners", html);
        Assert.DoesNotContain(ReportData.TamNote, html);
        Assert.Contains("<svg", html);
        Assert.Contains("format=pdf", html);
    }

    [Fact]
    public async Task Without_a_review_id_the_latest_completed_review_is_reported_with_its_change_since_the_one_before()
    {
        var (admin, clientId, _, library, first) = await Factory.CompletedReviewAsync(Visit.AddDays(-90));
        var second = await admin.SubmittedReviewAsync(clientId, Visit, (library[0].Id, "Yes"), (library[1].Id, "Yes"));
        await (await admin.PostAsync($"/api/v1/reviews/{second.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
        // A later review still being answered is not what the client reads.
        await admin.CreateReviewAsync(clientId, library.Ids, Visit.AddDays(7));

        var latest = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment");
        var earlier = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment?reviewId={first}");

        Assert.Contains("100.0", latest);
        Assert.Contains("Up 37.5 points", latest);
        Assert.Contains("62.5", earlier);
        Assert.Contains("first completed review", earlier);
    }

    [Fact]
    public async Task A_submitted_review_is_reported_as_provisional_when_nothing_is_completed()
    {
        var admin = await Factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "High");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, Visit, (library[0].Id, "Yes"), (library[1].Id, "No"));

        var html = await admin.ReportHtmlAsync($"/reports/clients/{client.Id}/alignment");

        Assert.Contains("50.0", html);
        Assert.Contains("provisional", html);
        Assert.Contains("Not yet rated", html);
    }

    [Fact]
    public async Task Missing_clients_reviews_and_bad_ids_get_clear_pages_not_errors()
    {
        var (admin, clientId, _, _, reviewId) = await Factory.CompletedReviewAsync();
        var other = await admin.CreateClientAsync();
        await admin.CreateReviewAsync(other.Id, null, Visit);

        var noReview = await admin.GetAsync($"/reports/clients/{other.Id}/alignment");
        var otherClientsReview = await admin.GetAsync($"/reports/clients/{other.Id}/alignment?reviewId={reviewId}");
        var noClient = await admin.GetAsync($"/reports/clients/{Guid.NewGuid()}/alignment");
        var badId = await admin.GetAsync($"/reports/clients/{clientId}/alignment?reviewId=last-one");
        var badFormat = await admin.GetAsync($"/reports/clients/{clientId}/alignment?format=docx");

        Assert.Contains("no submitted, completed or delivered review", (await noReview.ProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString());
        await otherClientsReview.ProblemAsync(HttpStatusCode.NotFound);
        await noClient.ProblemAsync(HttpStatusCode.NotFound);
        await badId.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("format=pdf", (await badFormat.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_cover_names_the_clients_decision_maker_when_there_is_one()
    {
        var (admin, clientId, _, _, _) = await Factory.CompletedReviewAsync();
        var before = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment");
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/contacts", new { name = "Dana Decider", title = "CEO", isDecisionMaker = true }))
            .ExpectAsync(HttpStatusCode.Created);

        var html = await admin.ReportHtmlAsync($"/reports/clients/{clientId}/alignment");

        Assert.DoesNotContain("Prepared for", before);
        Assert.Contains("Prepared for Dana Decider, CEO", html);
    }

    [Fact]
    public async Task People_signed_in_in_any_role_may_read_reports_and_nobody_else()
    {
        var (_, clientId, name, _, _) = await Factory.CompletedReviewAsync();
        var reader = await Factory.SignedInAsAsync("ReadOnly");

        var anonymous = await Factory.Anonymous().GetAsync($"/reports/clients/{clientId}/alignment");

        Assert.Contains(name, await reader.ReportHtmlAsync($"/reports/clients/{clientId}/alignment"));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location?.ToString());
    }
}

public sealed class AlignmentReportOnSqlite(SqliteFactory factory) : AlignmentReportTests(factory), IClassFixture<SqliteFactory>;

public sealed class AlignmentReportOnPostgres(PostgresFactory factory) : AlignmentReportTests(factory), IClassFixture<PostgresFactory>;
