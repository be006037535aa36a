using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Audit;

/// <summary>One field of an audit entry as people read it: its name and its value before and after, with names for ids.</summary>
public sealed record AuditField(string Name, string? Before, string? After);

/// <summary>An audit entry as the audit trail page shows it. The API keeps the raw <see cref="AuditEntryDetails.Changes"/>.</summary>
public sealed record AuditLine(AuditEntryDetails Entry, string Action, string Kind, string? Item, string? Link, IReadOnlyList<AuditField> Fields);

/// <summary>
/// Turns the trail's JSON into before/after text: ids become the names of the users, clients, standards and other items they
/// point at (looked up in one query per kind for the whole page), code names become words and long texts are shortened.
/// </summary>
public static class AuditReadout
{
    private const int MaxValueLength = 300;

    // Fields whose values are code names of a choice ("InProgress"), shown as words.
    private static readonly HashSet<string> Choices = ["Status", "Kind", "Scope", "Priority", "Area", "Rating", "Answer", "TwoFactorRequirement",
        "Reason", "Frequency", "Security", "Group", "Mode", "Milestone"];

    private static readonly Dictionary<string, string> Kinds = new()
    {
        ["AppUser"] = "User",
        ["UserRole"] = "Role",
        ["ProviderSettings"] = "Settings",
        ["ReactiveClassification"] = "Reactive work list",
    };

    public static async Task<IReadOnlyList<AuditLine>> ReadAsync(AppDbContext db, IReadOnlyList<AuditEntryDetails> entries, CancellationToken ct)
    {
        var raw = entries.Select(e => (Entry: e, Fields: Parse(e))).ToList();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (entry, fields) in raw)
        {
            ids.UnionWith(entry.EntityId.Split(','));
            foreach (var f in fields)
            {
                if (f.Before is { Length: > 0 } before) ids.Add(before);
                if (f.After is { Length: > 0 } after) ids.Add(after);
            }
        }
        var names = await NamesAsync(db, ids, ct);
        return [.. raw.Select(r => Line(r.Entry, r.Fields, names))];
    }

    private static AuditLine Line(AuditEntryDetails e, List<AuditField> fields, Dictionary<string, string> names)
    {
        var parts = e.EntityId.Split(',');
        var named = fields.FirstOrDefault(f => f.Name is "Name" or "Title");
        var item = e.EntityType == "UserRole" && parts.Length == 2
            ? $"{Name(parts[0], names) ?? "a user"} as {Name(parts[1], names) ?? "a role"}"
            : Name(e.EntityId, names) ?? named?.After ?? named?.Before;
        var link = e.EntityType switch
        {
            "Standard" => $"/library/standards/{e.EntityId}",
            "Client" => $"/clients/{e.EntityId}",
            "Review" => $"/reviews/{e.EntityId}",
            "Handoff" => $"/handoffs/{e.EntityId}",
            _ => null,
        };
        var action = e.Action switch { "Added" => "Added", "Modified" => "Changed", "Deleted" => "Deleted", _ => e.Action };
        var shown = fields
            .Where(f => e.Action != "Added" || f.After is { Length: > 0 })
            .Select(f => new AuditField(Words.Field(f.Name), Value(f.Name, f.Before, names), Value(f.Name, f.After, names)))
            .ToList();
        return new AuditLine(e, action, Kind(e.EntityType), item,
            e.Action == "Deleted" ? null : link, shown);
    }

    /// <summary>The kind of an audited item in people's words: "AppUser" is "User".</summary>
    public static string Kind(string entityType) => Kinds.GetValueOrDefault(entityType) ?? Words.Of(entityType);

    private static string? Name(string id, Dictionary<string, string> names) => names.GetValueOrDefault(id);

    /// <summary>The raw fields: { "Name": "a" } for an addition or deletion, { "Name": { "from": "a", "to": "b" } } for a change.</summary>
    private static List<AuditField> Parse(AuditEntryDetails e)
    {
        try
        {
            using var json = JsonDocument.Parse(e.Changes);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return [];
            return [.. json.RootElement.EnumerateObject().Select(p =>
                p.Value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("from", out var from) && v.TryGetProperty("to", out var to)
                    ? new AuditField(p.Name, Text(from), Text(to))
                    : e.Action == "Deleted" ? new AuditField(p.Name, Text(p.Value), null) : new AuditField(p.Name, null, Text(p.Value)))];
        }
        catch (JsonException)
        {
            return [new AuditField("Changes", null, e.Changes)];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };

    /// <summary>A value as people read it: the name behind an id, a date in the provider's zone, "Yes" for true, words for a code name.</summary>
    private static string? Value(string field, string? value, Dictionary<string, string> names)
    {
        if (value is null) return null;
        if (names.TryGetValue(value, out var name)) return name;
        if (value is "True" or "False") return value == "True" ? "Yes" : "No";
        if (value.StartsWith('[') && TryList(value) is { } list) return list;
        if (field.EndsWith("At", StringComparison.Ordinal)
            && System.DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return Format.DateTime(at);
        if ((field.EndsWith("On", StringComparison.Ordinal) || field is "Date" or "AsOf" or "ContractStart" or "ContractEnd")
            && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var day))
            return Format.Date(day);
        if ((Choices.Contains(field) || field.EndsWith("Status", StringComparison.Ordinal)) && value.All(char.IsAsciiLetterOrDigit))
            return Words.Of(value);
        return value.Length > MaxValueLength ? value[..MaxValueLength] + "…" : value;
    }

    /// <summary>A list the trail stored as JSON text (tags, for one): "a, b".</summary>
    private static string? TryList(string value)
    {
        try { return JsonSerializer.Deserialize<List<string>>(value) is { } items ? string.Join(", ", items) : null; }
        catch (JsonException) { return null; }
    }

    /// <summary>Names for the ids among the values: users and roles by their string ids, everything else by its Guid.</summary>
    private static async Task<Dictionary<string, string>> NamesAsync(AppDbContext db, HashSet<string> values, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var guids = values.Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        if (guids.Count == 0) return names;
        var texts = guids.Select(g => g.ToString()).ToList();
        void Add(string id, string name) => names.TryAdd(id, name);
        foreach (var u in await db.Users.AsNoTracking().Where(u => texts.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Email }).ToListAsync(ct))
            Add(u.Id, u.Name.Length > 0 ? u.Name : u.Email ?? u.Id);
        foreach (var r in await db.Roles.AsNoTracking().Where(r => texts.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            Add(r.Id, Words.Of(r.Name ?? r.Id));
        foreach (var c in await db.Clients.AsNoTracking().Where(c => guids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            Add(c.Id.ToString(), c.Name);
        foreach (var s in await db.Standards.AsNoTracking().Where(s => guids.Contains(s.Id)).Select(s => new { s.Id, s.Code, s.Title }).ToListAsync(ct))
            Add(s.Id.ToString(), $"{s.Code} {s.Title}");
        foreach (var c in await db.Categories.AsNoTracking().Where(c => guids.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            Add(c.Id.ToString(), c.Name);
        foreach (var s in await db.Sections.AsNoTracking().Where(s => guids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            Add(s.Id.ToString(), s.Name);
        foreach (var r in await db.Reviews.AsNoTracking().Where(r => guids.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
            Add(r.Id.ToString(), r.Title);
        foreach (var r in await db.Recommendations.AsNoTracking().Where(r => guids.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct))
            Add(r.Id.ToString(), r.Title);
        foreach (var i in await db.Initiatives.AsNoTracking().Where(i => guids.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
            Add(i.Id.ToString(), i.Name);
        foreach (var t in await db.RecommendationTemplates.AsNoTracking().Where(t => guids.Contains(t.Id)).Select(t => new { t.Id, t.Title })
                     .ToListAsync(ct))
            Add(t.Id.ToString(), t.Title);
        foreach (var h in await db.Handoffs.AsNoTracking().Where(h => guids.Contains(h.Id)).Select(h => new { h.Id, h.Title }).ToListAsync(ct))
            Add(h.Id.ToString(), h.Title);
        return names;
    }
}
