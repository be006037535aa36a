using System.Net;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

/// <summary>Every action on a page says what it did (issue 13: "adding a user shows nothing").</summary>
public sealed class ConfirmationTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Adding_a_user_says_who_was_added()
    {
        var admin = await factory.AdminAsync();
        var name = LibraryData.UniqueName("Jane Doe");
        var email = $"{Guid.NewGuid():N}@provider.test";

        var response = await factory.PostFormAsync(admin, "/users/new", "/users/new", new()
        {
            ["_handler"] = "user",
            ["Form.Name"] = name,
            ["Form.Email"] = email,
            ["Form.Roles"] = "Tam",
            ["Form.Password"] = PlumblineFactory.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await admin.GetAsync(response.Headers.Location!.OriginalString)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"User {name} added.", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Adding_and_changing_a_client_say_so_with_its_name()
    {
        var admin = await factory.AdminAsync();
        var name = LibraryData.UniqueName("Contoso");

        var added = await factory.PostFormAsync(admin, "/clients/new", "/clients/new", new()
        {
            ["_handler"] = "client",
            ["Form.Name"] = name,
            ["Form.Status"] = "Active",
            ["Form.Mrr"] = "4000",
            ["Form.Seats"] = "20",
            ["Form.FiscalYearStartMonth"] = "1",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await (await admin.GetAsync(added.Headers.Location!.OriginalString)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"Client {name} added.", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public void A_done_message_replaces_the_last_one_and_keeps_the_rest_of_the_address()
    {
        Assert.Equal("/handoffs?area=Vcio&done=Note%20added.#notes", DoneMessage.AddTo("/handoffs?area=Vcio&done=Old#notes", "Note added."));
        Assert.Equal("/users?done=User%20Jane%20added.", DoneMessage.AddTo("/users", "User Jane added."));
    }
}
