using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Library;

public enum LibraryFormat { Json, Csv, Xlsx }

/// <summary>Reads and writes the library's three file formats.</summary>
public static class LibraryFormats
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ContentType(LibraryFormat f) => f switch
    {
        LibraryFormat.Csv => "text/csv",
        LibraryFormat.Xlsx => Spreadsheet.ContentType,
        _ => "application/json",
    };

    public static LibraryFormat? FromName(string? name) => (string.IsNullOrWhiteSpace(name) ? "json" : name).Trim().ToLowerInvariant() switch
    {
        "json" => LibraryFormat.Json,
        "csv" => LibraryFormat.Csv,
        "xlsx" => LibraryFormat.Xlsx,
        _ => null,
    };

    /// <summary>Guess the format of an upload from its content type, then its file name, then its first bytes.</summary>
    public static LibraryFormat Detect(string? contentType, string? fileName, byte[] content)
    {
        var type = (contentType ?? "").ToLowerInvariant();
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (type.Contains("spreadsheetml") || ext == ".xlsx" || (content.Length > 1 && content[0] == 'P' && content[1] == 'K')) return LibraryFormat.Xlsx;
        if (type.Contains("csv") || ext == ".csv") return LibraryFormat.Csv;
        if (type.Contains("json") || ext == ".json") return LibraryFormat.Json;
        var start = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 64)).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return start.StartsWith('{') ? LibraryFormat.Json : LibraryFormat.Csv;
    }

    public static byte[] Write(LibraryDocument doc, LibraryFormat format)
    {
        switch (format)
        {
            case LibraryFormat.Json:
                return JsonSerializer.SerializeToUtf8Bytes(doc, Json);
            case LibraryFormat.Csv:
                {
                    using var writer = new StringWriter(CultureInfo.InvariantCulture);
                    using var csv = new CsvWriter(writer, SafeCsv.Writing());
                    foreach (var column in LibraryRow.Columns) csv.WriteField(column);
                    csv.NextRecord();
                    foreach (var row in LibraryFlattening.ToRows(doc))
                    {
                        foreach (var column in LibraryRow.Columns)
                            csv.WriteField(Convert.ToString(row.GetValueOrDefault(column), CultureInfo.InvariantCulture) ?? "");
                        csv.NextRecord();
                    }
                    csv.Flush();
                    return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
                }
            default:
                return Spreadsheet.Write("Standards", LibraryRow.Columns,
                    LibraryFlattening.ToRows(doc).Select(r => LibraryRow.Columns.Select(c => r.GetValueOrDefault(c)).ToArray()));
        }
    }

    /// <summary>Parses a file; file-level problems throw <see cref="LibraryFileException"/>, row-level ones go to <paramref name="problems"/>.</summary>
    public static LibraryDocument Read(byte[] content, LibraryFormat format, List<ImportRowResult> problems)
    {
        if (content.Length == 0) throw new LibraryFileException("The file is empty.");
        return format switch
        {
            LibraryFormat.Json => ReadJson(content),
            LibraryFormat.Csv => LibraryFlattening.FromRows(ReadCsv(content), problems),
            _ => LibraryFlattening.FromRows(ReadXlsx(content), problems),
        };
    }

    private static LibraryDocument ReadJson(byte[] content)
    {
        try
        {
            var doc = JsonSerializer.Deserialize<LibraryDocument>(content, Json) ?? throw new LibraryFileException("The JSON file holds no library.");
            if (doc.Format != "plumbline-library")
                throw new LibraryFileException("This JSON file is not a Plumbline library export (its \"format\" is not \"plumbline-library\").");
            CheckLists(doc);
            return doc;
        }
        catch (JsonException e)
        {
            throw new LibraryFileException($"The JSON file cannot be read{(e.LineNumber is { } l ? $" (line {l + 1})" : "")}: check it is a Plumbline " +
                $"library export. {e.Message.Split(". Path")[0]}.");
        }
    }

    /// <summary>JSON may say null where the model has a list or a name; the importer relies on neither being null.</summary>
    private static void CheckLists(LibraryDocument doc)
    {
        const string Hint = "Export a library from Plumbline to see the expected shape.";
        if (doc.Sections is null || doc.Sections.Any(s => s is null))
            throw new LibraryFileException($"The JSON file needs a \"sections\" list of sections. {Hint}");
        foreach (var section in doc.Sections)
        {
            section.Name ??= "";
            if (section.Categories is null || section.Categories.Any(c => c is null))
                throw new LibraryFileException($"Section \"{section.Name}\" needs a \"categories\" list. {Hint}");
            foreach (var category in section.Categories)
            {
                category.Name ??= "";
                if (category.Standards is null || category.Standards.Any(x => x is null))
                    throw new LibraryFileException($"Category \"{category.Name}\" needs a \"standards\" list. {Hint}");
                foreach (var standard in category.Standards)
                {
                    standard.References ??= [];
                    standard.Tags ??= [];
                }
            }
        }
    }

    private static List<LibraryRow> ReadCsv(byte[] content)
    {
        try
        {
            using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
            if (!csv.Read() || !csv.ReadHeader()) throw new LibraryFileException("The CSV file has no header row.");
            var header = csv.HeaderRecord!;
            CheckColumns(header);
            var rows = new List<LibraryRow>();
            while (csv.Read())
            {
                if (rows.Count == MaxRows) throw new LibraryFileException(TooManyRows);
                var row = new LibraryRow { RowNumber = csv.Parser.Row };
                foreach (var column in header) row.Values[column] = SafeCsv.Unescape(csv.GetField(column) ?? "");
                rows.Add(row);
            }
            return rows;
        }
        catch (CsvHelperException e)
        {
            throw new LibraryFileException($"The CSV file cannot be read near row {e.Context?.Parser?.Row}: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Far more standards than any library holds (the starter library has about 300), so a runaway file stops early.</summary>
    public const int MaxRows = 10_000;

    private static readonly string TooManyRows =
        $"The file has more than {MaxRows:N0} rows. A library has a few hundred standards: check that the file is a library export.";

    private static List<LibraryRow> ReadXlsx(byte[] content)
    {
        try
        {
            if (SpreadsheetLimits.ProblemWithArchive(content) is { } problem) throw new LibraryFileException(problem);
            using var stream = new MemoryStream(content);
            var data = SpreadsheetLimits.TakeRows(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>(), MaxRows)
                ?? throw new LibraryFileException(TooManyRows);
            var header = data.FirstOrDefault()?.Keys.ToArray() ?? stream.GetColumns(useHeaderRow: true)?.ToArray() ?? [];
            CheckColumns(header);
            return data.Select((d, i) =>
            {
                var row = new LibraryRow { RowNumber = i + 2 };
                foreach (var (k, v) in d) row.Values[k] = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
                return row;
            }).ToList();
        }
        catch (Exception e) when (e is not LibraryFileException)
        {
            throw new LibraryFileException("The XLSX file cannot be read. Save it from Excel as an .xlsx workbook with the columns of a Plumbline export.");
        }
    }

    private static void CheckColumns(IReadOnlyCollection<string> header)
    {
        string[] required = ["section", "category", "code", "question"];
        var missing = required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw new LibraryFileException($"The file lacks the column(s) {string.Join(", ", missing)}. The first row must name the columns: " +
                $"{string.Join(", ", LibraryRow.Columns)}.");
    }
}
