using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Clients;

/// <summary>The client list: search, paging, sorting and filters.</summary>
public abstract class ClientListTests(PlumblineFactory factory)
{
    [Fact]
    public async Task The_list_searches_names_case_insensitively_and_pages()
    {
        var admin = await factory.AdminAsync();
        var tag = $"Srch{Guid.NewGuid():N}"[..12];
        foreach (var name in new[] { "Alpha", "bravo", "Charlie", "delta", "Echo" })
            await admin.CreateClientAsync(new { name = $"{tag} {name}" });

        var page1 = await (await admin.GetAsync($"/api/v1/clients?q={tag.ToUpperInvariant()}&pageSize=2")).ReadAsync<Paged<ClientDetails>>();
        var page3 = await (await admin.GetAsync($"/api/v1/clients?q={tag.ToLowerInvariant()}&pageSize=2&page=3")).ReadAsync<Paged<ClientDetails>>();
        var one = await (await admin.GetAsync($"/api/v1/clients?q={tag}%20CHAR")).ReadAsync<Paged<ClientDetails>>();

        Assert.Equal((1, 2, 5), (page1.Page, page1.PageSize, page1.Total));
        Assert.Equal([$"{tag} Alpha", $"{tag} bravo"], page1.Items.Select(c => c.Name));
        Assert.Equal([$"{tag} Echo"], page3.Items.Select(c => c.Name));
        Assert.Equal($"{tag} Charlie", Assert.Single(one.Items).Name);
    }

    [Theory]
    [InlineData("/api/v1/clients?page=2147483647")]
    [InlineData("/api/v1/clients?page=2147483647&pageSize=500")]
    [InlineData("/api/v1/clients?page=4294968&pageSize=500")]
    [InlineData("/api/v1/reviews?page=2147483647")]
    [InlineData("/api/v1/clients/{client}/findings?status=all&page=2147483647")]
    public async Task A_page_far_past_the_end_is_empty(string path)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, ((await admin.CreateStandardAsync()).Id, "No"));

        var page = await (await admin.GetAsync(path.Replace("{client}", client.Id.ToString()))).ReadJsonAsync();

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.True(page.GetProperty("total").GetInt32() > 0);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Wildcards_in_the_search_are_literal(string wildcard)
    {
        var admin = await factory.AdminAsync();
        var tag = $"Wild{Guid.NewGuid():N}"[..12];
        await admin.CreateClientAsync(new { name = $"{tag} 100{wildcard} Managed" });
        await admin.CreateClientAsync(new { name = $"{tag} 1000 Managed" });

        var found = await (await admin.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString($"{tag} 100{wildcard}")}")).ReadAsync<Paged<ClientDetails>>();

        Assert.Equal($"{tag} 100{wildcard} Managed", Assert.Single(found.Items).Name);
    }

    [Fact]
    public async Task The_list_sorts_by_name_mrr_and_seats_and_filters_by_status()
    {
        var admin = await factory.AdminAsync();
        var tag = $"Sort{Guid.NewGuid():N}"[..12];
        await admin.CreateClientAsync(new { name = $"{tag} A", mrr = 900.5m, seats = 30, status = "Active" });
        await admin.CreateClientAsync(new { name = $"{tag} B", mrr = 10000, seats = 5, status = "Inactive" });
        await admin.CreateClientAsync(new { name = $"{tag} C", mrr = 2000, seats = 12, status = "Active" });

        async Task<string[]> Names(string query) =>
            (await (await admin.GetAsync($"/api/v1/clients?q={tag}&{query}")).ReadAsync<Paged<ClientDetails>>()).Items.Select(c => c.Name[^1..]).ToArray();

        Assert.Equal(["A", "B", "C"], await Names("sort=name"));
        Assert.Equal(["C", "B", "A"], await Names("sort=-name"));
        Assert.Equal(["A", "C", "B"], await Names("sort=mrr"));
        Assert.Equal(["B", "C", "A"], await Names("sort=-mrr"));
        Assert.Equal(["B", "C", "A"], await Names("sort=seats"));
        Assert.Equal(["A", "C", "B"], await Names("sort=-seats"));
        Assert.Equal(["A", "C"], await Names("status=Active"));
        Assert.Equal(["B"], await Names("status=inactive"));
        Assert.Empty(await Names("status=Onboarding"));
    }

    [Theory]
    [InlineData("status=Dormant")]
    [InlineData("status=1")]
    [InlineData("status=Active,Inactive")]
    [InlineData("page=abc")]
    [InlineData("pageSize=lots")]
    public async Task A_bad_list_filter_is_a_bad_request(string query)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync($"/api/v1/clients?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class ClientListOnSqlite(SqliteFactory factory) : ClientListTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientListOnPostgres(PostgresFactory factory) : ClientListTests(factory), IClassFixture<PostgresFactory>;
