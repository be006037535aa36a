using System.Globalization;
using System.Text;
using CsvHelper;
using Plumbline.Infrastructure;

namespace Plumbline.Features.SmartNumbers.Metrics;

/// <summary>A period of whole months, as the metrics API and pages take it.</summary>
public static class MetricsPeriod
{
    public const int MaxMonths = 60;

    /// <summary>
    /// Parses "YYYY-MM" texts; a missing one takes the default period's value (the twelve months up to the last complete
    /// month). Errors name the field: a month that is not YYYY-MM, a start after the end, or more than 60 months.
    /// </summary>
    public static (DateOnly From, DateOnly To, Dictionary<string, string[]> Errors) Parse(string? from, string? to, (DateOnly From, DateOnly To) fallback)
    {
        var errors = new Dictionary<string, string[]>();
        var start = fallback.From;
        var end = fallback.To;
        if (!string.IsNullOrWhiteSpace(from) && !SmartNumberRules.TryParseMonth(from, out start))
            errors["from"] = ["Give the first month as YYYY-MM, for example 2026-01 (years 2000 to 2100)."];
        if (!string.IsNullOrWhiteSpace(to) && !SmartNumberRules.TryParseMonth(to, out end))
            errors["to"] = ["Give the last month as YYYY-MM, for example 2026-12 (years 2000 to 2100)."];
        if (errors.Count == 0 && start > end)
            errors["from"] = [$"The period starts ({SmartNumberRules.MonthText(start)}) after it ends ({SmartNumberRules.MonthText(end)})."];
        else if (errors.Count == 0 && SmartNumberRules.Months(start, end).Count > MaxMonths)
            errors["to"] = [$"A period is at most {MaxMonths} months; this one is {SmartNumberRules.Months(start, end).Count}."];
        return (start, end, errors);
    }
}

/// <summary>The MRR evaluator's filters: the page's query string, the API's and the export's.</summary>
public sealed record MetricsFilter(string? Q = null, string? Sort = null, bool Flagged = false);

/// <summary>Filters and sorts the per-client figures, and writes them as CSV or XLSX.</summary>
public static class MetricsTable
{
    public static readonly string[] Sorts = ["client", "mrr", "seats", "endpoints", "aisp", "reactiveHours", "totalHours", "rhem",
        "alignmentScore", "costsMoreThanPays"];

    private static readonly string[] Columns = ["Client", "Status", "MRR", "Seats", "Endpoints", "AISP", "Reactive hours", "Total hours", "RHEM",
        "Alignment score", "Costs more than it pays"];

    public static bool IsSort(string? sort) => string.IsNullOrEmpty(sort) || Sorts.Contains(sort.TrimStart('-'));

    public static List<ClientMetrics> Apply(IReadOnlyList<ClientMetrics> clients, MetricsFilter f)
    {
        IEnumerable<ClientMetrics> rows = clients;
        if (f.Flagged) rows = rows.Where(c => c.CostsMoreThanPays);
        if (!string.IsNullOrWhiteSpace(f.Q)) rows = rows.Where(c => c.Name.Contains(f.Q.Trim(), StringComparison.OrdinalIgnoreCase));
        var descending = f.Sort?.StartsWith('-') == true;
        Func<ClientMetrics, decimal?>? by = f.Sort?.TrimStart('-') switch
        {
            "mrr" => c => c.Mrr,
            "seats" => c => c.Seats,
            "endpoints" => c => c.Endpoints,
            "aisp" => c => c.Aisp,
            "reactiveHours" => c => c.ReactiveHours,
            "totalHours" => c => c.TotalHours,
            "rhem" => c => c.Rhem,
            "alignmentScore" => c => c.AlignmentScore,
            "costsMoreThanPays" => c => c.CostsMoreThanPays ? 1 : 0,
            _ => null,
        };
        if (by is null)
        {
            var byName = descending
                ? rows.OrderByDescending(c => c.Name, StringComparer.OrdinalIgnoreCase)
                : rows.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase);
            return byName.ToList();
        }
        // A client without a figure (no seats, no endpoints, no review) sorts last either way.
        var withValue = rows.OrderBy(c => by(c) is null);
        var ordered = descending ? withValue.ThenByDescending(by) : withValue.ThenBy(by);
        return ordered.ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static object?[] Cells(ClientMetrics c) =>
        [c.Name, c.Status.ToString(), c.Mrr, c.Seats, c.Endpoints, c.Aisp, c.ReactiveHours, c.TotalHours, c.Rhem, c.AlignmentScore,
            c.CostsMoreThanPays ? "Yes" : "No"];

    public static byte[] Csv(IEnumerable<ClientMetrics> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, SafeCsv.Writing()))
        {
            foreach (var column in Columns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var cells in rows.Select(Cells))
            {
                foreach (var cell in cells)
                    csv.WriteField(cell is decimal d ? d.ToString("0.00", CultureInfo.InvariantCulture) : Convert.ToString(cell, CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    public static byte[] Xlsx(IEnumerable<ClientMetrics> rows) =>
        Spreadsheet.Write("Smart numbers", Columns, rows.Select(Cells), moneyColumns: ["MRR", "AISP"]);

    public static string FileName(DateOnly from, DateOnly to, string extension) =>
        $"smart-numbers-{SmartNumberRules.MonthText(from)}-to-{SmartNumberRules.MonthText(to)}.{extension}";
}
