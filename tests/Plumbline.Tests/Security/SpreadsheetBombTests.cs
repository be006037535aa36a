using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Plumbline.Features.Library;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>Small uploads that unpack or stream into something huge are refused before they can exhaust memory.</summary>
public sealed class SpreadsheetBombTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_workbook_that_unpacks_to_hundreds_of_megabytes_is_refused_and_changes_nothing()
    {
        var admin = await factory.AdminAsync();
        var before = await (await admin.GetAsync("/api/v1/library/export")).Content.ReadAsStringAsync();
        var bomb = ZipBomb(unpackedMegabytes: 200);
        Assert.True(bomb.Length < 1024 * 1024, $"The test file should be small: {bomb.Length} bytes");

        var response = await admin.PostAsync("/api/v1/library/import", LibraryFiles.File(bomb, LibraryFiles.XlsxType));

        var problem = await response.ValidationProblemAsync("file");
        Assert.Contains("unpacks to more than", problem.ToString());
        Assert.Equal(before, await (await admin.GetAsync("/api/v1/library/export")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task A_file_with_more_rows_than_a_library_can_hold_stops_at_the_limit(string format)
    {
        var admin = await factory.AdminAsync();
        var rows = Enumerable.Range(1, LibraryFormats.MaxRows + 1)
            .Select(i => new Dictionary<string, object> { ["section"] = "S", ["category"] = "C", ["code"] = $"X-{i}", ["question"] = "Is it on?" });
        byte[] file;
        if (format == "xlsx")
        {
            using var stream = new MemoryStream();
            stream.SaveAs(rows);
            file = stream.ToArray();
        }
        else file = Encoding.UTF8.GetBytes("section,category,code,question\n" + string.Join("\n", rows.Select(r => $"S,C,{r["code"]},Is it on?")));

        var response = await admin.PostAsync("/api/v1/library/import",
            LibraryFiles.File(file, format == "xlsx" ? LibraryFiles.XlsxType : "text/csv"));

        var problem = await response.ValidationProblemAsync("file");
        Assert.Contains($"more than {LibraryFormats.MaxRows:N0} rows", problem.ToString());
    }

    [Fact]
    public void A_normal_workbook_passes_the_archive_check()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object> { ["section"] = "S", ["question"] = "Is it on?" } });

        Assert.Null(SpreadsheetLimits.ProblemWithArchive(stream.ToArray()));
    }

    /// <summary>A zip whose one sheet is megabytes of blanks: tiny on the wire, huge when unpacked.</summary>
    private static byte[] ZipBomb(int unpackedMegabytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var blanks = new byte[1024 * 1024];
            Array.Fill(blanks, (byte)' ');
            for (var i = 0; i < unpackedMegabytes; i++) sheet.Write(blanks);
        }
        return output.ToArray();
    }
}
