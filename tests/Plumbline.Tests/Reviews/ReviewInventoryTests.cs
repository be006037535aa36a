using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>A standard about a kind of asset shows the client's assets of that kind, with their warranty state, on the review (issue 17).</summary>
public abstract class ReviewInventoryTests(PlumblineFactory factory)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Standard(Guid categoryId, string? assetKind) => new
    {
        code = LibraryData.UniqueCode(),
        categoryId,
        title = "Server warranty",
        question = "Is every server covered by the manufacturer's warranty?",
        whyWeAsk = "A server out of warranty waits days for parts when it fails, and the business waits with it.",
        howToCheck = "Read the warranty end of each server in the client's asset list.",
        references = new[] { new { authority = "CIS Controls v8", citation = "Safeguard 1.1: asset inventory", url = (string?)null } },
        priority = "High",
        kind = "Technology",
        status = "Active",
        assetKind,
    };

    [Fact]
    public async Task A_standard_keeps_its_asset_kind_until_an_update_clears_it()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();

        var created = await (await admin.PostAsJsonAsync("/api/v1/standards", Standard(category.Id, "server")))
            .ReadAsync<StandardDetails>(HttpStatusCode.Created);
        var kept = await (await admin.PutAsJsonAsync($"/api/v1/standards/{created.Id}", Standard(category.Id, null))).ReadAsync<StandardDetails>();
        var cleared = await (await admin.PutAsJsonAsync($"/api/v1/standards/{created.Id}", Standard(category.Id, ""))).ReadAsync<StandardDetails>();

        Assert.Equal((AssetKind?)AssetKind.Server, created.AssetKind);
        Assert.Equal((AssetKind?)AssetKind.Server, kept.AssetKind);
        Assert.Null(cleared.AssetKind);
        Assert.Null((await admin.GetStandardAsync(created.Id)).AssetKind);
        await (await admin.PostAsJsonAsync("/api/v1/standards", Standard(category.Id, "Toaster"))).ValidationProblemAsync("assetKind");
    }

    [Fact]
    public async Task The_standard_editor_sets_the_asset_kind()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var edit = $"/library/standards/{standard.Id}/edit";
        var fields = new Dictionary<string, string>
        {
            ["Form.Code"] = standard.Code,
            ["Form.CategoryId"] = standard.CategoryId.ToString(),
            ["Form.Title"] = standard.Title,
            ["Form.Question"] = standard.Question,
            ["Form.WhyWeAsk"] = standard.WhyWeAsk,
            ["Form.HowToCheck"] = standard.HowToCheck,
            ["Form.References[0].Authority"] = standard.References[0].Authority,
            ["Form.References[0].Citation"] = standard.References[0].Citation,
            ["Form.Priority"] = standard.Priority.ToString(),
            ["Form.Kind"] = standard.Kind.ToString(),
            ["Form.Status"] = standard.Status.ToString(),
            ["Form.AssetKind"] = "Printer",
        };

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(edit, edit, fields, "standard")).StatusCode);
        var html = await (await browser.GetAsync(edit)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((AssetKind?)AssetKind.Printer, (await admin.GetStandardAsync(standard.Id)).AssetKind);
        Assert.Contains("<option value=\"Printer\" selected", html);
        fields["Form.AssetKind"] = "none";
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(edit, edit, fields, "standard")).StatusCode);
        Assert.Null((await admin.GetStandardAsync(standard.Id)).AssetKind);
    }

    [Fact]
    public async Task The_review_shows_the_clients_assets_of_the_standards_kind_with_their_warranty_state()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var servers = await (await admin.PostAsJsonAsync("/api/v1/standards", Standard(category.Id, "Server")))
            .ReadAsync<StandardDetails>(HttpStatusCode.Created);
        var printers = await (await admin.PostAsJsonAsync("/api/v1/standards", Standard(category.Id, "Printer")))
            .ReadAsync<StandardDetails>(HttpStatusCode.Created);
        var plain = await admin.CreateStandardAsync(new NewStandard(category.Id));
        var client = await admin.CreateClientAsync();
        var assets = $"/api/v1/clients/{client.Id}/assets";
        foreach (var asset in new object[]
        {
            new { kind = "Server", name = "SRV-OLD", model = "PowerEdge T140", warrantyEndsOn = Today.AddDays(-10), endOfLifeOn = Today.AddDays(200) },
            new { kind = "Server", name = "SRV-SOON", model = "ProLiant ML30", warrantyEndsOn = Today.AddDays(30) },
            new { kind = "Server", name = "SRV-NEW", model = "ThinkSystem ST50", warrantyEndsOn = Today.AddDays(400) },
            new { kind = "Server", name = "SRV-WHO", model = "Whitebox" },
            new { kind = "Workstation", name = "PC-NOT-A-SERVER", warrantyEndsOn = Today.AddDays(-10) },
        })
            (await admin.PostAsJsonAsync(assets, asset)).EnsureSuccessStatusCode();
        var review = await admin.CreateReviewAsync(client.Id, [servers.Id, printers.Id, plain.Id]);
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        var html = await (await browser.GetAsync($"/reviews/{review.Id}")).ExpectAsync(HttpStatusCode.OK);

        var serverItem = Between(html, $"id=\"item-{servers.Id}\"", "</article>");
        foreach (var expected in new[] { "SRV-OLD", "PowerEdge T140", "out of warranty", "SRV-SOON", "expires within 90 days", "SRV-NEW", "in warranty",
                     "SRV-WHO", "warranty unknown", "4 servers" })
            Assert.Contains(expected, serverItem);
        Assert.DoesNotContain("PC-NOT-A-SERVER", html);
        Assert.True(serverItem.IndexOf("SRV-OLD", StringComparison.Ordinal) < serverItem.IndexOf("SRV-SOON", StringComparison.Ordinal));
        var printerItem = Between(html, $"id=\"item-{printers.Id}\"", "</article>");
        Assert.Contains("No printers recorded for this client", printerItem);
        Assert.Contains($"href=\"/clients/{client.Id}/assets", printerItem);
        Assert.DoesNotContain("data-item-assets", Between(html, $"id=\"item-{plain.Id}\"", "</article>"));
        var item = (await admin.GetReviewAsync(review.Id)).Item(servers.Id);
        Assert.Equal((AssetKind?)AssetKind.Server, item.AssetKind);
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"The page has no {start}.");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}

public sealed class ReviewInventoryOnSqlite(SqliteFactory factory) : ReviewInventoryTests(factory), IClassFixture<SqliteFactory>;

public sealed class ReviewInventoryOnPostgres(PostgresFactory factory) : ReviewInventoryTests(factory), IClassFixture<PostgresFactory>;
