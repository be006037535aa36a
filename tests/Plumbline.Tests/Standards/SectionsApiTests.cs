using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

public abstract class SectionsApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_section_is_created_renamed_listed_and_deleted_while_empty()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var newName = LibraryData.UniqueName("Renamed");

        var renamed = await (await admin.PutAsJsonAsync($"/api/v1/sections/{section.Id}", new { name = newName, order = 42, description = "Edge devices." }))
            .ReadAsync<SectionDetails>();
        var listed = await (await admin.GetAsync("/api/v1/sections")).ReadAsync<List<SectionDetails>>();

        Assert.Equal(new SectionDetails(section.Id, newName, 42, "Edge devices."), renamed);
        Assert.Contains(renamed, listed);
        await (await admin.DeleteAsync($"/api/v1/sections/{section.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.DoesNotContain(await (await admin.GetAsync("/api/v1/sections")).ReadAsync<List<SectionDetails>>(), s => s.Id == section.Id);
    }

    [Fact]
    public async Task A_new_section_goes_last_unless_an_order_is_given()
    {
        var admin = await factory.AdminAsync();

        var first = await admin.CreateSectionAsync();
        var second = await admin.CreateSectionAsync();

        Assert.True(second.Order > first.Order);
    }

    [Fact]
    public async Task Sections_are_reordered_by_listing_every_id_in_the_new_order()
    {
        var admin = await factory.AdminAsync();
        await admin.CreateSectionAsync();
        await admin.CreateSectionAsync();
        var ids = (await (await admin.GetAsync("/api/v1/sections")).ReadAsync<List<SectionDetails>>()).Select(s => s.Id).Reverse().ToList();

        await (await admin.PostAsJsonAsync("/api/v1/sections/reorder", new { ids })).ExpectAsync(HttpStatusCode.NoContent);

        var listed = await (await admin.GetAsync("/api/v1/sections")).ReadAsync<List<SectionDetails>>();
        Assert.Equal(ids, listed.Select(s => s.Id));
        Assert.Equal(Enumerable.Range(1, ids.Count), listed.Select(s => s.Order));
        await (await admin.PostAsJsonAsync("/api/v1/sections/reorder", new { ids = ids.Skip(1) })).ValidationProblemAsync("ids");
        await (await admin.PostAsJsonAsync("/api/v1/sections/reorder", new { ids = ids.Append(ids[0]) })).ValidationProblemAsync("ids");
    }

    [Fact]
    public async Task A_category_belongs_to_a_section_and_keeps_its_review_interval()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();

        var category = await admin.CreateCategoryAsync(section.Id, reviewIntervalMonths: 3);
        var defaulted = await admin.CreateCategoryAsync(section.Id);
        var listed = await (await admin.GetAsync($"/api/v1/categories?sectionId={section.Id}")).ReadAsync<List<CategoryDetails>>();

        Assert.Equal(3, category.ReviewIntervalMonths);
        Assert.Equal(12, defaulted.ReviewIntervalMonths);
        Assert.Equal([category.Id, defaulted.Id], listed.Select(c => c.Id));
    }

    [Fact]
    public async Task A_category_is_renamed_and_moved_to_another_section()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var target = await admin.CreateSectionAsync();

        var response = await admin.PutAsJsonAsync($"/api/v1/categories/{category.Id}",
            new { sectionId = target.Id, name = "Wireless", reviewIntervalMonths = 6 });

        var moved = await response.ReadAsync<CategoryDetails>();
        Assert.Equal((target.Id, "Wireless", 6), (moved.SectionId, moved.Name, moved.ReviewIntervalMonths));
    }

    [Fact]
    public async Task Categories_are_reordered_within_one_section_only()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var a = await admin.CreateCategoryAsync(section.Id);
        var b = await admin.CreateCategoryAsync(section.Id);
        var elsewhere = await admin.CreateCategoryAsync();

        await (await admin.PostAsJsonAsync("/api/v1/categories/reorder", new { ids = new[] { b.Id, a.Id } })).ExpectAsync(HttpStatusCode.NoContent);

        var listed = await (await admin.GetAsync($"/api/v1/categories?sectionId={section.Id}")).ReadAsync<List<CategoryDetails>>();
        Assert.Equal([b.Id, a.Id], listed.Select(c => c.Id));
        await (await admin.PostAsJsonAsync("/api/v1/categories/reorder", new { ids = new[] { a.Id, elsewhere.Id } })).ValidationProblemAsync("ids");
        await (await admin.PostAsJsonAsync("/api/v1/categories/reorder", new { ids = new[] { a.Id } })).ValidationProblemAsync("ids");
    }

    [Fact]
    public async Task Only_an_empty_section_or_category_can_be_deleted()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        await admin.CreateStandardAsync(new NewStandard(category.Id));

        await (await admin.DeleteAsync($"/api/v1/sections/{category.SectionId}")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/categories/{category.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        var empty = await admin.CreateCategoryAsync(category.SectionId);
        await (await admin.DeleteAsync($"/api/v1/categories/{empty.Id}")).ExpectAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Names_must_be_unique_present_and_short()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var category = await admin.CreateCategoryAsync(section.Id);

        await (await admin.PostAsJsonAsync("/api/v1/sections", new { name = section.Name })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync("/api/v1/sections", new { name = " " })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync("/api/v1/sections", new { name = new string('s', 101) })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync("/api/v1/sections", new { name = "Described", description = new string('d', 1001) }))
            .ValidationProblemAsync("description");
        await (await admin.PostAsJsonAsync("/api/v1/categories", new { sectionId = section.Id, name = category.Name })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync("/api/v1/categories", new { sectionId = Guid.NewGuid(), name = "Orphan" })).ValidationProblemAsync("sectionId");
        await (await admin.PostAsJsonAsync("/api/v1/categories", new { sectionId = section.Id, name = "Odd", reviewIntervalMonths = 5 }))
            .ValidationProblemAsync("reviewIntervalMonths");
        await (await admin.PostAsJsonAsync("/api/v1/categories", new { sectionId = section.Id, name = "Late", order = -1 })).ValidationProblemAsync("order");
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var unknown = Guid.NewGuid();

        await (await admin.PutAsJsonAsync($"/api/v1/sections/{unknown}", new { name = LibraryData.UniqueName("Ghost") })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/sections/{unknown}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/v1/categories/{unknown}", new { sectionId = section.Id, name = "Ghost" }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/categories/{unknown}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_TAM_reads_the_structure_but_cannot_change_it()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var category = await admin.CreateCategoryAsync();

        await (await tam.GetAsync("/api/v1/sections")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync("/api/v1/categories")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.PostAsJsonAsync("/api/v1/sections", new { name = "Mine" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PutAsJsonAsync($"/api/v1/categories/{category.Id}", new { sectionId = category.SectionId, name = "Mine" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.DeleteAsync($"/api/v1/categories/{category.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class SectionsApiOnSqlite(SqliteFactory factory) : SectionsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class SectionsApiOnPostgres(PostgresFactory factory) : SectionsApiTests(factory), IClassFixture<PostgresFactory>;
