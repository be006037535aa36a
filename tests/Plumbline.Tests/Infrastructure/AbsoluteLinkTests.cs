using System.Net;
using Microsoft.AspNetCore.Http;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

/// <summary>
/// No link the app hands out is built from the request's Host header, which the caller writes: pages link to themselves
/// by path, and the sign-in redirect is a path. (Links that leave the app, in feeds, e-mails, webhooks and the OpenAPI
/// document, come from App:PublicUrl; their own tests send a foreign Host too.)
/// </summary>
public sealed class AbsoluteLinkTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string ForeignHost = "attacker.test";

    [Fact]
    public async Task The_way_to_the_sign_in_page_is_a_path_whatever_the_host_header_says()
    {
        // Set up, so the page asks for a sign-in rather than for first-run setup.
        await factory.AdminAsync();
        var browser = new CookieBrowser(factory);
        var request = new HttpRequestMessage(HttpMethod.Get, "/clients?sort=name");
        request.Headers.Host = ForeignHost;

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("http://attacker.test/account/sign-in?ReturnUrl=%2Fclients", "/account/sign-in?ReturnUrl=%2Fclients")]
    [InlineData("http://attacker.test/clients/1#notes", "/clients/1#notes")]
    [InlineData("http://attacker.test", "/")]
    [InlineData("http://attacker.test//evil.example/path", "http://attacker.test//evil.example/path")]
    [InlineData("https://attacker.test/clients", "https://attacker.test/clients")]
    [InlineData("https://login.example/authorize?client_id=x", "https://login.example/authorize?client_id=x")]
    [InlineData("/clients", "/clients")]
    public void A_redirect_to_this_same_host_keeps_only_its_path_and_nothing_else_changes(string location, string expected)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString(ForeignHost);

        Assert.Equal(expected, ProxyHeaders.LocalRedirect(request, location));
    }

    [Theory]
    [InlineData("/clients?sort=name")]
    [InlineData("/reviews?mine=1")]
    [InlineData("/handoffs")]
    [InlineData("/users")]
    [InlineData("/library")]
    [InlineData("/smart-numbers")]
    public async Task Sorting_paging_and_filter_links_on_a_page_are_paths_not_the_callers_host(string page)
    {
        await factory.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Host = ForeignHost;

        var html = await (await admin.SendAsync(request)).ExpectAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(ForeignHost, html);
    }
}
