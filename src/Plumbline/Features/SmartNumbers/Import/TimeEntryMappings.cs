using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.SmartNumbers.Import;

/// <summary>Which CSV column feeds each field. externalId, company, date and hours are required.</summary>
public sealed record TimeEntryMappingColumns(string? ExternalId, string? Company, string? Date, string? Hours, string? WorkType = null,
    string? Board = null, string? TicketType = null);

public sealed record TimeEntryMappingRequest(string? Name, TimeEntryMappingColumns? Columns, string? DateFormat = null);

public sealed record TimeEntryMappingDetails(string Name, TimeEntryMappingColumns Columns, string? DateFormat, DateTime UpdatedAt, string UpdatedBy);

/// <summary>Saved column mappings: create, change, delete, list.</summary>
public sealed partial class TimeEntryMappings(AppDbContext db, TimeProvider clock)
{
    public sealed record Outcome(TimeEntryMappingDetails? Details, Dictionary<string, string[]>? Errors = null, bool NotFound = false, bool Conflict = false);

    /// <summary>Why a name cannot be a mapping's name (or a connector's source), or null when it can.</summary>
    public static string? NameError(string name, bool allowReserved = false)
    {
        if (name.Length == 0) return "Give the mapping a name.";
        if (name.Length > TimeEntryColumnMapping.NameMax) return $"Use at most {TimeEntryColumnMapping.NameMax} characters.";
        if (!NamePattern().IsMatch(name)) return "Use lower-case letters, digits and hyphens only (for example 'my-psa').";
        if (!allowReserved && PsaLayouts.ReservedSources.Contains(name))
            return $"'{name}' is a built-in layout; choose another name.";
        return null;
    }

    public static string NormalizeName(string? name) => (name ?? "").Trim().ToLowerInvariant();

    public async Task<List<TimeEntryMappingDetails>> ListAsync(CancellationToken ct) =>
        (await db.TimeEntryColumnMappings.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct)).Select(Details).ToList();

    public Task<TimeEntryColumnMapping?> FindAsync(string? name, CancellationToken ct)
    {
        var key = NormalizeName(name);
        return db.TimeEntryColumnMappings.AsNoTracking().FirstOrDefaultAsync(m => m.Name == key, ct);
    }

    public async Task<Outcome> CreateAsync(TimeEntryMappingRequest r, string who, CancellationToken ct)
    {
        var name = NormalizeName(r.Name);
        var errors = Validate(r);
        if (NameError(name) is { } nameError) errors["name"] = [nameError];
        if (errors.Count > 0) return new(null, errors);
        if (await db.TimeEntryColumnMappings.AnyAsync(m => m.Name == name, ct))
            return new(null, new() { ["name"] = [$"A mapping named '{name}' exists already; change it instead."] }, Conflict: true);
        var now = clock.GetUtcNow().UtcDateTime;
        var mapping = new TimeEntryColumnMapping { Name = name, CreatedAt = now };
        Apply(mapping, r, who, now);
        db.TimeEntryColumnMappings.Add(mapping);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new(null, new() { ["name"] = [$"A mapping named '{name}' exists already; change it instead."] }, Conflict: true);
        }
        return new(Details(mapping));
    }

    public async Task<Outcome> UpdateAsync(string name, TimeEntryMappingRequest r, string who, CancellationToken ct)
    {
        var key = NormalizeName(name);
        if (await db.TimeEntryColumnMappings.FirstOrDefaultAsync(m => m.Name == key, ct) is not { } mapping) return new(null, NotFound: true);
        var errors = Validate(r);
        if (r.Name is { } renamed && NormalizeName(renamed) != key)
            errors["name"] = ["A mapping cannot be renamed (its name is the source of the entries it imported); create a new one instead."];
        if (errors.Count > 0) return new(null, errors);
        Apply(mapping, r, who, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return new(Details(mapping));
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        var key = NormalizeName(name);
        return await db.TimeEntryColumnMappings.Where(m => m.Name == key).ExecuteDeleteAsync(ct) > 0;
    }

    private static Dictionary<string, string[]> Validate(TimeEntryMappingRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        var c = r.Columns;
        if (c is null)
        {
            errors["columns"] = ["Say which column holds each field: externalId, company, date and hours at least."];
            return errors;
        }
        void Need(string field, string? value, bool required)
        {
            if (required && string.IsNullOrWhiteSpace(value)) errors[$"columns.{field}"] = [$"Choose the column that holds the {field}."];
            else if (value?.Trim().Length > TimeEntryColumnMapping.ColumnMax)
                errors[$"columns.{field}"] = [$"A column name has at most {TimeEntryColumnMapping.ColumnMax} characters."];
        }
        Need("externalId", c.ExternalId, true);
        Need("company", c.Company, true);
        Need("date", c.Date, true);
        Need("hours", c.Hours, true);
        Need("workType", c.WorkType, false);
        Need("board", c.Board, false);
        Need("ticketType", c.TicketType, false);
        if (r.DateFormat is { Length: > 0 } format)
        {
            if (format.Trim().Length > 40) errors["dateFormat"] = ["A date format has at most 40 characters."];
            else if (!ValidFormat(format.Trim())) errors["dateFormat"] = ["Use a date format such as dd/MM/yyyy, d.M.yyyy or yyyyMMdd."];
        }
        return errors;
    }

    private static bool ValidFormat(string format)
    {
        try
        {
            var sample = new DateTime(2026, 11, 23).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(sample, format, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var back) && back.Date == new DateTime(2026, 11, 23);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void Apply(TimeEntryColumnMapping m, TimeEntryMappingRequest r, string who, DateTime now)
    {
        var c = r.Columns!;
        static string? Optional(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
        (m.ExternalIdColumn, m.CompanyColumn, m.DateColumn, m.HoursColumn) = (c.ExternalId!.Trim(), c.Company!.Trim(), c.Date!.Trim(), c.Hours!.Trim());
        (m.WorkTypeColumn, m.BoardColumn, m.TicketTypeColumn) = (Optional(c.WorkType), Optional(c.Board), Optional(c.TicketType));
        m.DateFormat = Optional(r.DateFormat);
        (m.UpdatedAt, m.UpdatedBy) = (now, who);
    }

    public static TimeEntryMappingDetails Details(TimeEntryColumnMapping m) => new(m.Name,
        new(m.ExternalIdColumn, m.CompanyColumn, m.DateColumn, m.HoursColumn, m.WorkTypeColumn, m.BoardColumn, m.TicketTypeColumn),
        m.DateFormat, m.UpdatedAt, m.UpdatedBy);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex NamePattern();
}
