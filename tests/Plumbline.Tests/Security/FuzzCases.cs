using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Plumbline.Tests.Security;

/// <summary>
/// Bad inputs made from an operation's schema: for every body field wrong types, null, empty, very long, control and
/// unusual characters, out-of-range numbers, invalid enums and dates; missing required fields; bodies that are not
/// objects, are not JSON, nest too deep or come with the wrong content type; invalid path ids and out-of-range query
/// values. Deterministic: the same document gives the same cases, and a fixed seed picks which ones when there are too many.
/// </summary>
public sealed partial class FuzzCases(JsonElement schemas, SecurityData data)
{
    public const int Seed = 20261204;
    public const int MaxCasesPerOperation = 60;
    public const string Plausible = "body: a plausible body";

    private static readonly string Long = new('a', 10_000);
    private static readonly string Huge = new('b', 1_000_000);
    private static readonly string Controls = "line one\r\nline two\u0001\u0007\u001b[31m\ttab";
    private static readonly string Unicode = "\u202Eevil\u202C \U0001F600 \u0000 nul \uFEFF\u200B zero-width \u0645\u0631\u062D\u0628\u0627";
    private static readonly string[] BadDates = ["2026-13-45", "0000-01-01", "99999-01-01", "2026-02-30", "yesterday"];
    // No %00: the in-memory test server refuses a NUL in a path before the app sees it (Kestrel answers 400 itself).
    private static readonly string[] BadIds = ["not-a-guid", "00000000-0000-0000-0000-000000000000", "%01%0D%0A", "..%2F..%2Fetc", Long[..2000], "%E2%80%AE1"];

    public List<FuzzCase> For(ApiOperation operation)
    {
        var cases = new List<FuzzCase>();
        var url = data.Fill(operation.Path);
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            foreach (var bad in BadIds)
                cases.Add(new($"path {parameter.Name}={Shorten(bad)}", data.Fill(operation.Path.Replace($"{{{parameter.Name}}}", bad)),
                    operation.JsonBody is null ? null : "{}", operation.JsonBody is null ? null : "application/json"));
        var query = operation.Parameters.Where(p => p.In == "query").ToList();
        foreach (var parameter in query)
            foreach (var bad in QueryValues(parameter))
                cases.Add(new($"query {parameter.Name}={Shorten(bad)}", $"{url}?{parameter.Name}={Uri.EscapeDataString(bad)}", null, null));
        if (query.Any(p => p.Name == "page") && query.Any(p => p.Name == "pageSize"))
        {
            cases.Add(new("query page=-1&pageSize=1000000", $"{url}?page=-1&pageSize=1000000", null, null));
            cases.Add(new("query page=2147483647&pageSize=2147483647", $"{url}?page=2147483647&pageSize=2147483647", null, null));
        }
        if (operation.JsonBody is { } schema) cases.AddRange(BodyCases(url, schema, operation.OperationId));
        else if (operation.BodyTypes.Count > 0) cases.AddRange(FileCases(url, operation.BodyTypes));

        if (cases.Count <= MaxCasesPerOperation) return cases;
        // Too many to send them all: keep a fixed-seed sample, always with the whole-body cases.
        // string.GetHashCode differs between runs, so the operation's share of the seed is a hash of our own.
        var random = new Random(Seed ^ operation.OperationId.Aggregate(17, (hash, c) => unchecked(hash * 31 + c)));
        var body = cases.Where(c => c.Name.StartsWith("body:", StringComparison.Ordinal)).ToList();
        var rest = cases.Except(body).OrderBy(_ => random.Next()).Take(Math.Max(0, MaxCasesPerOperation - body.Count));
        return body.Concat(rest).ToList();
    }

    private static string Shorten(string value) => value.Length > 24 ? $"{value[..12]}...({value.Length} chars)" : value;

    private IEnumerable<string> QueryValues(ApiParameter parameter)
    {
        var schema = Pick(parameter.Schema);
        var types = Types(schema);
        if (schema.TryGetProperty("enum", out _)) yield return "NotAValue";
        if (types.Contains("integer") || types.Contains("number"))
        {
            foreach (var v in new[] { "-1", "0", "1000000", "99999999999999999999", "1e308", "abc", "" }) yield return v;
            yield break;
        }
        if (types.Contains("boolean")) { yield return "maybe"; yield break; }
        var format = Format(schema);
        if (format is "date" or "date-time") foreach (var d in BadDates) yield return d;
        if (format == "uuid") { yield return "not-a-guid"; yield return "00000000-0000-0000-0000-000000000000"; }
        yield return Long;
        yield return Controls;
        yield return Unicode;
        yield return "-1";
    }

    private IEnumerable<FuzzCase> BodyCases(string url, JsonElement schema, string operationId)
    {
        const string Json = "application/json";
        var valid = Sample(schema, 0, operationId) as JsonObject ?? new JsonObject();
        var text = valid.ToJsonString();
        yield return new(Plausible, url, text, Json);
        yield return new("body: malformed JSON", url, "{\"a\": ", Json);
        yield return new("body: an array instead of an object", url, "[]", Json);
        yield return new("body: null", url, "null", Json);
        yield return new("body: a string", url, "\"text\"", Json);
        yield return new("body: a number", url, "42", Json);
        yield return new("body: empty", url, "", Json);
        yield return new("body: nested 10,000 deep", url, string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), Json);
        yield return new("body: arrays nested 10,000 deep", url, new string('[', 10_000) + new string(']', 10_000), Json);
        yield return new("body: text/plain", url, text, "text/plain");
        yield return new("body: application/xml", url, "<client><name>x</name></client>", "application/xml");
        yield return new("body: form-encoded", url, "name=x", "application/x-www-form-urlencoded");

        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
        var huge = false;
        foreach (var property in properties)
        {
            var field = Pick(property.Value);
            var types = Types(field);
            foreach (var (what, value) in FieldValues(field, types, property.Name))
            {
                if (what == "1 MB string")
                {
                    // One 1 MB field per operation is enough to see what a huge body does.
                    if (huge) continue;
                    huge = true;
                }
                var body = (JsonObject)valid.DeepClone();
                body[property.Name] = value;
                yield return new($"{property.Name}: {what}", url, body.ToJsonString(), Json);
            }
        }
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                var body = (JsonObject)valid.DeepClone();
                body.Remove(name);
                yield return new($"{name}: missing (required)", url, body.ToJsonString(), Json);
            }
    }

    private static IEnumerable<(string What, JsonNode? Value)> FieldValues(JsonElement field, string[] types, string name)
    {
        yield return ("null", null);
        yield return ("an object", new JsonObject { ["a"] = new JsonObject { ["b"] = 1 } });
        if (types.Contains("array"))
        {
            yield return ("a string instead of a list", "text");
            yield return ("a list of nulls", new JsonArray(null, null));
            yield return ("a list of 10,000 strings", new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)$"item {i}").ToArray()));
            yield return ("a list of lists", new JsonArray(new JsonArray(new JsonArray(1))));
            yield break;
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("a string", "abc");
            yield return ("a quoted number", "12");
            yield return ("-1", -1);
            yield return ("0", 0);
            yield return ("1e308", 1e308);
            yield return ("-1e308", -1e308);
            yield return ("long.MaxValue", long.MaxValue);
            yield return ("long.MinValue", long.MinValue);
            yield return ("1.5", 1.5);
            yield return ("a list", new JsonArray(1, 2));
            yield break;
        }
        if (types.Contains("boolean"))
        {
            yield return ("a string", "yes");
            yield return ("a number", 1);
            yield break;
        }
        yield return ("a number", 12345);
        yield return ("true", true);
        yield return ("a list", new JsonArray("a", "b"));
        yield return ("empty", "");
        yield return ("spaces", "   ");
        yield return ("10,000 characters", Long);
        yield return ("1 MB string", Huge);
        yield return ("control characters and CR/LF", Controls);
        yield return ("RTL, emoji, NUL, zero-width", Unicode);
        if (field.TryGetProperty("enum", out _)) yield return ("an invalid enum", "NotAValue");
        var format = Format(field);
        if (format is "date" or "date-time")
            foreach (var date in BadDates) yield return ($"date {date}", date);
        if (format == "uuid" || name.EndsWith("Id", StringComparison.Ordinal))
        {
            yield return ("not a GUID", "not-a-guid");
            yield return ("the empty GUID", Guid.Empty.ToString());
        }
        if (name.Contains("url", StringComparison.OrdinalIgnoreCase) || name.Contains("email", StringComparison.OrdinalIgnoreCase))
        {
            yield return ("javascript: address", "javascript:alert(1)");
            yield return ("file: address", "file:///etc/passwd");
        }
    }

    private IEnumerable<FuzzCase> FileCases(string url, IReadOnlyList<string> types)
    {
        var random = new Random(Seed);
        var garbage = new byte[4096];
        random.NextBytes(garbage);
        foreach (var type in types.Where(t => !t.StartsWith("multipart/", StringComparison.Ordinal)))
        {
            yield return new($"body: random bytes as {type}", url, null, type, garbage);
            yield return new($"body: empty {type}", url, null, type, []);
            yield return new($"body: a zip header only as {type}", url, null, type, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]);
            yield return new($"body: NUL and CR/LF text as {type}", url, "a,b\r\n\u0000,\"unclosed", type);
        }
        yield return new("body: multipart without a file", url, null, "multipart/form-data; boundary=x", Encoding.UTF8.GetBytes("--x\r\n\r\n--x--"));
        yield return new("body: application/json", url, "{}", "application/json");
    }

    /// <summary>A plausible value for a schema: real ids for fields that name objects the suite made, fixed values otherwise.</summary>
    private JsonNode? Sample(JsonElement schema, int depth, string operationId)
    {
        schema = Pick(schema);
        var types = Types(schema);
        if (schema.TryGetProperty("enum", out var values))
            return values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => (JsonNode?)v.GetString()).FirstOrDefault();
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var body = new JsonObject();
            if (depth > 3 || !schema.TryGetProperty("properties", out var properties)) return body;
            // No version: it is optional everywhere, and a made-up one would make every update a 409 conflict.
            foreach (var property in properties.EnumerateObject().Where(p => p.Name != "version"))
                body[property.Name] = data.IdFor(property.Name) is { } id ? id
                    : GoodValues.TryGetValue(property.Name, out var good) ? good(operationId) : Sample(property.Value, depth + 1, operationId);
            return body;
        }
        if (types.Contains("array"))
            return schema.TryGetProperty("items", out var items) && depth <= 3 ? new JsonArray(Sample(items, depth + 1, operationId)) : new JsonArray();
        if (types.Contains("integer")) return 1;
        if (types.Contains("number")) return 10;
        if (types.Contains("boolean")) return true;
        return Format(schema) switch
        {
            "date" => "2027-03-02",
            "date-time" => "2027-03-02T10:00:00Z",
            "uuid" => SecurityData.Nothing,
            _ => types.Contains("string") ? "Sample text" : null,
        };
    }

    /// <summary>The schema itself, or behind a $ref, or the first non-null choice of a oneOf/anyOf.</summary>
    private JsonElement Pick(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return schema;
        if (schema.TryGetProperty("$ref", out _)) return Pick(ApiSurface.Resolve(schemas, schema));
        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(choice, out var options))
                foreach (var option in options.EnumerateArray())
                    if (!Types(option).SequenceEqual(["null"])) return Pick(option);
        return schema;
    }

    private static string[] Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;
}
