using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Handoffs;

/// <summary>The home page lists the open hand-offs a person owns, whatever their role, and hides the list when there are none.</summary>
public sealed class MyHandoffsHomeTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_home_page_lists_the_open_hand_offs_you_own()
    {
        var admin = await factory.AdminAsync();
        var (desk, deskUser) = await factory.UserAsync("ServiceDesk", "Dee Desk");
        var (other, _) = await factory.UserAsync("ServiceDesk");
        var client = await admin.CreateClientAsync();
        var mine = await admin.CreateHandoffAsync(client.Id, ownerUserId: deskUser.Id);
        var done = await admin.CreateHandoffAsync(client.Id, ownerUserId: deskUser.Id);
        await (await desk.PatchAsync($"/api/v1/handoffs/{done.Id}", System.Net.Http.Json.JsonContent.Create(new { status = "Done" })))
            .ExpectAsync(HttpStatusCode.OK);
        var unowned = await admin.CreateHandoffAsync(client.Id);

        var home = await (await desk.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);
        var otherHome = await (await other.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Hand-offs you own", home);
        Assert.Contains($"/handoffs/{mine.Id}", home);
        Assert.DoesNotContain($"/handoffs/{done.Id}", home);
        Assert.DoesNotContain($"/handoffs/{unowned.Id}", home);
        Assert.DoesNotContain("Hand-offs you own", otherHome);
    }
}
