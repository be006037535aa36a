using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Plumbline.Features.SmartNumbers.Import;

/// <summary>A file that cannot be imported at all (empty, not CSV, a header without the needed columns): nothing is changed.</summary>
public sealed class TimeEntryFileException(string message, IReadOnlyList<string>? missingColumns = null) : Exception(message)
{
    public IReadOnlyList<string> MissingColumns { get; } = missingColumns ?? [];
}

/// <summary>One data row of a file: either the parsed values or the reason it is skipped. <see cref="Line"/> is 1-based.</summary>
public sealed record TimeEntryCsvRow(int Line, string? Error, string ExternalId = "", string Company = "", DateOnly Date = default, decimal Hours = 0,
    string WorkType = "", string Board = "", string TicketType = "");

/// <summary>
/// Streams a time entry CSV: one row at a time, never the whole file in memory. UTF-8 with or without a byte order mark; the
/// separator (comma, semicolon or tab) is detected from the header line. Text is trimmed and cut to the column lengths of
/// <see cref="TimeEntry"/>.
/// </summary>
public sealed class TimeEntryCsv : IAsyncDisposable
{
    private readonly StreamReader text;
    private readonly CsvReader csv;
    private readonly PsaLayout layout;
    private readonly Dictionary<TimeEntryField, int> index;
    private readonly int ticketIndex;
    private int previousEnd = 1;

    private TimeEntryCsv(StreamReader text, CsvReader csv, PsaLayout layout, Dictionary<TimeEntryField, int> index, int ticketIndex, string[] header)
    {
        (this.text, this.csv, this.layout, this.index, this.ticketIndex, Header) = (text, csv, layout, index, ticketIndex, header);
    }

    public string[] Header { get; }
    public string Delimiter => csv.Parser.Delimiter;

    /// <summary>Reads the header line and finds the layout's columns; throws <see cref="TimeEntryFileException"/> when it cannot.</summary>
    public static async Task<TimeEntryCsv> OpenAsync(Stream stream, PsaLayout layout, CancellationToken ct)
    {
        var (text, csv, header) = await ReadHeaderAsync(stream, ct);
        try
        {
            var normal = header.Select(PsaLayout.Normalize).ToArray();
            var index = new Dictionary<TimeEntryField, int>();
            foreach (var (field, names) in layout.Columns)
            {
                var found = names.Select(n => Array.IndexOf(normal, PsaLayout.Normalize(n))).FirstOrDefault(i => i >= 0, -1);
                if (found >= 0) index[field] = found;
            }
            var missing = PsaLayout.Required.Where(f => !index.ContainsKey(f)).ToList();
            if (missing.Count > 0)
            {
                var wanted = missing.Select(f => $"{PsaLayouts.FieldName(f)} (a column named {Names(layout.Columns.GetValueOrDefault(f) ?? [])})");
                throw new TimeEntryFileException(
                    $"The file's header has no column for {string.Join("; ", wanted)}. Nothing was imported. The file's columns are: " +
                    $"{Names(header.Take(40))}. Choose the layout your PSA exported, or map the columns yourself.",
                    missing.Select(PsaLayouts.FieldName).ToList());
            }
            var ticket = (layout.TicketIdColumns ?? []).Select(n => Array.IndexOf(normal, PsaLayout.Normalize(n))).FirstOrDefault(i => i >= 0, -1);
            return new TimeEntryCsv(text, csv, layout, index, ticket, header);
        }
        catch
        {
            csv.Dispose();
            text.Dispose();
            throw;
        }
    }

    /// <summary>Only the header's column names (for the mapping step).</summary>
    public static async Task<string[]> ReadColumnsAsync(Stream stream, CancellationToken ct)
    {
        var (text, csv, header) = await ReadHeaderAsync(stream, ct);
        csv.Dispose();
        text.Dispose();
        return header;
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{TimeEntryValues.Short(n)}\""));

    private static async Task<(StreamReader, CsvReader, string[])> ReadHeaderAsync(Stream stream, CancellationToken ct)
    {
        var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            GetDelimiter = args => HeaderDelimiter(args.Text),
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        });
        try
        {
            ct.ThrowIfCancellationRequested();
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
                throw new TimeEntryFileException("The file is empty: it needs a header line and one line per time entry.");
            if (header.Any(h => h.Contains('\0')) || header[0].StartsWith("PK\u0003\u0004", StringComparison.Ordinal))
                throw new TimeEntryFileException("This is not a CSV text file (it looks like a spreadsheet or another binary file). " +
                    "Save or export it as CSV (comma- or semicolon-separated, UTF-8) and import that.");
            return (text, csv, header.Select(h => h.Trim().Trim('\uFEFF')).ToArray());
        }
        catch (CsvHelperException)
        {
            csv.Dispose();
            text.Dispose();
            throw new TimeEntryFileException("The file could not be read as CSV. Export it again as CSV (UTF-8) and import that.");
        }
        catch
        {
            csv.Dispose();
            text.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The separator is the one the header line uses most (outside quotes): a comma, a semicolon or a tab. Only the header counts,
    /// because notes further down often hold commas and semicolons of their own.
    /// </summary>
    public static string HeaderDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
        }
        return semicolons > commas && semicolons >= tabs ? ";" : tabs > commas ? "\t" : ",";
    }

    /// <summary>The data rows, one at a time. Rows whose needed cells are all empty (trailing separators) are passed over silently.</summary>
    public async IAsyncEnumerable<TimeEntryCsvRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            bool more;
            try { more = await csv.ReadAsync(); }
            catch (CsvHelperException) { throw new TimeEntryFileException($"The file stops being valid CSV near line {csv.Parser.RawRow}."); }
            if (!more) yield break;
            var row = Parse();
            previousEnd = csv.Parser.RawRow;
            if (row is not null) yield return row;
        }
    }

    private string Cell(TimeEntryField field) => index.TryGetValue(field, out var i) ? csv.GetField(i)?.Trim() ?? "" : "";

    private TimeEntryCsvRow? Parse()
    {
        var externalId = Cell(TimeEntryField.ExternalId);
        var company = Cell(TimeEntryField.Company);
        var dateText = Cell(TimeEntryField.Date);
        var hoursText = Cell(TimeEntryField.Hours);
        if (externalId.Length == 0 && company.Length == 0 && dateText.Length == 0 && hoursText.Length == 0) return null;
        if (externalId.Length == 0) return Skip("The external id is empty.");
        if (ticketIndex >= 0 && csv.GetField(ticketIndex)?.Trim() is { Length: > 0 } ticket) externalId = $"{ticket}-{externalId}";
        if (externalId.Length > 100) return Skip($"The external id '{TimeEntryValues.Short(externalId)}' is longer than 100 characters.");
        if (company.Length == 0) return Skip("The company (client) is empty.");
        if (!TimeEntryValues.TryParseDate(dateText, layout.DateFormat, out var date))
            return Skip(dateText.Length == 0 ? "The date is empty." : $"'{TimeEntryValues.Short(dateText)}' is not a date Plumbline reads " +
                $"(use yyyy-MM-dd or M/d/yyyy{(layout.DateFormat is { } f ? $" or {f}" : "")}).");
        var hours = TimeEntryValues.ParseHours(hoursText);
        if (hours.Error is { } error) return Skip(error);
        // A good row's line is the one after the previous row (exact but for blank lines in between): cheaper than the raw text.
        return new TimeEntryCsvRow(previousEnd + 1, null, externalId, TimeEntryValues.Text(company, 200), date, hours.Hours!.Value,
            TimeEntryValues.Text(Cell(TimeEntryField.WorkType), 100), TimeEntryValues.Text(Cell(TimeEntryField.Board), 100),
            TimeEntryValues.Text(Cell(TimeEntryField.TicketType), 100));
    }

    private TimeEntryCsvRow Skip(string reason) => new(Line(), reason);

    /// <summary>The line the row starts on: CsvHelper counts to the row's last line, and a quoted note may span several lines.</summary>
    private int Line()
    {
        var raw = csv.Parser.RawRecord.AsSpan().TrimEnd("\r\n");
        return csv.Parser.RawRow - raw.Count('\n');
    }

    public ValueTask DisposeAsync()
    {
        csv.Dispose();
        text.Dispose();
        return ValueTask.CompletedTask;
    }
}
