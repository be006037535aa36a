using System.Net;
using System.Text.Json;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Library;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

/// <summary>
/// The kind of asset a standard is about travels in library files: the starter library sets it where it applies, a file sets or keeps
/// it, and an import that changes only the asset kind says so instead of calling the standard "already the same".
/// </summary>
public abstract class LibraryAssetKindTests(PlumblineFactory factory)
{
    private static async Task<StandardDetails> StandardAsync(HttpClient admin, string code) =>
        Assert.Single((await (await admin.GetAsync($"/api/v1/standards?q={code}&pageSize=5")).ReadAsync<Paged<StandardDetails>>()).Items,
            s => s.Code == code);

    private static async Task<ImportReport> ImportAsync(HttpClient admin, string content, string type,
        HttpStatusCode status = HttpStatusCode.OK) =>
        await (await admin.PostAsync("/api/v1/library/import", LibraryFiles.File(content, type))).ReadAsync<ImportReport>(status);

    private static string WithAssetKind(string code, string? assetKind)
    {
        var standard = JsonSerializer.SerializeToElement(LibraryFiles.JsonStandard(code), HttpAssertions.Json);
        var fields = standard.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        if (assetKind is not null) fields["assetKind"] = assetKind;
        return LibraryFiles.Json(SectionName, fields);
    }

    private static readonly string SectionName = LibraryData.UniqueName("Asset kinds");

    [Fact]
    public async Task The_starter_library_says_which_standards_are_about_servers_workstations_and_the_network()
    {
        await using var fresh = factory.NewInstance(new Dictionary<string, string?> { ["Database:LoadStarterContent"] = "true" });
        var admin = await fresh.AdminAsync();

        var export = await (await admin.GetAsync("/api/v1/library/export?format=json")).ReadAsync<LibraryDocument>();
        var standards = export.Sections.SelectMany(s => s.Categories).SelectMany(c => c.Standards.Select(s => (Category: c.Name, s.Code, s.AssetKind)))
            .ToList();

        Assert.All(standards.Where(s => s.Category == "Windows Servers"), s => Assert.Equal("Server", s.AssetKind));
        Assert.All(standards.Where(s => s.Category == "Desktops and Laptops"), s => Assert.Equal("Workstation", s.AssetKind));
        Assert.All(standards.Where(s => s.Category == "Firewalls"), s => Assert.Equal("Network", s.AssetKind));
        Assert.All(standards.Where(s => s.Category == "Backup"), s => Assert.Null(s.AssetKind));
        Assert.Equal(AssetKind.Server, (await StandardAsync(admin, "SRV-001")).AssetKind);
    }

    [Fact]
    public async Task A_file_sets_the_asset_kind_an_empty_cell_keeps_it_and_an_unknown_kind_is_refused()
    {
        var admin = await factory.AdminAsync();
        var code = LibraryData.UniqueCode("AK");
        await ImportAsync(admin, WithAssetKind(code, null), "application/json");

        var set = await ImportAsync(admin, WithAssetKind(code, "Printer"), "application/json");
        var printer = (await StandardAsync(admin, code)).AssetKind;
        var csv = LibraryFiles.Csv(LibraryFiles.CsvRow(SectionName, code));
        var kept = await ImportAsync(admin, csv, "text/csv");
        var keptKind = (await StandardAsync(admin, code)).AssetKind;
        var unknown = await ImportAsync(admin, WithAssetKind(code, "Spaceship"), "application/json", HttpStatusCode.UnprocessableEntity);

        var row = Assert.Single(set.Rows, r => r.Code == code);
        Assert.Equal((ImportOutcome.Updated, "Only the kind of asset it is about changed."), (row.Outcome, row.Reason));
        Assert.Equal(AssetKind.Printer, keptKind);
        Assert.Contains(kept.Rows, r => r.Code == code);
        var refused = Assert.Single(unknown.Rows, r => r.Code == code);
        Assert.Equal(ImportOutcome.Invalid, refused.Outcome);
        Assert.Contains("assetKind", refused.Reason);
        Assert.Equal(AssetKind.Printer, (await StandardAsync(admin, code)).AssetKind);
    }
}

public sealed class LibraryAssetKindOnSqlite(SqliteFactory factory) : LibraryAssetKindTests(factory), IClassFixture<SqliteFactory>;

public sealed class LibraryAssetKindOnPostgres(PostgresFactory factory) : LibraryAssetKindTests(factory), IClassFixture<PostgresFactory>;
