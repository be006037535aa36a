using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>Names and titles are one line: a line break would split a CSV row, an e-mail subject or a log line.</summary>
public sealed class SingleLineNamesTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("Acme\r\nSet-Cookie: x=1")]
    [InlineData("Acme\nLtd")]
    [InlineData("Acme\tLtd")]
    public async Task A_client_name_with_a_line_break_is_refused_and_nothing_is_saved(string name)
    {
        var admin = await factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/clients", new { name, mrr = 1000, seats = 10 });

        var problem = await response.ValidationProblemAsync("name");
        Assert.Contains("one line", problem.ToString());
        var list = await (await admin.GetAsync("/api/v1/clients?q=Acme")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Set-Cookie", list);
    }

    [Fact]
    public async Task User_section_and_hand_off_names_are_one_line_too()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var user = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = $"x-{Guid.NewGuid():N}@provider.test", name = "Sam\nSmith", password = PlumblineFactory.Password, roles = new[] { "TAM" } });
        var section = await admin.PostAsJsonAsync("/api/v1/sections", new { name = "Net\r\nwork" });
        var handoff = await admin.PostAsJsonAsync("/api/v1/handoffs", new { area = "ServiceDesk", title = "Fix\nthis", clientId = client.Id });

        await user.ValidationProblemAsync("name");
        await section.ValidationProblemAsync("name");
        await handoff.ValidationProblemAsync("title");
    }
}
