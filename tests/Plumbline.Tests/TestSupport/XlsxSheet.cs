using System.IO.Compression;
using System.Xml.Linq;

namespace Plumbline.Tests.TestSupport;

/// <summary>A cell as Excel reads it: its stored value, whether it is text, and the number format it is shown with.</summary>
public sealed record XlsxCell(string? Value, bool IsText, string? Format);

/// <summary>
/// Reads the first sheet of an XLSX file at the level MiniExcel's reader hides: cell types, number formats and the
/// filter's range, which decide whether Excel sorts a column as dates and adds it up as money.
/// </summary>
public sealed class XlsxSheet
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private readonly Dictionary<string, XlsxCell> _cells;

    private XlsxSheet(Dictionary<string, XlsxCell> cells, string? filterRange) => (_cells, FilterRange) = (cells, filterRange);

    public string? FilterRange { get; }

    public XlsxCell this[string reference] => _cells.GetValueOrDefault(reference) ?? new XlsxCell(null, false, null);

    public static XlsxSheet Read(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XDocument Load(string path) { using var s = zip.GetEntry(path)!.Open(); return XDocument.Load(s); }
        var styles = Load("xl/styles.xml").Root!;
        var formats = styles.Element(Main + "numFmts")?.Elements(Main + "numFmt")
            .ToDictionary(f => (string)f.Attribute("numFmtId")!, f => (string)f.Attribute("formatCode")!) ?? new Dictionary<string, string>();
        var cellFormats = styles.Element(Main + "cellXfs")!.Elements(Main + "xf").Select(x => (string?)x.Attribute("numFmtId") ?? "0").ToList();
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? new List<string>() : Load("xl/sharedStrings.xml").Root!.Elements(Main + "si")
            .Select(si => si.Value).ToList();
        var sheet = Load("xl/worksheets/sheet1.xml").Root!;
        var cells = new Dictionary<string, XlsxCell>();
        foreach (var c in sheet.Descendants(Main + "c"))
        {
            var type = (string?)c.Attribute("t");
            var raw = c.Element(Main + "v")?.Value ?? c.Element(Main + "is")?.Value;
            var formatId = cellFormats[(int?)c.Attribute("s") ?? 0];
            var format = formatId == "0" ? null : formats.GetValueOrDefault(formatId) ?? $"built-in {formatId}";
            cells[(string)c.Attribute("r")!] = new XlsxCell(type == "s" && raw is not null ? shared[int.Parse(raw)] : raw,
                type is "s" or "str" or "inlineStr", format);
        }
        return new XlsxSheet(cells, (string?)sheet.Element(Main + "autoFilter")?.Attribute("ref"));
    }
}
