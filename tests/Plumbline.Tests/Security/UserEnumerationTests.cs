using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>An unknown e-mail, a wrong password and a locked account answer alike, so nobody can learn which e-mails have accounts.</summary>
public sealed class UserEnumerationTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<string> LockedUserAsync()
    {
        var (_, user) = await factory.UserAsync("Tam");
        for (var attempt = 1; attempt <= 5; attempt++)
            await (await TokenAsync(user.Email, $"wrong guess {attempt}")).ProblemAsync(HttpStatusCode.Unauthorized);
        return user.Email;
    }

    private Task<HttpResponseMessage> TokenAsync(string email, string password) =>
        factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    [Fact]
    public async Task The_token_api_answers_unknown_wrong_and_locked_the_same_way()
    {
        var (_, user) = await factory.UserAsync("Tam");
        var locked = await LockedUserAsync();

        var answers = new[]
        {
            await TokenAsync($"nobody-{Guid.NewGuid():N}@provider.test", PlumblineFactory.Password),
            await TokenAsync(user.Email, "not the password at all"),
            await TokenAsync(locked, PlumblineFactory.Password),
        };

        foreach (var answer in answers)
        {
            var problem = await answer.ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("Sign-in failed", problem.GetProperty("title").GetString());
            Assert.Equal(SignInCheck.Failed, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task The_sign_in_page_answers_unknown_wrong_and_locked_the_same_way()
    {
        var (_, user) = await factory.UserAsync("Tam");
        var locked = await LockedUserAsync();
        var browser = new CookieBrowser(factory);

        var pages = new[]
        {
            await SignInPage.TryAsync(browser, $"nobody-{Guid.NewGuid():N}@provider.test", PlumblineFactory.Password),
            await SignInPage.TryAsync(browser, user.Email, "not the password at all"),
            await SignInPage.TryAsync(browser, locked, PlumblineFactory.Password),
        };

        foreach (var page in pages)
        {
            Assert.Contains(SignInCheck.Failed, page);
            Assert.DoesNotContain("15 minutes", page);
        }
        Assert.False(browser.HasSignInCookie);
    }

    [Fact]
    public async Task The_right_password_still_signs_in_on_the_page()
    {
        var (_, user) = await factory.UserAsync("Tam");

        var browser = await CookieBrowser.SignInAsync(factory, user.Email);

        Assert.True(await browser.IsSignedInAsync());
    }
}
