using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Search;

/// <summary>The header search finds clients, reviews, recommendations and standards, grouped, with links (issue 13).</summary>
public abstract class SearchPageTests(PlumblineFactory factory)
{
    [Fact]
    public async Task The_header_search_finds_clients_reviews_recommendations_and_standards_in_groups()
    {
        var admin = await factory.AdminAsync();
        var tag = $"Zq{Guid.NewGuid():N}"[..10];
        var client = await admin.CreateClientAsync(new { name = $"Harbor {tag} Freight", mrr = 4000, seats = 10 });
        var standard = await admin.CreateStandardAsync(new NewStandard((await admin.CreateCategoryAsync()).Id) { Title = $"Backups {tag}" });
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id]);
        var recommendation = await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations", new { title = "Replace the NAS" }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var reader = await factory.SignedInAsAsync("ReadOnly");

        var page = await (await reader.GetAsync($"/search?q={tag.ToLowerInvariant()}")).ExpectAsync(HttpStatusCode.OK);
        var layout = await (await reader.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("action=\"/search\"", layout);
        Assert.Contains("id=\"results-clients\"", page);
        Assert.Contains($"href=\"/clients/{client.Id}\"", page);
        Assert.Contains("id=\"results-reviews\"", page);
        Assert.Contains($"href=\"/reviews/{review.Id}\"", page);
        Assert.Contains("id=\"results-recommendations\"", page);
        Assert.Contains($"href=\"/recommendations/{recommendation.GetProperty("id").GetGuid()}\"", page);
        Assert.Contains("id=\"results-standards\"", page);
        Assert.Contains($"href=\"/library/standards/{standard.Id}\"", page);
        Assert.Contains("4 results", page);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_and_an_empty_one_says_what_to_type()
    {
        var reader = await factory.SignedInAsAsync("ServiceDesk");

        var nothing = await (await reader.GetAsync($"/search?q=nothing-{Guid.NewGuid():N}")).ExpectAsync(HttpStatusCode.OK);
        var empty = await (await reader.GetAsync("/search")).ExpectAsync(HttpStatusCode.OK);
        var anonymous = await factory.Anonymous().GetAsync("/search?q=acme");

        Assert.Contains("id=\"search-empty\"", nothing);
        Assert.Contains("What are you looking for?", empty);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}

public sealed class SearchPageOnSqlite(SqliteFactory factory) : SearchPageTests(factory), IClassFixture<SqliteFactory>;

public sealed class SearchPageOnPostgres(PostgresFactory factory) : SearchPageTests(factory), IClassFixture<PostgresFactory>;
