using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plumbline.Features.Audit;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Audit;

public abstract class AuditTrailTests(PlumblineFactory factory)
{
    private static async Task<Paged<AuditEntryDetails>> TrailAsync(HttpClient admin, string entityType, Guid id) =>
        await (await admin.GetAsync($"/api/v1/audit?entityType={entityType}&entityId={id}")).ReadAsync<Paged<AuditEntryDetails>>();

    [Fact]
    public async Task A_change_to_a_standard_shows_who_made_it_and_what_changed()
    {
        var admin = await factory.AdminAsync();
        var committee = await factory.SignedInAsAsync("Vcio", "Casey Committee");
        var category = await admin.CreateCategoryAsync();
        var original = new NewStandard(category.Id);
        var standard = await committee.CreateStandardAsync(original);

        await (await committee.PutAsJsonAsync($"/api/v1/standards/{standard.Id}", original with { Title = "System drive headroom" }))
            .ExpectAsync(HttpStatusCode.OK);

        var trail = await TrailAsync(admin, "Standard", standard.Id);
        Assert.Equal(2, trail.Total);
        Assert.Equal(["Modified", "Added"], trail.Items.Select(e => e.Action));
        Assert.All(trail.Items, e => Assert.Equal("Casey Committee", e.UserName));
        var changes = JsonDocument.Parse(trail.Items[0].Changes).RootElement;
        Assert.Equal("Free space on the system drive", changes.GetProperty("Title").GetProperty("from").GetString());
        Assert.Equal("System drive headroom", changes.GetProperty("Title").GetProperty("to").GetString());
        Assert.False(changes.TryGetProperty("Question", out _));
    }

    [Fact]
    public async Task Creating_and_deleting_a_section_leave_two_entries_newest_first()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();

        await (await admin.DeleteAsync($"/api/v1/sections/{section.Id}")).ExpectAsync(HttpStatusCode.NoContent);

        var trail = await TrailAsync(admin, "Section", section.Id);
        Assert.Equal(["Deleted", "Added"], trail.Items.Select(e => e.Action));
        Assert.All(trail.Items, e => Assert.Equal("Alex Admin", e.UserName));
        Assert.Equal(section.Name, JsonDocument.Parse(trail.Items[0].Changes).RootElement.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_leaves_no_entry()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/sections/{section.Id}",
            new { name = section.Name, order = section.Order, description = section.Description })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(1, (await TrailAsync(admin, "Section", section.Id)).Total);
    }

    [Fact]
    public async Task The_trail_is_paged_and_newest_first()
    {
        var admin = await factory.AdminAsync();
        var categories = new List<CategoryDetails>();
        for (var i = 0; i < 3; i++) categories.Add(await admin.CreateCategoryAsync());

        var page = await (await admin.GetAsync("/api/v1/audit?entityType=Category&page=1&pageSize=2")).ReadAsync<Paged<AuditEntryDetails>>();

        Assert.Equal((1, 2), (page.Page, page.PageSize));
        Assert.True(page.Total >= 3);
        Assert.Equal([categories[2].Id.ToString(), categories[1].Id.ToString()], page.Items.Select(e => e.EntityId));
    }

    /// <summary>The page's text as a person reads it: no tags, entities decoded, runs of white space as one space.</summary>
    private static string Readable(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")), @"\s+", " ");

    [Fact]
    public async Task The_trail_page_shows_each_change_before_and_after_with_names_instead_of_ids()
    {
        var admin = await factory.AdminAsync();
        var (_, first) = await factory.UserAsync("Tam", LibraryData.UniqueName("Tina"));
        var (_, second) = await factory.UserAsync("Tam", LibraryData.UniqueName("Theo"));
        var name = "O'Brien " + LibraryData.UniqueName("Dental");
        var client = await admin.CreateClientAsync(new { name, mrr = 9000, seats = 30, workstations = 28, servers = 3, tamUserId = first.Id });
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}",
            new { name, status = "Onboarding", mrr = 9000, seats = 30, workstations = 28, servers = 3, tamUserId = second.Id })).ExpectAsync(HttpStatusCode.OK);

        var html = await (await admin.GetAsync($"/audit?entityType=Client&entityId={client.Id}")).ExpectAsync(HttpStatusCode.OK);

        var text = Readable(html);
        Assert.DoesNotContain("\\u0027", html);
        Assert.DoesNotContain(first.Id, html);
        Assert.DoesNotContain(second.Id, html);
        Assert.Contains($"Changed client {name}", text);
        Assert.Contains($"TAM: {first.Name} → changed to {second.Name}", text);
        Assert.Contains("Status: Active → changed to Onboarding", text);
        Assert.Contains($"Added client {name}", text);
        Assert.Contains($"Name: {name}", text);
        // The API keeps the raw record: ids, as stored.
        var raw = await TrailAsync(admin, "Client", client.Id);
        Assert.Contains(second.Id, raw.Items[0].Changes);
    }

    [Fact]
    public async Task The_trail_page_names_the_category_of_a_new_standard_and_wraps_long_text()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var standard = await admin.CreateStandardAsync(new NewStandard(category.Id));

        var html = await (await admin.GetAsync($"/audit?entityType=Standard&entityId={standard.Id}")).ExpectAsync(HttpStatusCode.OK);

        var text = Readable(html);
        Assert.Contains($"Category: {category.Name}", text);
        Assert.DoesNotContain(category.Id.ToString(), html);
        Assert.Contains("<table class=\"table audit\">", html);
        Assert.DoesNotContain("class=\"nowrap\"", html);
    }

    [Fact]
    public async Task Only_an_admin_reads_the_trail()
    {
        var vcio = await factory.SignedInAsAsync("Vcio");

        await (await vcio.GetAsync("/api/v1/audit")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().GetAsync("/api/v1/audit")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class AuditTrailOnSqlite(SqliteFactory factory) : AuditTrailTests(factory), IClassFixture<SqliteFactory>;

public sealed class AuditTrailOnPostgres(PostgresFactory factory) : AuditTrailTests(factory), IClassFixture<PostgresFactory>;
