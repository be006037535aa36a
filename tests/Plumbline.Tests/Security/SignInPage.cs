using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

public static class SignInPage
{
    /// <summary>Fills in and posts the sign-in form; returns the page it answers with (a failed attempt stays on the page).</summary>
    public static async Task<string> TryAsync(CookieBrowser browser, string email, string password)
    {
        var response = await browser.SubmitAsync("/account/sign-in", "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        return await response.ExpectAsync(HttpStatusCode.OK);
    }
}
