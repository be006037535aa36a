using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Plumbline.Infrastructure;

/// <summary>
/// XLSX exports that people sort, filter and add up in Excel: money and dates are numbers with a number format, never
/// text, and a totals row sits below the filtered range, so a filter neither hides it nor sorts it in among the rows.
/// </summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string MoneyFormat = "#,##0.00";
    public const string DateFormat = "yyyy-mm-dd";

    /// <summary>One sheet: a header row, the rows, and (when given) a blank row and the totals outside the filter.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> columns, IEnumerable<object?[]> rows,
        IEnumerable<string>? moneyColumns = null, IEnumerable<string>? dateColumns = null, object?[]? totals = null)
    {
        var sheet = rows.Select(cells => Row(columns, cells)).ToList();
        var lastFiltered = sheet.Count + 1;
        if (totals is not null) sheet.AddRange([Row(columns, new object?[columns.Count]), Row(columns, totals)]);
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                .. (moneyColumns ?? []).Select(c => new DynamicExcelColumn(c) { Format = MoneyFormat }),
                .. (dateColumns ?? []).Select(c => new DynamicExcelColumn(c) { Format = DateFormat }),
            ],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: sheetName, configuration: configuration);
        if (totals is not null) EndFilterAt(stream, lastFiltered);
        return stream.ToArray();
    }

    // MiniExcel writes null as an empty cell, where "" would be a text cell Excel counts as a value.
    private static Dictionary<string, object?> Row(IReadOnlyList<string> columns, object?[] cells) =>
        columns.Select((c, i) => (c, cells[i])).ToDictionary(x => x.c, x => x.Item2);

    // MiniExcel's filter covers every written row; the totals are not data, so the range ends on the last row above them.
    private static void EndFilterAt(MemoryStream stream, int lastRow)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidOperationException("The workbook has no first sheet.");
        XDocument sheet;
        using (var read = entry.Open()) sheet = XDocument.Load(read);
        var filter = sheet.Root?.Element(sheet.Root.Name.Namespace + "autoFilter") ?? throw new InvalidOperationException("The sheet has no filter.");
        var range = ((string?)filter.Attribute("ref") ?? "").Split(':');
        filter.SetAttributeValue("ref", $"{range[0]}:{range[^1].TrimEnd("0123456789".ToCharArray())}{lastRow}");
        using var write = entry.Open();
        write.SetLength(0);
        sheet.Save(write, SaveOptions.DisableFormatting);
    }
}
