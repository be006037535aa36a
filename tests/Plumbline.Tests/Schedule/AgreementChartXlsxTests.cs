using System.Globalization;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Schedule;

/// <summary>The agreement chart as Excel sees it. Writing the file does not depend on the database, so SQLite only.</summary>
public sealed class AgreementChartXlsxTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Dates_and_money_are_numbers_with_a_format_and_the_totals_row_sits_below_the_filter()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var dated = await admin.CreateClientAsync(new
        {
            name = LibraryData.UniqueName("Dated"),
            mrr = 3000.25m,
            seats = 10,
            workstations = 9,
            servers = 1,
            tamUserId = tam.Id,
            visitsPerYear = 6,
            contractStart = "2026-01-15",
            contractEnd = "2028-01-14"
        });
        await admin.CreateClientAsync(
            new { name = LibraryData.UniqueName("Undated"), mrr = 12000m, seats = 30, workstations = 28, servers = 3, tamUserId = tam.Id, visitsPerYear = 12 });

        var response = await admin.GetAsync($"/api/v1/agreement-chart?tamUserId={tam.Id}&sort=-mrr&format=xlsx");

        var sheet = XlsxSheet.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(dated.Name, sheet["A3"].Value);
        Assert.Equal(new XlsxCell("3000.25", false, "#,##0.00"), sheet["I3"]);
        Assert.Equal(new XlsxCell(Serial(new DateOnly(2026, 1, 15)), false, "yyyy-mm-dd"), sheet["J3"]);
        Assert.Equal(new XlsxCell(Serial(new DateOnly(2028, 1, 14)), false, "yyyy-mm-dd"), sheet["K3"]);
        Assert.Null(sheet["J2"].Value);
        Assert.Equal("A1:K3", sheet.FilterRange);
        Assert.Null(sheet["A4"].Value);
        Assert.Equal(("Total", new XlsxCell("15000.25", false, "#,##0.00")), (sheet["A5"].Value, sheet["I5"]));
    }

    // Excel stores a date as the days since 30 December 1899.
    private static string Serial(DateOnly date) => (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(CultureInfo.InvariantCulture);
}
