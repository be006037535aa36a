using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
