using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

public sealed record AgreementRow(Guid ClientId, string Client, string SalesRep, string? Vcio, string? Tam, string? TamUserId, int VisitDaysPerYear,
    int Seats, int Servers, int StorageGb, [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Mrr, DateOnly? ContractStart, DateOnly? ContractEnd);

public sealed record AgreementTotals(int Clients, int VisitDaysPerYear, int Seats, int Servers, int StorageGb,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Mrr);

public sealed record AgreementChartPage(IReadOnlyList<AgreementRow> Items, int Page, int PageSize, int Total, AgreementTotals Totals);

public sealed record AgreementFilter(
    [FromQuery(Name = "q")] string? Q = null, [FromQuery(Name = "tamUserId")] string? TamUserId = null,
    [FromQuery(Name = "sort")] string? Sort = null, [FromQuery(Name = "page")] int? Page = null,
    [FromQuery(Name = "pageSize")] int? PageSize = null, [FromQuery(Name = "format")] string? Format = null);

/// <summary>The agreement chart: what each active client has agreed to, with totals over every row that matches.</summary>
public sealed class AgreementChart(AppDbContext db, ProviderSettingsService settings)
{
    public const string XlsxContentType = Spreadsheet.ContentType;

    public static readonly string[] Sorts = ["client", "salesRep", "vcio", "tam", "visits", "seats", "servers", "storage", "mrr",
        "contractStart", "contractEnd"];
    private static readonly string[] Columns = ["Client", "Sales rep", "vCIO", "TAM", "Visit days a year", "Seats", "Servers", "Storage GB", "MRR",
        "Contract start", "Contract end"];

    /// <summary>All matching rows, sorted; the chart is one row per active or onboarding client, so it is read whole and paged in memory.</summary>
    public async Task<(List<AgreementRow> Rows, AgreementTotals Totals)> RowsAsync(AgreementFilter f, CancellationToken ct)
    {
        var perVisit = (await settings.GetAsync(ct)).MrrPerMonthlyVisit;
        var query = db.Clients.AsNoTracking().Where(c => ClientRules.InSchedule.Contains(c.Status));
        if (!string.IsNullOrWhiteSpace(f.Q)) { var q = f.Q.Trim().ToLowerInvariant(); query = query.Where(c => c.NameSearch.Contains(q)); }
        if (!string.IsNullOrWhiteSpace(f.TamUserId)) query = query.Where(c => c.TamUserId == f.TamUserId);
        var clients = await query.ToListAsync(ct);
        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id);
        var rows = clients.Select(c => new AgreementRow(c.Id, c.Name, c.SalesRep, Name(c.VcioUserId), Name(c.TamUserId), c.TamUserId,
            c.VisitsPerYear ?? ClientRules.SuggestedVisitsPerYear(c.Mrr, perVisit), c.Seats, c.Servers, c.StorageGb, c.Mrr, c.ContractStart, c.ContractEnd))
                .ToList();
        var totals = new AgreementTotals(rows.Count, rows.Sum(r => r.VisitDaysPerYear), rows.Sum(r => r.Seats), rows.Sum(r => r.Servers),
            rows.Sum(r => r.StorageGb), rows.Sum(r => r.Mrr));
        return (Sort(rows, f.Sort), totals);
    }

    private static List<AgreementRow> Sort(List<AgreementRow> rows, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = sort?.TrimStart('-');
        Func<AgreementRow, object?> by = key switch
        {
            "salesRep" => r => r.SalesRep,
            "vcio" => r => r.Vcio,
            "tam" => r => r.Tam,
            "visits" => r => r.VisitDaysPerYear,
            "seats" => r => r.Seats,
            "servers" => r => r.Servers,
            "storage" => r => r.StorageGb,
            "mrr" => r => r.Mrr,
            "contractStart" => r => r.ContractStart,
            "contractEnd" => r => r.ContractEnd,
            _ => r => r.Client.ToLowerInvariant(),
        };
        var ordered = descending ? rows.OrderByDescending(by) : rows.OrderBy(by);
        return ordered.ThenBy(r => r.Client, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static async Task<Results<Ok<AgreementChartPage>, FileContentHttpResult, ValidationProblem>> GetAsync([AsParameters] AgreementFilter f,
        AgreementChart chart, TimeProvider clock, CancellationToken ct)
    {
        if (f.Sort is { Length: > 0 } s && !Sorts.Contains(s.TrimStart('-')))
            return ApiErrors.Validation("sort", $"Sort by {string.Join(", ", Sorts)}, with '-' in front for descending.");
        var format = (f.Format ?? "json").ToLowerInvariant();
        if (format is not ("json" or "csv" or "xlsx")) return ApiErrors.Validation("format", "Use json, csv or xlsx.");
        var (rows, totals) = await chart.RowsAsync(f, ct);
        var file = $"agreement-chart-{clock.GetUtcNow():yyyy-MM-dd}.{format}";
        if (format == "csv") return TypedResults.File(Csv(rows, totals), "text/csv; charset=utf-8", file);
        if (format == "xlsx") return TypedResults.File(Xlsx(rows, totals), XlsxContentType, file);
        var (page, size) = Paging.Normalize(f.Page, f.PageSize);
        return TypedResults.Ok(new AgreementChartPage(rows.Skip((page - 1) * size).Take(size).ToList(), page, size, rows.Count, totals));
    }

    private static object?[] Cells(AgreementRow r) =>
        [r.Client, r.SalesRep, r.Vcio, r.Tam, r.VisitDaysPerYear, r.Seats, r.Servers, r.StorageGb, r.Mrr, r.ContractStart, r.ContractEnd];

    private static object?[] Cells(AgreementTotals t) => ["Total", null, null, null, t.VisitDaysPerYear, t.Seats, t.Servers, t.StorageGb, t.Mrr, null, null];

    public static byte[] Csv(List<AgreementRow> rows, AgreementTotals totals)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, SafeCsv.Writing());
        foreach (var column in Columns) csv.WriteField(column);
        csv.NextRecord();
        foreach (var cells in rows.Select(Cells).Append(Cells(totals)))
        {
            foreach (var cell in cells)
                csv.WriteField(cell switch
                {
                    decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
                    DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
                });
            csv.NextRecord();
        }
        csv.Flush();
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    public static byte[] Xlsx(List<AgreementRow> rows, AgreementTotals totals) =>
        Spreadsheet.Write("Agreement chart", Columns, rows.Select(Cells), moneyColumns: ["MRR"],
            dateColumns: ["Contract start", "Contract end"], totals: Cells(totals));
}
