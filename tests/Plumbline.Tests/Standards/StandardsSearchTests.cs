using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

/// <summary>Every query shape of GET /api/v1/standards: search, filters, sorting and paging.</summary>
public abstract class StandardsSearchTests(PlumblineFactory factory)
{
    private async Task<Paged<StandardDetails>> SearchAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/standards?{query}")).ReadAsync<Paged<StandardDetails>>();

    private static IEnumerable<string> Codes(Paged<StandardDetails> page) => page.Items.Select(s => s.Code);

    [Fact]
    public async Task Search_finds_words_in_the_code_title_question_and_tags_whatever_their_case()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var word = $"zq{Guid.NewGuid():N}"[..10];
        var inTitle = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = $"Backups of {word.ToUpperInvariant()} servers" });
        var inQuestion = await admin.CreateStandardAsync(new NewStandard(category.Id) { Question = $"Is the {word} share backed up every night?" });
        var inTag = await admin.CreateStandardAsync(new NewStandard(category.Id) { Tags = [word] });
        var inCode = await admin.CreateStandardAsync(new NewStandard(category.Id) { Code = LibraryData.UniqueCode(word[..4]) });
        await admin.CreateStandardAsync(new NewStandard(category.Id));

        var found = await SearchAsync(admin, $"q={word[..8].ToUpperInvariant()}&sort=code");
        var byCode = await SearchAsync(admin, $"q={inCode.Code.ToLowerInvariant()}");

        Assert.Equal(new[] { inTitle, inQuestion, inTag }.Select(s => s.Code).Order(StringComparer.Ordinal), Codes(found));
        Assert.Equal([inCode.Code], Codes(byCode));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Search_and_tag_filter_take_wildcard_characters_literally(string wildcard)
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var word = $"w{Guid.NewGuid():N}"[..9];
        var literal = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = $"{word}{wildcard}end", Tags = [$"{word}{wildcard}end"] });
        await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = $"{word}Xend", Tags = [$"{word}Xend"] });

        var searched = await SearchAsync(admin, $"q={Uri.EscapeDataString(word + wildcard + "end")}");
        var tagged = await SearchAsync(admin, $"tag={Uri.EscapeDataString(word + wildcard + "end")}");

        Assert.Equal([literal.Code], Codes(searched));
        Assert.Equal([literal.Code], Codes(tagged));
    }

    [Fact]
    public async Task Filters_by_category_section_tag_status_priority_and_kind_combine()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var category = await admin.CreateCategoryAsync(section.Id);
        var tag = $"tag{Guid.NewGuid():N}"[..12];
        var high = await admin.CreateStandardAsync(new NewStandard(category.Id) { Priority = "High", Tags = [tag, "shared"] });
        var compliance = await admin.CreateStandardAsync(new NewStandard(category.Id) { Kind = "Compliance", Tags = [tag] });
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft", Priority = "Low" });
        var other = await admin.CreateStandardAsync(new NewStandard((await admin.CreateCategoryAsync(section.Id)).Id) { Tags = [tag] });

        Assert.Equal(3, (await SearchAsync(admin, $"categoryId={category.Id}")).Total);
        Assert.Equal(4, (await SearchAsync(admin, $"sectionId={section.Id}")).Total);
        Assert.Equal(Sorted(high, compliance, other), Codes(await SearchAsync(admin, $"tag={tag.ToUpperInvariant()}&sort=code")));
        Assert.Equal([draft.Code], Codes(await SearchAsync(admin, $"categoryId={category.Id}&status=draft")));
        Assert.Equal([high.Code], Codes(await SearchAsync(admin, $"categoryId={category.Id}&priority=High")));
        Assert.Equal([compliance.Code], Codes(await SearchAsync(admin, $"sectionId={section.Id}&kind=Compliance")));
        Assert.Equal([high.Code], Codes(await SearchAsync(admin, $"tag={tag}&categoryId={category.Id}&status=Active&priority=High&kind=Technology")));
        Assert.Empty((await SearchAsync(admin, $"tag={tag[..6]}")).Items);
    }

    [Fact]
    public async Task Sorting_by_code_title_priority_and_library_order()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var second = await admin.CreateCategoryAsync(section.Id);
        var first = await admin.CreateCategoryAsync(section.Id);
        await (await admin.PostAsJsonAsync("/api/v1/categories/reorder", new { ids = new[] { first.Id, second.Id } })).ExpectAsync(HttpStatusCode.NoContent);
        var prefix = LibraryData.UniqueCode("S")[..8];
        var a = await admin.CreateStandardAsync(new NewStandard(second.Id) { Code = prefix + "A", Title = "Charlie", Priority = "Low" });
        var b = await admin.CreateStandardAsync(new NewStandard(first.Id) { Code = prefix + "B", Title = "Alpha", Priority = "Medium" });
        var c = await admin.CreateStandardAsync(new NewStandard(second.Id) { Code = prefix + "C", Title = "Bravo", Priority = "High" });
        var scope = $"sectionId={section.Id}";

        Assert.Equal([b.Code, a.Code, c.Code], Codes(await SearchAsync(admin, scope)));
        Assert.Equal([a.Code, b.Code, c.Code], Codes(await SearchAsync(admin, $"{scope}&sort=code")));
        Assert.Equal([c.Code, b.Code, a.Code], Codes(await SearchAsync(admin, $"{scope}&sort=-code")));
        Assert.Equal([b.Code, c.Code, a.Code], Codes(await SearchAsync(admin, $"{scope}&sort=title")));
        Assert.Equal([a.Code, c.Code, b.Code], Codes(await SearchAsync(admin, $"{scope}&sort=-title")));
        Assert.Equal([c.Code, b.Code, a.Code], Codes(await SearchAsync(admin, $"{scope}&sort=priority")));
        Assert.Equal([a.Code, b.Code, c.Code], Codes(await SearchAsync(admin, $"{scope}&sort=-priority")));
        Assert.Equal([a.Code, b.Code, c.Code], Codes(await SearchAsync(admin, $"{scope}&sort=updated")));
        Assert.Equal([c.Code, b.Code, a.Code], Codes(await SearchAsync(admin, $"{scope}&sort=-updated")));
    }

    [Fact]
    public async Task Pages_have_the_shape_items_page_page_size_total()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++) created.Add((await admin.CreateStandardAsync(new NewStandard(category.Id))).Code);

        var response = await admin.GetAsync($"/api/v1/standards?categoryId={category.Id}&sort=code&page=2&pageSize=2");

        var page = await response.ReadJsonAsync();
        Assert.Subset(page.EnumerateObject().Select(p => p.Name).ToHashSet(), new HashSet<string> { "items", "page", "pageSize", "total" });
        Assert.Equal((2, 2, 5), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32()));
        var sorted = created.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sorted.Skip(2).Take(2), page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal([sorted[4]], Codes(await SearchAsync(admin, $"categoryId={category.Id}&sort=code&page=3&pageSize=2")));
        Assert.Empty((await SearchAsync(admin, $"categoryId={category.Id}&page=9&pageSize=2")).Items);
    }

    [Fact]
    public async Task Paging_out_of_range_is_brought_back_within_bounds()
    {
        var admin = await factory.AdminAsync();

        var page = await SearchAsync(admin, "page=0&pageSize=100000");

        Assert.Equal((1, 500), (page.Page, page.PageSize));
        Assert.Equal(50, (await SearchAsync(admin, "")).PageSize);
    }

    private static IEnumerable<string> Sorted(params StandardDetails[] standards) => standards.Select(s => s.Code).Order(StringComparer.Ordinal);
}

public sealed class StandardsSearchOnSqlite(SqliteFactory factory) : StandardsSearchTests(factory), IClassFixture<SqliteFactory>;

public sealed class StandardsSearchOnPostgres(PostgresFactory factory) : StandardsSearchTests(factory), IClassFixture<PostgresFactory>;
