using System.Net;
using System.Text;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

/// <summary>Export formats, and files that cannot be read at all.</summary>
public sealed class LibraryFileTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData(null, "application/json", ".json")]
    [InlineData("json", "application/json", ".json")]
    [InlineData("csv", "text/csv", ".csv")]
    [InlineData("XLSX", LibraryFiles.XlsxType, ".xlsx")]
    public async Task The_library_is_exported_as_a_file_in_the_asked_format(string? format, string contentType, string extension)
    {
        var tam = await factory.SignedInAsAsync("Tam");

        var response = await tam.GetAsync(format is null ? "/api/v1/library/export" : $"/api/v1/library/export?format={format}");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(extension, response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_json_export_holds_the_sections_categories_and_standards()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();

        var export = await (await admin.GetAsync("/api/v1/library/export")).ReadJsonAsync();

        Assert.Equal("plumbline-library", export.GetProperty("format").GetString());
        var section = export.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("name").GetString() == standard.SectionName);
        var exported = section.GetProperty("categories")[0].GetProperty("standards")[0];
        Assert.Equal(standard.Code, exported.GetProperty("code").GetString());
        Assert.Equal(standard.Question, exported.GetProperty("question").GetString());
        Assert.Equal("CIS Controls v8", exported.GetProperty("references")[0].GetProperty("authority").GetString());
    }

    [Fact]
    public async Task An_unknown_export_format_is_a_validation_problem()
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync("/api/v1/library/export?format=pdf")).ValidationProblemAsync("format");
    }

    public static TheoryData<string, byte[], string> UnreadableFiles => new()
    {
        { "random bytes", [0x00, 0x13, 0x37, 0xFF, 0x42, 0x10], "application/octet-stream" },
        { "a zip that is no workbook", [(byte)'P', (byte)'K', 0x03, 0x04, 0x00, 0x00], LibraryFiles.XlsxType },
        { "broken json", Encoding.UTF8.GetBytes("{\"format\": \"plumbline-library\", \"sections\": [ {"), "application/json" },
        { "someone else's json", Encoding.UTF8.GetBytes("{\"format\": \"other-tool\", \"sections\": []}"), "application/json" },
        { "json with a number where a list belongs", Encoding.UTF8.GetBytes("{\"format\": \"plumbline-library\", \"sections\": 7}"), "application/json" },
        { "json with no sections", Encoding.UTF8.GetBytes("{\"format\": \"plumbline-library\", \"sections\": null}"), "application/json" },
        { "json with no categories",
            Encoding.UTF8.GetBytes("{\"format\": \"plumbline-library\", \"sections\": [{\"name\": \"Network\", \"categories\": null}]}"), "application/json" },
        { "json with no standards", Encoding.UTF8.GetBytes("{\"format\": \"plumbline-library\", \"sections\": [{\"name\": \"Network\", \"categories\": " +
            "[{\"name\": \"Wi-Fi\", \"standards\": null}]}]}"), "application/json" },
        { "csv without the columns", Encoding.UTF8.GetBytes("name,colour\nfirewall,red\n"), "text/csv" },
        { "an empty csv", Encoding.UTF8.GetBytes("\n"), "text/csv" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task A_file_that_cannot_be_read_is_a_400_problem_and_changes_nothing(string what, byte[] content, string contentType)
    {
        var admin = await factory.AdminAsync();
        var before = await (await admin.GetAsync("/api/v1/library/export")).Content.ReadAsStringAsync();

        var response = await admin.PostAsync("/api/v1/library/import", LibraryFiles.File(content, contentType));

        var problem = await response.ValidationProblemAsync("file");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("errors").GetProperty("file")[0].GetString()), what);
        Assert.Equal(before, await (await admin.GetAsync("/api/v1/library/export")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_empty_body_or_an_upload_without_a_file_field_is_a_400_problem()
    {
        var admin = await factory.AdminAsync();
        var wrongField = new MultipartFormDataContent { { LibraryFiles.File("{}", "application/json"), "document", "library.json" } };

        await (await admin.PostAsync("/api/v1/library/import", LibraryFiles.File([], "application/json"))).ValidationProblemAsync("file");
        await (await admin.PostAsync("/api/v1/library/import", wrongField)).ValidationProblemAsync("file");
    }
}
