using System.Net;
using Plumbline.Features.Library;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

/// <summary>Export from one instance, import into an empty one, export again: the same library, in every format.</summary>
public abstract class LibraryRoundTripTests(PlumblineFactory factory)
{
    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("csv", "text/csv")]
    [InlineData("xlsx", LibraryFiles.XlsxType)]
    public async Task A_library_survives_export_and_import_into_an_empty_instance(string format, string contentType)
    {
        await using var source = factory.NewInstance(new Dictionary<string, string?> { ["Database:LoadStarterContent"] = "true" });
        var sourceAdmin = await source.AdminAsync();
        var standards = await AddProviderStandardsAsync(sourceAdmin);
        var file = await (await sourceAdmin.GetAsync($"/api/v1/library/export?format={format}")).Content.ReadAsByteArrayAsync();
        var expected = await (await sourceAdmin.GetAsync("/api/v1/library/export?format=json")).Content.ReadAsStringAsync();

        await using var target = factory.NewInstance();
        var targetAdmin = await target.AdminAsync();
        var report = await (await targetAdmin.PostAsync("/api/v1/library/import", LibraryFiles.File(file, contentType))).ReadAsync<ImportReport>();

        Assert.Equal(standards, report.Created);
        Assert.Equal(expected, await (await targetAdmin.GetAsync("/api/v1/library/export?format=json")).Content.ReadAsStringAsync());
    }

    /// <summary>What a provider adds beside the starter library: drafts, retired standards, links, empty categories and sections.</summary>
    private static async Task<int> AddProviderStandardsAsync(HttpClient admin)
    {
        var section = await admin.CreateSectionAsync("Provider's own, \"quoted\" | piped");
        var category = await admin.CreateCategoryAsync(section.Id, "Line-of-business apps", reviewIntervalMonths: 1);
        await admin.CreateCategoryAsync(section.Id, "Still empty");
        await admin.CreateSectionAsync("An empty section");
        await admin.CreateStandardAsync(new NewStandard(category.Id)
        {
            Title = "Vendor support, with commas; and \"quotes\"",
            WhyWeAsk = "Line one.\nLine two, with a comma.\n\nA paragraph after a blank line.",
            HowToCheck = "1. Open the portal.\n2. Read the contract end date.",
            References = [new("Vendor", "Lifecycle policy", "https://example.test/lifecycle?a=1&b=2"), new("ISO/IEC 27001:2022", "Annex A 5.19", null)],
            ReviewIntervalMonths = 6,
            Kind = "Compliance",
            Tags = ["vendor", "lifecycle"],
        });
        await admin.CreateStandardAsync(
            new NewStandard(category.Id) { Status = "Draft", Question = "How is the vendor contacted?", References = [], Tags = [] });
        // Cells a spreadsheet would run as formulas are escaped in CSV and must come back exactly.
        await admin.CreateStandardAsync(new NewStandard(category.Id)
        {
            Status = "Draft",
            Title = "=HYPERLINK(\"https://evil.example\",\"Open\")",
            WhyWeAsk = "+1 for the owner; @mention them",
            HowToCheck = "-check the portal\n'quoted on purpose",
            Tags = ["'tagged"],
        });
        var retired = await admin.CreateStandardAsync(new NewStandard(category.Id) { Priority = "Low" });
        await (await admin.PostAsync($"/api/v1/standards/{retired.Id}/retire", null)).ExpectAsync(HttpStatusCode.OK);
        return (await (await admin.GetAsync("/api/v1/standards?pageSize=1")).ReadAsync<Paged<object>>()).Total;
    }
}

public sealed class LibraryRoundTripOnSqlite(SqliteFactory factory) : LibraryRoundTripTests(factory), IClassFixture<SqliteFactory>;

public sealed class LibraryRoundTripOnPostgres(PostgresFactory factory) : LibraryRoundTripTests(factory), IClassFixture<PostgresFactory>;
