using System.Net;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>
/// A feed's address is its only key: it is shown only to the TAM whose visits it lists and to admins, and it is built
/// from the configured public address, never from a Host header the caller chose.
/// </summary>
public sealed class CalendarFeedAddressTests() : IAsyncLifetime
{
    private readonly PlumblineFactory _instance = new(settings: new Dictionary<string, string?> { ["App:PublicUrl"] = "https://plumbline.example.com/msp" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _instance.DisposeAsync();

    [Fact]
    public async Task Feed_addresses_come_from_the_public_url_whatever_the_host_header_says()
    {
        var admin = await _instance.AdminAsync();
        var (tamApi, tam) = await _instance.UserAsync("Tam");
        admin.DefaultRequestHeaders.Host = "evil.example";

        var feed = await (await admin.PostAsync($"/api/v1/users/{tam.Id}/calendar-feed", null)).ReadAsync<CalendarFeedDetails>();

        Assert.StartsWith("https://plumbline.example.com/msp/calendar/", feed.Url);
        Assert.Equal(feed.Url, (await (await tamApi.GetAsync($"/api/v1/users/{tam.Id}/calendar-feed")).ReadAsync<CalendarFeedDetails>()).Url);
    }

    [Fact]
    public async Task Colleagues_do_not_see_a_tams_or_a_clients_feed_address()
    {
        var admin = await _instance.AdminAsync();
        var (tamApi, tam) = await _instance.UserAsync("Tam");
        var otherTam = await _instance.SignedInAsAsync("Tam");
        var vcio = await _instance.SignedInAsAsync("Vcio");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        await (await admin.PostAsync($"/api/v1/users/{tam.Id}/calendar-feed", null)).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/clients/{client.Id}/calendar-feed", null)).ExpectAsync(HttpStatusCode.OK);

        foreach (var colleague in new[] { otherTam, vcio })
        {
            await (await colleague.GetAsync($"/api/v1/users/{tam.Id}/calendar-feed")).ProblemAsync(HttpStatusCode.Forbidden);
            await (await colleague.GetAsync($"/api/v1/clients/{client.Id}/calendar-feed")).ProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await otherTam.PostAsync($"/api/v1/clients/{client.Id}/calendar-feed", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tamApi.GetAsync($"/api/v1/clients/{client.Id}/calendar-feed")).ExpectAsync(HttpStatusCode.OK);
        var page = await (await _instance.NoRedirects(vcio).GetAsync($"/schedule/tams/{tam.Id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("/calendar/", page);
    }
}
