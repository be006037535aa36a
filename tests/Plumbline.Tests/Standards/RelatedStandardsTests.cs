using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Features.Library;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

/// <summary>
/// Related standards and replaced standards (issue 15, the library itself): links go both ways, bad links are refused with a
/// validation problem, a retired standard points at its replacement, and library files carry both by code.
/// </summary>
public abstract class RelatedStandardsTests(PlumblineFactory factory)
{
    private static object Body(StandardDetails s, object? related = null, Guid? replacedBy = null, string? status = null) => new
    {
        code = s.Code,
        categoryId = s.CategoryId,
        title = s.Title,
        question = s.Question,
        whyWeAsk = s.WhyWeAsk,
        howToCheck = s.HowToCheck,
        references = s.References,
        priority = s.Priority.ToString(),
        kind = s.Kind.ToString(),
        tags = s.Tags,
        status = status ?? s.Status.ToString(),
        relatedStandardIds = related,
        replacedByStandardId = replacedBy,
    };

    private async Task<(HttpClient Admin, StandardDetails A, StandardDetails B, StandardDetails C)> ThreeAsync()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var a = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Compliance side", Kind = "Compliance" });
        var b = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Technology side" });
        var c = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Another technology side" });
        return (admin, a, b, c);
    }

    [Fact]
    public async Task A_link_is_made_on_both_sides_and_removed_on_both_sides()
    {
        var (admin, a, b, c) = await ThreeAsync();

        var linked = await (await admin.PutAsJsonAsync($"/api/v1/standards/{a.Id}", Body(a, new[] { b.Id, c.Id }))).ReadAsync<StandardDetails>();

        Assert.Equal([b.Id, c.Id], linked.RelatedStandardIds.Order());
        Assert.Equal([a.Id], (await admin.GetStandardAsync(b.Id)).RelatedStandardIds);
        Assert.Equal([a.Id], (await admin.GetStandardAsync(c.Id)).RelatedStandardIds);

        // Left out, the links stay; a shorter list removes the others on both sides.
        var edited = await admin.GetStandardAsync(a.Id);
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{a.Id}", Body(edited))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await admin.GetStandardAsync(a.Id)).RelatedStandardIds.Count);
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{a.Id}", Body(await admin.GetStandardAsync(a.Id), new[] { c.Id })))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Empty((await admin.GetStandardAsync(b.Id)).RelatedStandardIds);
        Assert.Equal([a.Id], (await admin.GetStandardAsync(c.Id)).RelatedStandardIds);
    }

    [Fact]
    public async Task A_link_to_itself_or_to_an_unknown_standard_is_refused()
    {
        var (admin, a, _, _) = await ThreeAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/standards/{a.Id}", Body(a, new[] { a.Id }))).ValidationProblemAsync("relatedStandardIds");
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{a.Id}", Body(a, new[] { Guid.NewGuid() }))).ValidationProblemAsync("relatedStandardIds");
        var n = new NewStandard(a.CategoryId);
        await (await admin.PostAsJsonAsync("/api/v1/standards", new
        {
            n.Code,
            n.CategoryId,
            n.Title,
            n.Question,
            n.WhyWeAsk,
            n.HowToCheck,
            n.References,
            n.Priority,
            n.Kind,
            n.Tags,
            n.Status,
            relatedStandardIds = new[] { Guid.NewGuid() },
        })).ValidationProblemAsync("relatedStandardIds");
        Assert.Empty((await admin.GetStandardAsync(a.Id)).RelatedStandardIds);
    }

    [Fact]
    public async Task A_retired_standard_points_at_its_replacement_and_only_a_retired_one_does()
    {
        var (admin, a, b, c) = await ThreeAsync();

        await (await admin.PutAsJsonAsync($"/api/v1/standards/{b.Id}", Body(b, replacedBy: c.Id))).ValidationProblemAsync("replacedByStandardId");
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{b.Id}", Body(b, replacedBy: b.Id, status: "Retired")))
            .ValidationProblemAsync("replacedByStandardId");
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{b.Id}", Body(b, replacedBy: Guid.NewGuid(), status: "Retired")))
            .ValidationProblemAsync("replacedByStandardId");

        var retired = await (await admin.PutAsJsonAsync($"/api/v1/standards/{b.Id}", Body(b, replacedBy: c.Id, status: "Retired")))
            .ReadAsync<StandardDetails>();

        Assert.Equal((StandardStatus.Retired, (Guid?)c.Id), (retired.Status, retired.ReplacedByStandardId));
        var page = await (await admin.GetAsync($"/library/standards/{b.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("Replaced by", page);
        Assert.Contains(c.Code, page);

        // Back in use, nothing replaces it any more.
        var back = await (await admin.PostAsync($"/api/v1/standards/{b.Id}/reactivate", null)).ReadAsync<StandardDetails>();
        Assert.Null(back.ReplacedByStandardId);
        Assert.Equal(StandardStatus.Active, (await admin.GetStandardAsync(a.Id)).Status);
    }

    [Fact]
    public async Task The_standard_page_links_its_related_standards()
    {
        var (admin, a, b, _) = await ThreeAsync();
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{a.Id}", Body(a, new[] { b.Id }))).ExpectAsync(HttpStatusCode.OK);

        var page = await (await admin.GetAsync($"/library/standards/{b.Id}")).Content.ReadAsStringAsync();

        Assert.Contains("Related standards", page);
        Assert.Contains($"href=\"/library/standards/{a.Id}\"", page);
    }

    [Fact]
    public async Task The_editor_links_by_code_shows_the_links_and_explains_an_unknown_code()
    {
        var (_, a, b, c) = await ThreeAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var edit = $"/library/standards/{a.Id}/edit";
        Dictionary<string, string> Fields(string related) => new()
        {
            ["Form.Code"] = a.Code,
            ["Form.CategoryId"] = a.CategoryId.ToString(),
            ["Form.Title"] = a.Title,
            ["Form.Question"] = a.Question,
            ["Form.WhyWeAsk"] = a.WhyWeAsk,
            ["Form.HowToCheck"] = a.HowToCheck,
            ["Form.References[0].Authority"] = a.References[0].Authority,
            ["Form.References[0].Citation"] = a.References[0].Citation,
            ["Form.Priority"] = a.Priority.ToString(),
            ["Form.Kind"] = a.Kind.ToString(),
            ["Form.Status"] = a.Status.ToString(),
            ["Form.Related"] = related,
        };

        var refused = await (await browser.SubmitAsync(edit, edit, Fields($"{b.Code}, NOPE-404"), "standard")).ExpectAsync(HttpStatusCode.OK);
        var saved = await browser.SubmitAsync(edit, edit, Fields($"{b.Code.ToLowerInvariant()}; {c.Code}"), "standard");
        var form = await (await browser.GetAsync(edit)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("No standard in the library has the code NOPE-404", refused);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([b.Id, c.Id], (await (await factory.AdminAsync()).GetStandardAsync(a.Id)).RelatedStandardIds.Order());
        Assert.Equal([a.Id], (await (await factory.AdminAsync()).GetStandardAsync(c.Id)).RelatedStandardIds);
        Assert.Contains($"value=\"{string.Join(", ", new[] { b.Code, c.Code }.Order(StringComparer.Ordinal))}\"", form);
    }

    [Fact]
    public async Task Library_files_carry_links_and_replacements_by_code()
    {
        var (admin, a, b, c) = await ThreeAsync();
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{a.Id}", Body(a, new[] { b.Id }))).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{c.Id}", Body(c, replacedBy: b.Id, status: "Retired"))).ExpectAsync(HttpStatusCode.OK);

        foreach (var format in new[] { "json", "csv", "xlsx" })
        {
            var bytes = await (await admin.GetAsync($"/api/v1/library/export?format={format}")).Content.ReadAsByteArrayAsync();
            var doc = LibraryFormats.Read(bytes, LibraryFormats.FromName(format)!.Value, []);
            var standards = doc.Sections.SelectMany(s => s.Categories).SelectMany(x => x.Standards).ToDictionary(s => s.Code!);
            Assert.Equal([b.Code], standards[a.Code].Related);
            Assert.Equal([a.Code], standards[b.Code].Related);
            Assert.Equal(b.Code, standards[c.Code].ReplacedBy);
        }
    }

    [Fact]
    public async Task An_imported_file_links_by_code_and_refuses_unknown_codes()
    {
        var (admin, a, b, _) = await ThreeAsync();
        var json = JsonSerializer.Serialize(await ExportedAsync(admin, a, b.Code), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        await (await admin.PostAsync("/api/v1/library/import", LibraryFiles.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json")))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([b.Id], (await admin.GetStandardAsync(a.Id)).RelatedStandardIds);
        Assert.Equal([a.Id], (await admin.GetStandardAsync(b.Id)).RelatedStandardIds);

        var wrong = JsonSerializer.Serialize(await ExportedAsync(admin, a, "NO-SUCH-CODE-1"), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var report = await (await admin.PostAsync("/api/v1/library/import",
            LibraryFiles.File(System.Text.Encoding.UTF8.GetBytes(wrong), "application/json"))).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(report.Rows, r => r.Code == a.Code && r.Outcome == ImportOutcome.Invalid && r.Reason!.Contains("NO-SUCH-CODE-1"));
    }

    /// <summary>A one-standard file: the standard as exported, related to the given code.</summary>
    private static async Task<LibraryDocument> ExportedAsync(HttpClient admin, StandardDetails s, string related)
    {
        var bytes = await (await admin.GetAsync("/api/v1/library/export?format=json")).Content.ReadAsByteArrayAsync();
        var doc = LibraryFormats.Read(bytes, LibraryFormat.Json, []);
        foreach (var section in doc.Sections)
        {
            foreach (var category in section.Categories)
            {
                category.Standards = category.Standards.Where(x => x.Code == s.Code).ToList();
                foreach (var x in category.Standards) x.Related = [related];
            }
            section.Categories = section.Categories.Where(c => c.Standards.Count > 0).ToList();
        }
        doc.Sections = doc.Sections.Where(x => x.Categories.Count > 0).ToList();
        return doc;
    }
}

public sealed class RelatedStandardsOnSqlite(SqliteFactory factory) : RelatedStandardsTests(factory), IClassFixture<SqliteFactory>;

public sealed class RelatedStandardsOnPostgres(PostgresFactory factory) : RelatedStandardsTests(factory), IClassFixture<PostgresFactory>;
