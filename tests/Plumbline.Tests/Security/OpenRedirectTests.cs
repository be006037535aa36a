using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>The query-string cleaner redirects to the same path; a path that looks like another site must stay on ours.</summary>
public sealed class OpenRedirectTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("//evil.example/?page=abc")]
    [InlineData("/%2F/evil.example/?page=abc")]
    [InlineData("/\\evil.example/?page=abc")]
    [InlineData("///evil.example/?page=abc")]
    public async Task A_cleaned_query_never_redirects_to_another_site(string address)
    {
        await factory.AdminAsync();

        // An absolute address, so the client sends the path as it is instead of reading "//host" as another host.
        var response = await factory.Anonymous().GetAsync(new Uri("http://localhost" + address));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        {
            var location = response.Headers.Location!.OriginalString;
            Assert.StartsWith("/", location);
            Assert.False(location.StartsWith("//") || location.StartsWith("/\\"), $"{address} redirected to {location}");
        }
    }

    [Fact]
    public void A_local_path_keeps_one_leading_slash() =>
        Assert.Equal("/evil.example/", Plumbline.Infrastructure.PageQueryCleaner.LocalPath("//\\//evil.example/"));
}
