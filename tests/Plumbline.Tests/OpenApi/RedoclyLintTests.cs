using System.Diagnostics;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.OpenApi;

/// <summary>
/// Integrators generate clients from /openapi/v1.json, so the live document is linted with the pinned Redocly CLI
/// (tools/openapi, installed by scripts/test.sh) and its rules (tools/openapi/redocly.yaml). Any error fails.
/// </summary>
public sealed class RedoclyLintTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string Tools = Path.Combine(Repository.Root, "tools", "openapi");

    [Fact]
    public async Task The_OpenAPI_document_passes_the_Redocly_lint()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ExpectAsync(System.Net.HttpStatusCode.OK);
        var file = Path.Combine(Directory.CreateTempSubdirectory("plumbline-openapi-").FullName, "v1.json");
        await File.WriteAllTextAsync(file, document);

        var report = await LintAsync(file);

        var errors = report.GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error")
            .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, $"Redocly found {errors.Count} errors in /openapi/v1.json:\n{string.Join("\n", errors)}");
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
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
