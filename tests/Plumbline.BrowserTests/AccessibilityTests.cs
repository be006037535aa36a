using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Plumbline.BrowserTests;

/// <summary>
/// WCAG 2.2 AA: every page of a living system (the demo data set) passes axe-core with no violation, signed out and for
/// each role that works in the app (admin, service lead, vCIO, TAM), on a laptop (1280 px) and a tablet (768 px).
/// axe-core is the npm package pinned in tools/axe (scripts/test.sh installs it).
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser)
{
    private static readonly int[] Widths = [1280, 768];
    private static readonly (string Role, string Login)[] People = [("Admin", "admin"), ("ServiceLead", "lead"), ("Vcio", "vcio"), ("Tam", "tam")];

    protected override AppServer StartApp() => AppServer.Start(demo: true);

    [Fact]
    public async Task Every_page_passes_axe_core_for_each_role_at_1280_and_768_pixels()
    {
        var watch = Stopwatch.StartNew();
        await Axe.AddToAsync(Context);
        var pages = await DemoPages.LoadAsync(App.BaseUrl);
        var found = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var checkedPages = 0;

        foreach (var path in DemoPages.Anonymous)
        {
            await Page.GotoAsync(path);
            await CheckAsync(path, "signed out", found);
            checkedPages++;
        }
        foreach (var (role, login) in People)
        {
            await Context.ClearCookiesAsync();
            await SignInAsync(DemoPages.Email(login), DemoPages.Password);
            foreach (var path in pages.All)
            {
                await Page.GotoAsync(path);
                // A page the role may not open sends it to "access denied", which is checked signed out above.
                if (Page.Url.Contains("/account/access-denied", StringComparison.Ordinal)) continue;
                await CheckAsync(path, role, found);
                checkedPages++;
            }
        }

        output.WriteLine($"axe-core checked {checkedPages} pages at {Widths.Length} widths in {watch.Elapsed.TotalSeconds:0} s.");
        Assert.True(found.Count == 0, $"axe-core found {found.Count} violations (WCAG 2.2 AA):\n" +
            string.Join("\n", found.Select(f => $"{f.Key}\n    for: {string.Join(", ", f.Value)}")));
    }

    private async Task CheckAsync(string path, string role, SortedDictionary<string, SortedSet<string>> found)
    {
        foreach (var width in Widths)
        {
            await Page.SetViewportSizeAsync(width, 900);
            foreach (var violation in await Axe.RunAsync(Page))
            {
                var key = $"{path}: {violation}";
                if (!found.TryGetValue(key, out var who)) found[key] = who = [];
                who.Add($"{role} at {width} px");
            }
        }
        await Page.SetViewportSizeAsync(1280, 900);
    }
}

/// <summary>axe-core in the browser: added to every page of a context, run on the whole document.</summary>
public static class Axe
{
    /// <summary>The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>
    /// The page's Content-Security-Policy allows scripts of our own origin only; a script added before the page's own
    /// (DevTools' "evaluate on new document") is not subject to it, so the test needs no hole in the policy.
    /// </summary>
    public static Task AddToAsync(Microsoft.Playwright.IBrowserContext context) => context.AddInitScriptAsync(FindScript());

    /// <summary>Each violation as "rule (impact): what it means – the elements", one element selector per node.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(Microsoft.Playwright.IPage page)
    {
        // Partial updates (htmx) that a page starts on load finish before the check.
        await page.WaitForFunctionAsync("() => document.readyState === 'complete' && !document.querySelector('.htmx-request')");
        var violations = await page.EvaluateAsync<JsonElement>(@"async tags => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
        }", Tags);
        return [.. violations.EnumerateArray().Select(v =>
        {
            var targets = v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ToList();
            var shown = string.Join(" | ", targets.Take(5)) + (targets.Count > 5 ? $" | and {targets.Count - 5} more" : "");
            return $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} – {shown}";
        })];
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Plumbline.slnx"))) continue;
            var file = Path.Combine(dir.FullName, "tools", "axe", "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(file)) throw new InvalidOperationException($"axe-core is not installed: run 'npm ci' in {Path.GetDirectoryName(
                Path.GetDirectoryName(Path.GetDirectoryName(file)))} (scripts/test.sh does).");
            return File.ReadAllText(file);
        }
        throw new InvalidOperationException($"No Plumbline.slnx above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
