using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.SmartNumbers.Import;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>A file that cannot be imported at all (empty, not CSV, no column for the kind or the name): nothing is changed.</summary>
public sealed class AssetFileException(string message) : Exception(message);

/// <summary>
/// Imports a client's assets from CSV. The header may be Plumbline's own (API.md) or use common names ("Serial", "Hostname",
/// "Warranty Expiry"), or the caller names the columns (<see cref="AssetColumnMapping"/>). Each row is checked like an asset typed in;
/// a bad row is skipped with its reason and the others are saved. A row whose serial number matches one of the client's assets
/// updates it, so importing a newer export again does not duplicate. Reads with the time entry import's header rules.
/// </summary>
public sealed class AssetImporter(AppDbContext db, AssetService assets, TimeProvider clock)
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxRows = 20_000;

    private enum Field { Kind, Name, Manufacturer, Model, SerialNumber, PurchasedOn, WarrantyEndsOn, EndOfLifeOn, RenewsOn, AnnualCost }

    private static readonly Dictionary<Field, string[]> UsualNames = new()
    {
        [Field.Kind] = ["kind", "type", "asset type", "device type", "category"],
        [Field.Name] = ["name", "hostname", "host name", "device name", "asset name", "computer name", "device"],
        [Field.Manufacturer] = ["manufacturer", "make", "vendor", "brand"],
        [Field.Model] = ["model", "model name", "product"],
        [Field.SerialNumber] = ["serialNumber", "serial", "serial no", "s/n", "sn", "service tag"],
        [Field.PurchasedOn] = ["purchasedOn", "purchase date", "purchased", "bought", "install date"],
        [Field.WarrantyEndsOn] = ["warrantyEndsOn", "warranty end", "warranty ends", "warranty expiry", "warranty expires", "warranty expiration"],
        [Field.EndOfLifeOn] = ["endOfLifeOn", "end of life", "eol", "eol date", "end of support"],
        [Field.RenewsOn] = ["renewsOn", "renewal", "renewal date", "renews", "renew on"],
        [Field.AnnualCost] = ["annualCost", "annual cost", "cost per year", "yearly cost", "cost"],
    };

    public async Task<AssetImportReport> ImportAsync(Guid clientId, Stream csvStream, AssetColumnMapping mapping, CancellationToken ct)
    {
        using var text = new StreamReader(csvStream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            GetDelimiter = args => TimeEntryCsv.HeaderDelimiter(args.Text),
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        });
        var index = await ReadHeaderAsync(csv, mapping);
        var existing = (await db.Set<Asset>().Where(a => a.ClientId == clientId && a.SerialNumber != "").ToListAsync(ct))
            .GroupBy(a => a.SerialNumber.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<AssetImportRow>();
        var now = clock.GetUtcNow().UtcDateTime;
        while (true)
        {
            bool more;
            try { more = await csv.ReadAsync(); }
            catch (CsvHelperException) { throw new AssetFileException($"The file stops being valid CSV near line {csv.Parser.RawRow}. Nothing was imported."); }
            if (!more) break;
            var line = csv.Parser.RawRow;
            string Cell(Field f) => index.TryGetValue(f, out var i) ? SafeCsvCell(csv.GetField(i)) : "";
            if (index.Keys.All(f => Cell(f).Length == 0)) continue;
            if (rows.Count == MaxRows)
            {
                rows.Add(new(line, AssetImportOutcome.Skipped, "", $"A file holds at most {MaxRows:N0} assets; this row and the rest were not read."));
                break;
            }
            var (request, reason) = Read(Cell);
            var name = request.Name?.Trim() ?? "";
            if (reason is null && AssetRules.Validate(request) is { Count: > 0 } errors)
                reason = string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}"));
            if (reason is not null) { rows.Add(new(line, AssetImportOutcome.Skipped, name, reason)); continue; }
            var serial = (request.SerialNumber ?? "").Trim().ToLowerInvariant();
            var asset = serial.Length > 0 ? existing.GetValueOrDefault(serial) : null;
            var created = asset is null;
            asset ??= new Asset { ClientId = clientId, CreatedAt = now };
            AssetService.Apply(asset, request, now);
            if (created) { db.Add(asset); if (serial.Length > 0) existing[serial] = asset; }
            rows.Add(new(line, created ? AssetImportOutcome.Created : AssetImportOutcome.Updated, name, null));
        }
        await db.SaveChangesAsync(ct);
        await assets.FollowAssetsAsync(clientId, ct);
        return new(rows.Count(r => r.Outcome == AssetImportOutcome.Created), rows.Count(r => r.Outcome == AssetImportOutcome.Updated),
            rows.Count(r => r.Outcome == AssetImportOutcome.Skipped), rows);
    }

    private static string SafeCsvCell(string? cell) => Infrastructure.SafeCsv.Unescape(cell?.Trim() ?? "");

    private static async Task<Dictionary<Field, int>> ReadHeaderAsync(CsvReader csv, AssetColumnMapping mapping)
    {
        string[] header;
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } h || h.All(string.IsNullOrWhiteSpace))
                throw new AssetFileException("The file is empty: it needs a header line and one line per asset.");
            header = h;
        }
        catch (CsvHelperException) { throw new AssetFileException("The file could not be read as CSV. Save it as CSV (UTF-8) and import that."); }
        if (header.Any(x => x.Contains('\0')) || header[0].StartsWith("PK\u0003\u0004", StringComparison.Ordinal))
            throw new AssetFileException("This is not a CSV text file (it looks like a spreadsheet or another binary file). Save it as CSV and import that.");
        var normal = header.Select(PsaLayout.Normalize).ToArray();
        var chosen = Chosen(mapping);
        var index = new Dictionary<Field, int>();
        foreach (var field in Enum.GetValues<Field>())
        {
            if (chosen.TryGetValue(field, out var column))
            {
                var at = Array.IndexOf(normal, PsaLayout.Normalize(column));
                if (at < 0) throw new AssetFileException($"The file has no column \"{AssetRules.Short(column)}\" (you chose it for {Name(field)}). " +
                    $"Its columns are: {Columns(header)}.");
                index[field] = at;
                continue;
            }
            var found = UsualNames[field].Select(n => Array.IndexOf(normal, PsaLayout.Normalize(n))).FirstOrDefault(i => i >= 0, -1);
            if (found >= 0) index[field] = found;
        }
        var missing = new[] { Field.Kind, Field.Name }.Where(f => !index.ContainsKey(f)).Select(Name).ToList();
        if (missing.Count > 0)
            throw new AssetFileException($"The file has no column for {string.Join(" or ", missing)}. Nothing was imported. Its columns are: " +
                $"{Columns(header)}. Name the columns to use, or use the header {string.Join(",", UsualNames.Values.Select(v => v[0]))}.");
        return index;
    }

    private static string Columns(string[] header) => string.Join(", ", header.Take(40).Select(h => $"\"{AssetRules.Short(h.Trim())}\""));

    private static string Name(Field f) => UsualNames[f][0];

    private static Dictionary<Field, string> Chosen(AssetColumnMapping m)
    {
        var all = new Dictionary<Field, string?>
        {
            [Field.Kind] = m.Kind,
            [Field.Name] = m.Name,
            [Field.Manufacturer] = m.Manufacturer,
            [Field.Model] = m.Model,
            [Field.SerialNumber] = m.SerialNumber,
            [Field.PurchasedOn] = m.PurchasedOn,
            [Field.WarrantyEndsOn] = m.WarrantyEndsOn,
            [Field.EndOfLifeOn] = m.EndOfLifeOn,
            [Field.RenewsOn] = m.RenewsOn,
            [Field.AnnualCost] = m.AnnualCost,
        };
        return all.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value!.Trim());
    }

    /// <summary>A row as a request, or why its dates or cost cannot be read (the rest is checked by <see cref="AssetRules.Validate"/>).</summary>
    private static (AssetRequest Request, string? Reason) Read(Func<Field, string> cell)
    {
        var dates = new Dictionary<Field, DateOnly?>();
        foreach (var f in new[] { Field.PurchasedOn, Field.WarrantyEndsOn, Field.EndOfLifeOn, Field.RenewsOn })
        {
            var value = cell(f);
            if (value.Length == 0) { dates[f] = null; continue; }
            if (!TimeEntryValues.TryParseDate(value, null, out var date))
                return (new AssetRequest(cell(Field.Kind), cell(Field.Name)),
                    $"{Name(f)}: \"{AssetRules.Short(value)}\" is not a date Plumbline reads (use yyyy-MM-dd, or M/d/yyyy).");
            dates[f] = date;
        }
        decimal? cost = null;
        var costText = cell(Field.AnnualCost).TrimStart('$', '€', '£').Replace(",", "", StringComparison.Ordinal).Trim();
        if (costText.Length > 0)
        {
            if (!decimal.TryParse(costText, NumberStyles.Number, CultureInfo.InvariantCulture, out var c))
                return (new AssetRequest(cell(Field.Kind), cell(Field.Name)), $"annualCost: \"{AssetRules.Short(cell(Field.AnnualCost))}\" is not an amount.");
            cost = c;
        }
        var kind = cell(Field.Kind);
        if (kind.Length > 0 && AssetRules.ParseKind(kind) is { } k) kind = k.ToString();
        return (new AssetRequest(kind, cell(Field.Name), cell(Field.Manufacturer), cell(Field.Model), cell(Field.SerialNumber),
            dates[Field.PurchasedOn], dates[Field.WarrantyEndsOn], dates[Field.EndOfLifeOn], dates[Field.RenewsOn], cost), null);
    }
}
