using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Committee;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Committee;

/// <summary>The committee's work list, the meeting page and the review block of a standard's page.</summary>
public sealed class CommitteePagesTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static DateOnly Today => CommitteeData.Today;

    [Fact]
    public async Task The_work_list_shows_what_is_due_this_month_and_records_a_review_unchanged()
    {
        var admin = await factory.AdminAsync();
        var committee = await factory.SignedInAsAsync("StandardsCommittee");
        var due = await admin.CreateStandardAsync();
        var notDue = await admin.CreateStandardAsync();
        await factory.SetNextReviewAsync(due.Id, Today.AddDays(-3));

        var page = WebUtility.HtmlDecode(await (await factory.NoRedirects(committee).GetAsync("/committee")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains(due.Code, page);
        Assert.DoesNotContain(notDue.Code, page);
        Assert.Contains($"/library/proposals/new?kind=Change&amp;standardId={due.Id}", page);
        Assert.Contains("Overdue", page);

        var posted = await factory.PostFormAsync(committee, "/committee", "/committee",
            new() { ["_handler"] = "record-review", ["StandardId"] = due.Id.ToString() });
        var html = WebUtility.HtmlDecode(await posted.ExpectAsync(HttpStatusCode.OK));
        Assert.Contains($"{due.Code} reviewed: unchanged", html);
        Assert.Equal(Today, (await admin.GetStandardAsync(due.Id)).LastReviewedOn);
    }

    [Theory]
    [InlineData("Tam")]
    [InlineData("Vcio")]
    public async Task The_committee_pages_are_for_admins_and_the_committee_only(string role)
    {
        var admin = await factory.AdminAsync();
        var meeting = await (await admin.PostAsJsonAsync("/api/v1/committee/meetings", new { date = "2046-02-02" }))
            .ReadAsync<CommitteeMeetingDetails>(HttpStatusCode.Created);
        var user = factory.NoRedirects(await factory.SignedInAsAsync(role));

        foreach (var path in new[] { "/committee", $"/committee/meetings/{meeting.Id}" })
        {
            var response = await user.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("/account/access-denied") == true,
                $"{role} opened {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.DoesNotContain("href=\"/committee\"", await (await user.GetAsync("/")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("href=\"/committee\"", await (await factory.NoRedirects(admin).GetAsync("/")).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Opening_a_planned_meeting_builds_its_agenda_and_the_minutes_are_saved_from_the_page()
    {
        var admin = await factory.AdminAsync();
        var due = await admin.CreateStandardAsync();
        var day = Today.AddDays(20);
        await factory.SetNextReviewAsync(due.Id, day);
        var meeting = await (await admin.PostAsJsonAsync("/api/v1/committee/meetings", new { date = day }))
            .ReadAsync<CommitteeMeetingDetails>(HttpStatusCode.Created);

        var page = WebUtility.HtmlDecode(await (await factory.NoRedirects(admin).GetAsync($"/committee/meetings/{meeting.Id}")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains($"Yearly review: {due.Code}", page);

        var saved = await factory.PostFormAsync(admin, $"/committee/meetings/{meeting.Id}", $"/committee/meetings/{meeting.Id}",
            new() { ["_handler"] = "minutes", ["Minutes"] = "Everyone agreed." });
        Assert.Contains("Minutes saved.", await saved.ExpectAsync(HttpStatusCode.OK));
        var stored = await (await admin.GetAsync($"/api/v1/committee/meetings/{meeting.Id}")).ReadAsync<CommitteeMeetingDetails>();
        Assert.Equal("Everyone agreed.", stored.Minutes);
        Assert.Contains(stored.Agenda, i => i.SourceId == due.Id && i.SourceKind == CommitteeAgendaSource.StandardDueForReview);
    }

    [Fact]
    public async Task A_standards_page_shows_its_last_review_and_lets_the_committee_record_one()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var (committee, member) = await factory.UserAsync("StandardsCommittee", LibraryData.UniqueName("Casey"));
        var tam = await factory.SignedInAsAsync("Tam");
        Assert.DoesNotContain("Record review",
            await (await factory.NoRedirects(tam).GetAsync($"/library/standards/{standard.Id}")).ExpectAsync(HttpStatusCode.OK));

        var posted = await factory.PostFormAsync(committee, $"/library/standards/{standard.Id}", $"/library/standards/{standard.Id}",
            new() { ["_handler"] = "record-review", ["ReviewNote"] = "Checked against the CIS update." });

        var html = WebUtility.HtmlDecode(await posted.ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Review recorded", html);
        Assert.Contains($"by {member.Name}", html);
        Assert.Contains("Checked against the CIS update.", html);
        Assert.Contains("Record review", html);
    }
}
