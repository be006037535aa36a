using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Meetings;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Meetings;

/// <summary>
/// The printed agenda and minutes of a meeting (issue 17): HTML and a PDF printed by the real Chromium and read back. Printing takes
/// no part of the database, so this runs on SQLite; the meeting's queries run on both engines in MeetingsApiTests.
/// </summary>
public sealed class MeetingReportTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<(HttpClient Admin, MeetingDetails Meeting, string ClientName, string Recommendation)> HeldMeetingAsync()
    {
        var admin = await factory.AdminAsync();
        var name = LibraryData.UniqueName("Client");
        var client = await admin.CreateClientAsync(new { name });
        var recommendation = await admin.CreateRecommendationAsync(client.Id, "Proposed", 4200, "FY2027-Q1");
        var meeting = await admin.CreateMeetingAsync(new
        {
            kind = "ClientStrategy",
            clientId = client.Id,
            date = "2026-11-12",
            startsAt = "14:30",
            attendees = new object[] { new { name = "Rosa Delgado", email = "rosa@example.com" } },
        });
        await (await admin.PutAsJsonAsync($"/api/v1/meetings/{meeting.Id}",
            new { status = "Held", minutes = "We walked through the roadmap.\nBudget agreed." })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id}/decisions",
            new { text = "Replace the router this quarter.", recommendationId = recommendation.Id, outcome = "Approve" }))
            .ExpectAsync(HttpStatusCode.Created);
        return (admin, await admin.GetMeetingAsync(meeting.Id), name, recommendation.Title);
    }

    [Fact]
    public async Task The_pdf_carries_the_kind_client_date_attendees_agenda_minutes_and_decisions()
    {
        var (admin, meeting, name, recommendation) = await HeldMeetingAsync();

        var response = await admin.GetAsync($"/reports/meetings/{meeting.Id}?format=pdf");
        var text = await admin.ReportPdfTextAsync($"/reports/meetings/{meeting.Id}?format=pdf");

        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("AGENDAANDMINUTES", text);
        Assert.Contains(ReportData.Squeeze($"Client strategy meeting with {name}"), text);
        Assert.Contains("12Nov2026", text);
        Assert.Contains("14:30UTC", text);
        Assert.Contains("RosaDelgado", text);
        Assert.Contains(ReportData.Squeeze(meeting.Agenda[0].Title), text);
        Assert.Contains("Wewalkedthroughtheroadmap.", text);
        Assert.Contains("Replacetherouterthisquarter.", text);
        Assert.Contains(ReportData.Squeeze(recommendation), text);
        Assert.Contains("approved(nowapproved)", text);
    }

    [Fact]
    public async Task Anyone_signed_in_reads_it_the_meeting_page_links_it_and_anonymous_is_sent_to_sign_in()
    {
        var (admin, meeting, name, _) = await HeldMeetingAsync();
        var reader = await factory.SignedInAsAsync("ReadOnly");

        var html = await reader.ReportHtmlAsync($"/reports/meetings/{meeting.Id}");
        var page = await (await factory.NoRedirects(reader).GetAsync($"/meetings/{meeting.Id}")).ExpectAsync(HttpStatusCode.OK);
        var anonymous = await factory.Anonymous().GetAsync($"/reports/meetings/{meeting.Id}");

        Assert.Contains($"Client strategy meeting with {name}", html);
        Assert.Contains("Budget agreed.", html);
        Assert.Contains($"/reports/meetings/{meeting.Id}?format=pdf", page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location?.ToString());
        await (await admin.GetAsync($"/reports/meetings/{Guid.NewGuid()}")).ExpectAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/reports/meetings/{meeting.Id}?format=doc")).ExpectAsync(HttpStatusCode.BadRequest);
    }
}
