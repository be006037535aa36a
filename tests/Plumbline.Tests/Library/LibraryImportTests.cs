using System.Net;
using System.Text;
using Plumbline.Features.Library;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

public abstract class LibraryImportTests(PlumblineFactory factory)
{
    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, HttpContent file) => client.PostAsync("/api/v1/library/import", file);

    private static async Task<List<StandardDetails>> StandardsInAsync(HttpClient client, string sectionName)
    {
        var sections = await (await client.GetAsync("/api/v1/sections")).ReadAsync<List<SectionDetails>>();
        if (sections.FirstOrDefault(s => s.Name == sectionName) is not { } section) return [];
        return (await (await client.GetAsync($"/api/v1/standards?sectionId={section.Id}&sort=code")).ReadAsync<Paged<StandardDetails>>()).Items;
    }

    [Fact]
    public async Task A_json_file_creates_its_sections_categories_and_standards()
    {
        var admin = await factory.AdminAsync();
        var section = LibraryData.UniqueName("Imported");
        var (a, b) = (LibraryData.UniqueCode("A"), LibraryData.UniqueCode("B"));

        var report = await (await ImportAsync(admin,
            LibraryFiles.File(LibraryFiles.Json(section, LibraryFiles.JsonStandard(a), LibraryFiles.JsonStandard(b)), "application/json")))
            .ReadAsync<ImportReport>();

        Assert.Equal((true, 2, 0, 0, 0), (report.Applied, report.Created, report.Updated, report.Skipped, report.Invalid));
        var standards = await StandardsInAsync(admin, section);
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), standards.Select(s => s.Code));
        Assert.All(standards, s => Assert.Equal(("Identity", StandardStatus.Active, 3, Priority.High),
            (s.CategoryName, s.Status, s.EffectiveReviewIntervalMonths, s.Priority)));
    }

    [Fact]
    public async Task A_csv_file_sent_as_a_multipart_upload_is_imported()
    {
        var admin = await factory.AdminAsync();
        var section = LibraryData.UniqueName("Uploaded");
        var code = LibraryData.UniqueCode();

        var response = await ImportAsync(admin, LibraryFiles.Upload(Encoding.UTF8.GetBytes(LibraryFiles.Csv(LibraryFiles.CsvRow(section, code))),
            "library.csv", "text/csv"));

        Assert.Equal(1, (await response.ReadAsync<ImportReport>()).Created);
        var standard = Assert.Single(await StandardsInAsync(admin, section));
        Assert.Equal(["mfa", "identity"], standard.Tags);
        Assert.Equal(new StandardReference("CIS Controls v8", "Safeguard 6.5", null), Assert.Single(standard.References));
    }

    [Fact]
    public async Task Importing_again_updates_what_changed_and_skips_the_rest()
    {
        var admin = await factory.AdminAsync();
        var section = LibraryData.UniqueName("Reimported");
        var (same, changed) = (LibraryData.UniqueCode("S"), LibraryData.UniqueCode("C"));
        await ImportAsync(admin, LibraryFiles.File(LibraryFiles.Csv(LibraryFiles.CsvRow(section, same), LibraryFiles.CsvRow(section, changed)), "text/csv"));

        var second = LibraryFiles.Csv(LibraryFiles.CsvRow(section, same),
            LibraryFiles.CsvRow(section, changed, "Is MFA enforced for every administrator and service account?"));
        var report = await (await ImportAsync(admin, LibraryFiles.File(second, "text/csv"))).ReadAsync<ImportReport>();

        Assert.Equal((0, 1, 1), (report.Created, report.Updated, report.Skipped));
        Assert.Equal(ImportOutcome.Updated, report.Rows.Single(r => r.Code == changed).Outcome);
        var standards = await StandardsInAsync(admin, section);
        Assert.Equal(2, standards.Single(s => s.Code == changed).Revision);
        Assert.Equal(1, standards.Single(s => s.Code == same).Revision);
    }

    [Fact]
    public async Task One_invalid_row_changes_nothing_and_the_report_names_the_row()
    {
        var admin = await factory.AdminAsync();
        var section = LibraryData.UniqueName("Rejected");
        var codes = new[] { LibraryData.UniqueCode("A"), LibraryData.UniqueCode("B"), LibraryData.UniqueCode("C") };
        var csv = LibraryFiles.Csv(LibraryFiles.CsvRow(section, codes[0]), LibraryFiles.CsvRow(section, codes[1], priority: "Urgent"),
            LibraryFiles.CsvRow(section, codes[2]));

        var report = await (await ImportAsync(admin, LibraryFiles.File(csv, "text/csv"))).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);

        Assert.False(report.Applied);
        var invalid = Assert.Single(report.Rows);
        Assert.Equal((3, codes[1], ImportOutcome.Invalid), (invalid.Row, invalid.Code, invalid.Outcome));
        Assert.Contains("priority", invalid.Reason);
        Assert.Empty(await StandardsInAsync(admin, section));
        Assert.DoesNotContain(await (await admin.GetAsync("/api/v1/sections")).ReadAsync<List<SectionDetails>>(), s => s.Name == section);
    }

    [Theory]
    [InlineData("How is MFA enforced for administrators?", "rules")]
    [InlineData("", "question")]
    public async Task A_row_whose_question_breaks_the_rules_is_invalid(string question, string reason)
    {
        var admin = await factory.AdminAsync();
        var section = LibraryData.UniqueName("Linted");
        var json = LibraryFiles.Json(section, LibraryFiles.JsonStandard(LibraryData.UniqueCode()),
            LibraryFiles.JsonStandard(LibraryData.UniqueCode(), question));

        var report = await (await ImportAsync(admin, LibraryFiles.File(json, "application/json"))).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(2, Assert.Single(report.Rows).Row);
        Assert.Contains(reason, report.Rows[0].Reason);
        Assert.Empty(await StandardsInAsync(admin, section));
    }

    [Fact]
    public async Task A_code_that_appears_twice_in_one_file_is_invalid()
    {
        var admin = await factory.AdminAsync();
        var code = LibraryData.UniqueCode();
        var csv = LibraryFiles.Csv(LibraryFiles.CsvRow(LibraryData.UniqueName("Twice"), code),
            LibraryFiles.CsvRow(LibraryData.UniqueName("Twice"), code.ToLowerInvariant()));

        var report = await (await ImportAsync(admin, LibraryFiles.File(csv, "text/csv"))).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(3, Assert.Single(report.Rows).Row);
    }

    [Fact]
    public async Task A_section_description_longer_than_the_library_allows_is_invalid()
    {
        var admin = await factory.AdminAsync();
        var section = LibraryData.UniqueName("Wordy");
        var json = LibraryFiles.Json(section, LibraryFiles.JsonStandard(LibraryData.UniqueCode())).Replace("Imported by a test.", new string('d', 1001));

        var report = await (await ImportAsync(admin, LibraryFiles.File(json, "application/json"))).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("description", Assert.Single(report.Rows).Reason);
        Assert.Empty(await StandardsInAsync(admin, section));
    }

    [Fact]
    public async Task A_section_without_a_name_is_invalid()
    {
        var admin = await factory.AdminAsync();
        var code = LibraryData.UniqueCode();
        var json = LibraryFiles.Json("NAMELESS", LibraryFiles.JsonStandard(code)).Replace("\"NAMELESS\"", "null");

        var report = await (await ImportAsync(admin, LibraryFiles.File(json, "application/json"))).ReadAsync<ImportReport>(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("name", Assert.Single(report.Rows).Reason);
        Assert.Empty((await (await admin.GetAsync($"/api/v1/standards?q={code}")).ReadAsync<Paged<StandardDetails>>()).Items);
    }

    [Fact]
    public async Task A_TAM_cannot_import()
    {
        var tam = await factory.SignedInAsAsync("Tam");

        var response = await ImportAsync(tam, LibraryFiles.File(LibraryFiles.Json(LibraryData.UniqueName("Sneaky")), "application/json"));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class LibraryImportOnSqlite(SqliteFactory factory) : LibraryImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class LibraryImportOnPostgres(PostgresFactory factory) : LibraryImportTests(factory), IClassFixture<PostgresFactory>;
