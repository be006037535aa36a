using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

public sealed class CommonPasswordTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<HttpResponseMessage> CreateUserAsync(string password)
    {
        var admin = await factory.AdminAsync();
        return await admin.PostAsJsonAsync("/api/v1/users",
            new { email = $"tam-{Guid.NewGuid():N}@provider.test", name = "Terry Tam", password, roles = new[] { "Tam" } });
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("September2026!")]
    [InlineData("qwertyuiop123")]
    public async Task A_common_password_is_refused_with_a_clear_message(string password)
    {
        var problem = await (await CreateUserAsync(password)).ValidationProblemAsync("password");

        Assert.Contains(CommonPasswordValidator.CommonMessage, problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("abcdefghijklm")]
    [InlineData("zyxwvutsrqpo")]
    public async Task A_repeated_character_or_plain_sequence_is_refused(string password)
    {
        var problem = await (await CreateUserAsync(password)).ValidationProblemAsync("password");

        // Identity's own rule (four different characters) may refuse a repeated character too; ours must be among the reasons.
        Assert.Contains(CommonPasswordValidator.PatternMessage, problem.GetProperty("errors").GetProperty("password").EnumerateArray()
            .Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_phrase_of_unrelated_words_is_accepted()
    {
        await (await CreateUserAsync("violet tractor under the pier")).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_admin_cannot_reset_a_password_to_a_common_one()
    {
        var (_, user) = await factory.UserAsync("Tam");
        var admin = await factory.AdminAsync();

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}",
            new { name = user.Name, roles = new[] { "Tam" }, password = "password1234" });

        await response.ValidationProblemAsync("password");
    }

    [Fact]
    public async Task I_cannot_change_my_own_password_to_a_common_one()
    {
        var (_, user) = await factory.UserAsync("Tam");
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);

        var response = await browser.SubmitAsync("/account", "/account",
            new() { ["Password.Current"] = PlumblineFactory.Password, ["Password.New"] = "Password1234" }, "password");

        Assert.Contains(CommonPasswordValidator.CommonMessage, await response.ExpectAsync(HttpStatusCode.OK));
        await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = PlumblineFactory.Password }))
            .ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task First_run_setup_refuses_a_common_admin_password()
    {
        await using var app = factory.NewInstance();

        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/setup",
            new { providerName = "Northwind IT Partners", adminEmail = "first@provider.test", adminPassword = "welcome12345", adminName = "Alex Admin" });

        await response.ValidationProblemAsync("adminPassword");
    }

    [Theory]
    [InlineData("correct horse battery staple", false)]
    [InlineData("1357913579135", false)]
    [InlineData("7890123456", true)]
    [InlineData("9876543210", true)]
    [InlineData("aaaaaaaaaaaa", true)]
    public void The_pattern_rule_spots_only_plain_runs(string password, bool pattern) =>
        Assert.Equal(pattern, CommonPasswordValidator.IsPattern(password));
}
