using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>Each test runs its own instance, because the limits are counted per app instance.</summary>
public sealed class SignInLimitTests
{
    private static PlumblineFactory Instance(int perIp, int perAccount) => new(settings: new Dictionary<string, string?>
    {
        ["Security:SignInLimits:PerIpPerMinute"] = perIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:SignInLimits:PerAccountPerMinute"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static Task<HttpResponseMessage> TokenAsync(PlumblineFactory app, string email) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not the password at all" });

    [Fact]
    public async Task The_token_api_answers_429_with_retry_after_once_one_account_is_over_its_limit()
    {
        await using var app = Instance(perIp: 100, perAccount: 3);
        await app.AdminAsync();
        var email = $"target-{Guid.NewGuid():N}@provider.test";

        for (var attempt = 1; attempt <= 3; attempt++) await (await TokenAsync(app, email)).ProblemAsync(HttpStatusCode.Unauthorized);
        var limited = await TokenAsync(app, email);

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(SignInThrottle.Message, problem.GetProperty("detail").GetString());
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        // The same e-mail in other letter case and with spaces is the same account.
        await (await TokenAsync(app, $"  {email.ToUpperInvariant()} ")).ProblemAsync(HttpStatusCode.TooManyRequests);
        // Another account is not affected.
        await (await TokenAsync(app, $"other-{Guid.NewGuid():N}@provider.test")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task One_client_address_is_limited_across_different_accounts()
    {
        await using var app = Instance(perIp: 3, perAccount: 100);
        await app.AdminAsync(); // one attempt: the admin's token

        for (var attempt = 1; attempt <= 2; attempt++)
            await (await TokenAsync(app, $"guess-{attempt}@provider.test")).ProblemAsync(HttpStatusCode.Unauthorized);

        await (await TokenAsync(app, "guess-3@provider.test")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task The_sign_in_page_shows_a_readable_message_and_only_its_posts_count()
    {
        await using var app = Instance(perIp: 3, perAccount: 2);
        await app.AdminAsync();
        var browser = new CookieBrowser(app);
        var email = $"target-{Guid.NewGuid():N}@provider.test";
        for (var look = 0; look < 5; look++) await (await browser.GetAsync("/account/sign-in")).ExpectAsync(HttpStatusCode.OK);

        var first = await SignInPage.TryAsync(browser, email, "not the password at all");
        var second = await SignInPage.TryAsync(browser, email, "not the password at all");
        var third = await SignInPage.TryAsync(browser, email, PlumblineFactory.Password);

        Assert.Contains(SignInCheck.Failed, first);
        Assert.Contains(SignInCheck.Failed, second);
        Assert.Contains(SignInThrottle.Message, third);
        Assert.DoesNotContain(SignInCheck.Failed, third);
    }
}
