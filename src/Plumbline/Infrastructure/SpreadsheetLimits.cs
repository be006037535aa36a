using System.IO.Compression;

namespace Plumbline.Infrastructure;

/// <summary>
/// An XLSX file is a zip of XML: a 1 MB upload can unpack to gigabytes (a "zip bomb"), and a sheet can hold a million
/// rows. Before a workbook is read, its declared unpacked size and compression ratio are checked; while it is read,
/// rows are counted and reading stops past the limit, so an import never holds more than it could accept.
/// </summary>
public static class SpreadsheetLimits
{
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;
    private const long RatioCheckedFrom = 1024 * 1024;
    private const int MaxRatio = 100;

    /// <summary>Why the workbook may not be opened, or null when it may.</summary>
    public static string? ProblemWithArchive(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes || (entry.Length > RatioCheckedFrom && entry.Length > entry.CompressedLength * MaxRatio))
                    return $"The workbook unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB, which is far more than a spreadsheet of this kind needs. "
                        + "Save only the sheet you want to import, or split it into smaller files.";
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return "The file is not an .xlsx workbook. Save it from Excel as an .xlsx workbook.";
        }
    }

    /// <summary>The rows, read one by one, or null once there are more than <paramref name="maxRows"/>.</summary>
    public static List<T>? TakeRows<T>(IEnumerable<T> rows, int maxRows)
    {
        var taken = new List<T>();
        foreach (var row in rows)
        {
            if (taken.Count == maxRows) return null;
            taken.Add(row);
        }
        return taken;
    }
}
