using System.Net;
using System.Text;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>CSV exports never hand a spreadsheet a formula to run; the library reads its own escaping back.</summary>
public sealed class CsvFormulaTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_standard_title_that_looks_like_a_formula_is_exported_as_text()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft", Title = "=cmd|' /C calc'!A0" });

        var csv = Encoding.UTF8.GetString(await (await admin.GetAsync("/api/v1/library/export?format=csv")).Content.ReadAsByteArrayAsync());

        Assert.Contains("'=cmd|", csv);
        Assert.DoesNotContain(",=cmd|", csv);
        Assert.DoesNotContain("\"=cmd|", csv);
    }

    [Fact]
    public async Task Agreement_chart_cells_that_look_like_formulas_are_exported_as_text()
    {
        var admin = await factory.AdminAsync();
        await admin.CreateClientAsync(new { name = "@SUM(1+1)*cmd", mrr = 1000, seats = 10, salesRep = "=1+1" });

        var csv = await (await admin.GetAsync("/api/v1/agreement-chart?format=csv")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("'@SUM(1+1)*cmd", csv);
        Assert.Contains("'=1+1", csv);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+44 20 7946 0000")]
    [InlineData("-5")]
    [InlineData("@user")]
    [InlineData("'already quoted")]
    [InlineData("''=twice")]
    [InlineData("plain text")]
    public void Unescaping_reverses_what_the_writer_added(string value)
    {
        using var writer = new StringWriter();
        using (var csv = new CsvHelper.CsvWriter(writer, SafeCsv.Writing()))
        {
            csv.WriteField(value);
            csv.NextRecord();
        }
        using var reader = new CsvHelper.CsvReader(new StringReader(writer.ToString()), System.Globalization.CultureInfo.InvariantCulture);
        reader.Read();

        Assert.Equal(value, SafeCsv.Unescape(reader.GetField(0)!));
    }
}
