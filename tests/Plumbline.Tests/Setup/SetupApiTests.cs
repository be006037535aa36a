using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Setup;

/// <summary>Every test runs on an instance of its own: setup is allowed only once per instance.</summary>
public sealed class SetupApiTests
{
    private static object Setup(string providerName = "Northwind IT Partners", string adminEmail = "owner@northwind.test",
        string adminPassword = "correct horse battery staple") => new { providerName, adminEmail, adminPassword };

    [Fact]
    public async Task Setup_creates_the_first_admin_once_and_then_answers_conflict()
    {
        await using var instance = new PlumblineFactory();
        var client = instance.CreateClient();

        var first = await client.PostAsJsonAsync("/api/v1/setup", Setup());
        var second = await client.PostAsJsonAsync("/api/v1/setup", Setup(adminEmail: "intruder@elsewhere.test"));

        await first.ExpectAsync(HttpStatusCode.Created);
        await second.ProblemAsync(HttpStatusCode.Conflict);
        var token = await instance.TokenAsync("owner@northwind.test", "correct horse battery staple");
        var me = await instance.WithToken(token).GetAsync("/api/v1/users");
        var users = await me.ReadJsonAsync();
        Assert.Equal(1, users.GetProperty("total").GetInt32());
        Assert.Equal(["Admin"], users.GetProperty("items")[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Of_two_setups_at_the_same_moment_exactly_one_succeeds_and_one_admin_exists()
    {
        await using var instance = new PlumblineFactory();
        var client = instance.CreateClient();

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync("/api/v1/setup", Setup(adminEmail: "first@northwind.test")),
            client.PostAsJsonAsync("/api/v1/setup", Setup(adminEmail: "second@northwind.test")));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.Created ? "first@northwind.test" : "second@northwind.test";
        var token = await instance.TokenAsync(winner, "correct horse battery staple");
        var users = await (await instance.WithToken(token).GetAsync("/api/v1/users")).ReadJsonAsync();
        Assert.Equal(1, users.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("", "owner@northwind.test", "correct horse battery staple", "providerName")]
    [InlineData("Northwind IT Partners", "not-an-email", "correct horse battery staple", "adminEmail")]
    [InlineData("Northwind IT Partners", "owner@northwind.test", "short", "adminPassword")]
    [InlineData("Northwind IT Partners", "owner@northwind.test", "", "adminPassword")]
    public async Task Setup_with_a_missing_or_bad_field_names_the_field_and_creates_nobody(string provider, string email, string password, string field)
    {
        await using var instance = new PlumblineFactory();
        var client = instance.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/setup", Setup(provider, email, password));

        await response.ValidationProblemAsync(field);
        await (await client.PostAsJsonAsync("/api/v1/setup", Setup())).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_provider_name_longer_than_200_characters_is_refused()
    {
        await using var instance = new PlumblineFactory();

        var response = await instance.CreateClient().PostAsJsonAsync("/api/v1/setup", Setup(providerName: new string('N', 201)));

        await response.ValidationProblemAsync("providerName");
    }

    [Fact]
    public async Task An_admin_name_longer_than_200_characters_is_refused()
    {
        await using var instance = new PlumblineFactory();

        var response = await instance.CreateClient().PostAsJsonAsync("/api/v1/setup", new
        {
            providerName = "Northwind IT Partners",
            adminEmail = "owner@northwind.test",
            adminPassword = "correct horse battery staple",
            adminName = new string('a', 201),
        });

        await response.ValidationProblemAsync("adminName");
    }

    [Fact]
    public async Task Setup_with_an_empty_body_is_a_bad_request()
    {
        await using var instance = new PlumblineFactory();

        var response = await instance.CreateClient().PostRawAsync("/api/v1/setup", "");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
