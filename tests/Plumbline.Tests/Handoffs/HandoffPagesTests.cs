using System.Net;
using System.Text.RegularExpressions;
using Plumbline.Features.Handoffs;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Handoffs;

/// <summary>The hand-off pages over HTTP: what each role sees, the form posts and their role rules, prefilled sources.</summary>
public sealed partial class HandoffPagesTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_service_desk_sees_its_queue_with_take_it_and_a_reader_sees_it_without()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var handoff = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");
        var desk = await factory.SignedInAsAsync("ServiceDesk");
        var reader = await factory.SignedInAsAsync("ReadOnly");

        var deskPage = await (await desk.GetAsync($"/handoffs?area=ServiceDesk&q={Uri.EscapeDataString(handoff.Title)}")).ExpectAsync(HttpStatusCode.OK);
        var readerPage = await (await reader.GetAsync($"/handoffs?area=ServiceDesk&q={Uri.EscapeDataString(handoff.Title)}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Service desk queue", deskPage);
        Assert.Contains(handoff.Title, deskPage);
        Assert.Contains("Take it", deskPage);
        Assert.Contains(handoff.Title, readerPage);
        Assert.DoesNotContain("Take it", readerPage);
        Assert.DoesNotContain("New hand-off", readerPage);
    }

    [Fact]
    public async Task Taking_a_hand_off_from_the_queue_makes_you_its_owner_and_starts_it()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var handoff = await admin.CreateHandoffAsync(client.Id, "CentralizedServices");
        var (desk, deskUser) = await factory.UserAsync("ServiceDesk");

        var response = await PostFormAsync(desk, $"/handoffs/{handoff.Id}", $"/handoffs/{handoff.Id}/work",
            new() { ["Action"] = "take", ["ReturnUrl"] = "/handoffs?area=CentralizedServices" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/handoffs?area=CentralizedServices", response.Headers.Location?.OriginalString);
        var taken = await admin.GetHandoffAsync(handoff.Id);
        Assert.Equal((deskUser.Id, HandoffStatus.InProgress), (taken.OwnerUserId, taken.Status));
    }

    [Fact]
    public async Task A_post_from_someone_outside_the_area_changes_nothing_and_says_why()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var handoff = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");
        var design = await factory.SignedInAsAsync("DesignDesk");

        var response = await PostFormAsync(design, $"/handoffs/{handoff.Id}", $"/handoffs/{handoff.Id}/work",
            new() { ["Action"] = "status", ["Status"] = "Done", ["ReturnUrl"] = "https://elsewhere.example" });

        var back = response.Headers.Location?.OriginalString;
        Assert.StartsWith($"/handoffs/{handoff.Id}?problem=", back);
        Assert.Equal(HandoffStatus.Open, (await admin.GetHandoffAsync(handoff.Id)).Status);
        Assert.Contains("Service desk queue", await (await design.GetAsync(back)).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_new_hand_off_page_starts_from_the_review_answer_it_was_opened_from()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids);
        await admin.AnswerAsync(review.Id, library[0].Id, "No", "The UPS lasts three minutes.");
        var tam = await factory.SignedInAsAsync("Tam");

        var page = await (await tam.GetAsync($"/handoffs/new?reviewId={review.Id}&standardId={library[0].Id}&area=ServiceDesk")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(client.Name, page);
        Assert.Contains($"value=\"{library[0].Code}: ", page);
        Assert.Contains("The UPS lasts three minutes.", page);
        Assert.Matches("value=\"ServiceDesk\"[^>]*checked", page);
        var reviewPage = await (await tam.GetAsync($"/reviews/{review.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"/handoffs/new?reviewId={review.Id}&amp;standardId={library[0].Id}", reviewPage);
    }

    [Fact]
    public async Task The_client_page_lists_the_clients_open_hand_offs_and_links_to_all_of_them()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var open = await admin.CreateHandoffAsync(client.Id, "Vcio");
        var done = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");
        await (await admin.PatchHandoffAsync(done.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);

        var page = await (await admin.GetAsync($"/clients/{client.Id}")).ExpectAsync(HttpStatusCode.OK);
        var all = await (await admin.GetAsync($"/handoffs?clientId={client.Id}&status=all")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(open.Title, page);
        Assert.DoesNotContain(done.Title, page);
        Assert.Matches($"/handoffs\\?clientId={client.Id}&(amp;)?status=all", page);
        Assert.Contains(open.Title, all);
        Assert.Contains(done.Title, all);
        Assert.Contains("2 hand-offs in all for one client", all);
    }

    [Fact]
    public async Task A_reader_cannot_open_the_new_hand_off_page_and_a_mangled_link_is_cleaned_not_a_500()
    {
        var reader = await factory.SignedInAsAsync("ReadOnly");
        var admin = await factory.AdminAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/handoffs/new")).StatusCode);
        var mangled = await factory.NoRedirects(admin).GetAsync("/handoffs/new?reviewId=not-a-guid&area=ServiceDesk");
        Assert.Equal(HttpStatusCode.Redirect, mangled.StatusCode);
        Assert.Equal("/handoffs/new?area=ServiceDesk", mangled.Headers.Location?.OriginalString);
    }

    /// <summary>Opens the page for its antiforgery token (cookie and field), then posts the form as a browser would; the redirect is returned, not
    /// followed.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(HttpClient signedInClient, string pagePath, string action, Dictionary<string, string> fields)
    {
        var signedIn = factory.NoRedirects(signedInClient);
        var page = await (await signedIn.GetAsync(pagePath)).ExpectAsync(HttpStatusCode.OK);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        return await signedIn.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
