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
        Assert.StartsWith("/handoffs?area=CentralizedServices&done=", response.Headers.Location?.OriginalString);
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

    [Fact]
    public async Task Take_it_is_not_offered_on_a_hand_off_someone_else_owns_and_the_owner_picker_lists_only_the_areas_people()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var (_, owner) = await factory.UserAsync("ServiceDesk", LibraryData.UniqueName("Olive Owner"));
        var (desk, _) = await factory.UserAsync("ServiceDesk");
        var (_, tam) = await factory.UserAsync("Tam", LibraryData.UniqueName("Tom Tam"));
        var owned = await admin.CreateHandoffAsync(client.Id, "ServiceDesk", ownerUserId: owner.Id);
        var free = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");

        var ownedPage = await (await desk.GetAsync($"/handoffs/{owned.Id}")).ExpectAsync(HttpStatusCode.OK);
        var freePage = await (await desk.GetAsync($"/handoffs/{free.Id}")).ExpectAsync(HttpStatusCode.OK);
        var queue = await (await desk.GetAsync($"/handoffs?clientId={client.Id}")).ExpectAsync(HttpStatusCode.OK);
        var adminPage = await (await admin.GetAsync($"/handoffs/{free.Id}")).ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain("Take it", ownedPage);
        Assert.Contains($"{owner.Name} owns this hand-off", ownedPage);
        Assert.Contains("Take it", freePage);
        Assert.Single(TakeButtons().Matches(queue));
        var picker = OwnerPicker().Match(adminPage).Value;
        Assert.Contains(owner.Name, picker);
        Assert.DoesNotContain(tam.Name, picker);
    }

    [Fact]
    public async Task Working_a_hand_off_from_a_page_says_what_was_done()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var (tam, _) = await factory.UserAsync("Tam", "Tia Creator");
        var handoff = await tam.CreateHandoffAsync(client.Id, "ServiceDesk");
        var (desk, _) = await factory.UserAsync("ServiceDesk");

        var response = await PostFormAsync(desk, $"/handoffs/{handoff.Id}", $"/handoffs/{handoff.Id}/work",
            new() { ["Action"] = "status", ["Status"] = "Done" });

        var back = response.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith($"/handoffs/{handoff.Id}?done=", back);
        var page = await (await desk.GetAsync(back)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"\"{handoff.Title}\" is done. Tia Creator has been told.", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task The_new_hand_off_form_warns_of_a_similar_open_one_and_creates_it_only_when_confirmed()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var title = LibraryData.UniqueName("Renew the firewall licence");
        var existing = await admin.CreateHandoffAsync(client.Id, "Vcio", title: title);
        var page = $"/handoffs/new?clientId={client.Id}&area=ServiceDesk";
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "new-handoff",
            ["Form.ClientId"] = client.Id.ToString(),
            ["Form.Area"] = "ServiceDesk",
            ["Form.Title"] = title + ".",
            ["Form.Priority"] = "High",
            ["Form.PsaTicket"] = "T-991",
        };

        var warned = await (await PostFormAsync(admin, page, page, fields)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("possible-duplicate", warned);
        Assert.Contains($"href=\"/handoffs/{existing.Id}\"", warned);
        Assert.Single((await admin.ListHandoffsAsync($"clientId={client.Id}")).Items);

        fields["Form.ConfirmDuplicate"] = "true";
        var created = await PostFormAsync(admin, page, page, fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var second = (await admin.ListHandoffsAsync($"clientId={client.Id}&sort=-created")).Items[0];
        Assert.Equal((HandoffArea.ServiceDesk, Plumbline.Features.Standards.Priority.High, "T-991"), (second.Area, second.Priority, second.PsaTicket));
    }

    [GeneratedRegex("value=\"take\"")]
    private static partial Regex TakeButtons();

    [GeneratedRegex("<select id=\"owner\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex OwnerPicker();

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
