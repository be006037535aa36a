using System.Net;
using System.Text.RegularExpressions;
using OtpNet;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

/// <summary>
/// A person's authenticator app, played by Otp.NET (an implementation independent of Identity's): it reads the key the
/// set-up page shows, as a person types it in, and makes the codes.
/// </summary>
public static partial class TwoFactorSteps
{
    public sealed record Enrolment(string Key, IReadOnlyList<string> RecoveryCodes);

    public static string Code(string key, int stepsFromNow = 0) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
            .ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsFromNow));

    /// <summary>A code that is none of the ones Identity accepts around now.</summary>
    public static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Code(key, step)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => ((i * 7919 + 123457) % 1_000_000).ToString("D6")).First(c => !near.Contains(c));
    }

    public static async Task<string> KeyOnPageAsync(CookieBrowser browser)
    {
        var page = await (await browser.GetAsync(TwoFactor.EnrolPath)).ExpectAsync(HttpStatusCode.OK);
        var match = KeyPattern().Match(page);
        Assert.True(match.Success, "The set-up page shows no key: " + page);
        return match.Groups[1].Value;
    }

    /// <summary>Sets up two-factor sign-in through the page, confirming with a code from the app.</summary>
    public static async Task<Enrolment> EnrolAsync(CookieBrowser browser)
    {
        var key = await KeyOnPageAsync(browser);
        var response = await browser.SubmitAsync(TwoFactor.EnrolPath, TwoFactor.EnrolPath, new() { ["Enable.Code"] = Code(key) }, "enable");
        var page = await response.ExpectAsync(HttpStatusCode.OK);
        return new Enrolment(key, RecoveryCodes(page));
    }

    public static IReadOnlyList<string> RecoveryCodes(string page) =>
        [.. RecoveryCodePattern().Matches(page).Select(m => m.Groups[1].Value)];

    /// <summary>Posts the password; a user with two-factor sign-in on is sent to the code page.</summary>
    public static async Task<CookieBrowser> PasswordAsync(PlumblineFactory factory, string email)
    {
        var browser = new CookieBrowser(factory);
        var response = await browser.SubmitAsync("/account/sign-in", "/account/sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = PlumblineFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(PendingSignIn.CodePath, Target(response));
        return browser;
    }

    /// <summary>Posts the second step's form; a success redirects, a failure answers the page again.</summary>
    public static Task<HttpResponseMessage> EnterCodeAsync(CookieBrowser browser, string code, bool recovery = false)
    {
        var page = PendingSignIn.CodePath + (recovery ? "?recovery=true" : "");
        return browser.SubmitAsync(page, page, new() { ["Code.Value"] = code }, "code");
    }

    public static async Task<CookieBrowser> SignInAsync(PlumblineFactory factory, string email, string key)
    {
        var browser = await PasswordAsync(factory, email);
        var done = await EnterCodeAsync(browser, Code(key));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return browser;
    }

    /// <summary>Where a redirect goes, as a path and query (pages answer with absolute addresses).</summary>
    public static string Target(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode}: not a redirect.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("data-test=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCodePattern();
}
