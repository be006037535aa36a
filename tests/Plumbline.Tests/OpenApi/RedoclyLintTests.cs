using System.Diagnostics;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.OpenApi;

/// <summary>
/// Integrators generate clients from /openapi/v1.json, so the live document is linted with the pinned Redocly CLI
/// (tools/openapi, installed by scripts/test.sh) and its rules (tools/openapi/redocly.yaml). Any error fails, and so
/// does any warning that is not one of the few known ones below.
/// </summary>
public sealed class RedoclyLintTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string Tools = Path.Combine(Repository.Root, "tools", "openapi");

    /// <summary>Warnings that are true of the API as designed: (rule, where it may occur, why).</summary>
    private static readonly (string Rule, string PointerPrefix, string Why)[] KnownWarnings =
    [
        ("operation-4xx-response", "#/paths/~1health", "health checks take no input and need no token, so they answer 200 or 503, never 4xx"),
    ];

    [Fact]
    public async Task The_OpenAPI_document_passes_the_Redocly_lint()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(System.Net.HttpStatusCode.OK);
        var folder = Directory.CreateTempSubdirectory("plumbline-openapi-").FullName;
        var file = Path.Combine(folder, "v1.json");
        await File.WriteAllTextAsync(file, document);

        var report = await LintAsync(file);
        Directory.Delete(folder, recursive: true);

        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => (Rule: p.GetProperty("ruleId").GetString()!, Severity: p.GetProperty("severity").GetString()!,
                Pointer: p.GetProperty("location")[0].GetProperty("pointer").GetString()!, Message: p.GetProperty("message").GetString()!))
            .Where(p => p.Severity == "error" || !KnownWarnings.Any(k => k.Rule == p.Rule && p.Pointer.StartsWith(k.PointerPrefix, StringComparison.Ordinal)))
            .Select(p => $"{p.Severity} {p.Rule} at {p.Pointer}: {p.Message}")
            .ToList();
        Assert.True(problems.Count == 0, $"Redocly found {problems.Count} problems in /openapi/v1.json:\n{string.Join("\n", problems)}");
    }

    private static async Task<JsonElement> LintAsync(string file)
    {
        var cli = Path.Combine(Tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"The Redocly CLI is not installed: run 'npm ci' in {Tools} (scripts/test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { cli, "lint", file, "--config", Path.Combine(Tools, "redocly.yaml"), "--format=json", "--max-problems=10000" },
            WorkingDirectory = Tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Tests make no calls home: no telemetry, no update check.
            Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = await output;
        Assert.True(json.TrimStart().StartsWith('{'), $"Redocly did not report (exit {process.ExitCode}): {json}\n{await error}");
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
