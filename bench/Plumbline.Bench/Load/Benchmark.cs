using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Plumbline.Bench.Generation;

namespace Plumbline.Bench.Load;

public sealed record BenchmarkOptions(string App, string Root, int Requests, int Warmup, string Out, string Only = "", int QuietSeconds = 0);

/// <summary>
/// Sequential requests against the app on 127.0.0.1, each endpoint warmed up and then timed from sending the request to
/// having read the whole body. One request at a time: this measures latency on an idle server, not throughput.
/// </summary>
public static class Benchmark
{
    public const double ReviewPageTarget = 150, AnswerSaveTarget = 25, ReportPdfTarget = 2000;

    /// <summary>A PDF takes about a second: fewer runs keep the benchmark quick and still give a p95.</summary>
    public const int PdfRequests = 20, PdfWarmup = 3;

    public static async Task<int> RunAsync(BenchDatabase database, BenchmarkOptions o, CancellationToken ct)
    {
        var picks = await Picks.LoadAsync(database, ct);
        var size = await database.SizeAsync(ct);
        await using var app = await AppProcess.StartAsync(o.App, o.Root, database, ct);
        Console.WriteLine($"app on {app.Address} ({database.Provider}), log {app.LogPath}");
        using var api = await Session.WithTokenAsync(app.Address, PeopleSetup.AdminEmail, PeopleSetup.Password, ct);
        using var pages = await Session.WithCookieAsync(app.Address, PeopleSetup.AdminEmail, PeopleSetup.Password, ct);
        var plan = new List<(Series Series, HttpClient? Client, Func<int, HttpRequestMessage> Request, bool Page)>();

        void Add(string endpoint, string data, HttpClient? client, Func<int, HttpRequestMessage> request, double? target = null,
            bool page = false, int? limit = null)
        {
            if (endpoint.Contains(o.Only, StringComparison.OrdinalIgnoreCase))
                plan.Add((new Series(endpoint, data, target) { Limit = limit }, client, request, page));
        }

        static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

        Add("GET /health", "floor", api, _ => Get("/health"));
        Add("GET / (page)", "home page, shows the cookie sign-in works", pages, _ => Get("/"), page: true);
        foreach (var p in picks.Positions)
            Add("GET /api/v1/reviews/{id}", $"{p.Position} client, {p.ReviewLabel} ({p.ReviewItems} items)", api, _ => Get($"/api/v1/reviews/{p.ReviewId}"));
        foreach (var p in picks.Positions)
            Add("GET /reviews/{id} (page)", $"{p.Position} client, {p.ReviewLabel}", pages, _ => Get($"/reviews/{p.ReviewId}"), ReviewPageTarget, page: true);
        foreach (var p in picks.Positions)
            Add("PUT /api/v1/reviews/{id}/answers/{standardId}", $"{p.Position} client area, in-progress review", api, i =>
                new HttpRequestMessage(HttpMethod.Put, $"/api/v1/reviews/{p.AnswerReviewId}/answers/{p.AnswerStandards[i % p.AnswerStandards.Count]}")
                {
                    Content = JsonContent.Create(i % 5 == 0
                        ? new { answer = "No", note = "Benchmark: the restore test is overdue." }
                        : new { answer = "Yes", note = "" }),
                }, AnswerSaveTarget);
        foreach (var p in picks.Positions)
            Add("GET /clients/{id} (page)", $"{p.Position} client", pages, _ => Get($"/clients/{p.ClientId}"), page: true);
        foreach (var p in picks.Positions)
            Add("GET /api/v1/clients/{id}", $"{p.Position} client", api, _ => Get($"/api/v1/clients/{p.ClientId}"));
        Add("GET /api/v1/reviews?page=1", $"newest 50 of {picks.Reviews:N0}", api, _ => Get("/api/v1/reviews?page=1"));
        Add($"GET /api/v1/reviews?page={picks.LastReviewPage}", "last page (deep offset)", api, _ => Get($"/api/v1/reviews?page={picks.LastReviewPage}"));
        Add("GET /reviews (page)", "first page", pages, _ => Get("/reviews"), page: true);
        foreach (var p in picks.Positions)
            Add("GET /api/v1/reviews/{id}/score", $"{p.Position} client, {p.ReviewLabel}", api, _ => Get($"/api/v1/reviews/{p.ReviewId}/score"));
        foreach (var p in picks.Positions)
            Add("GET /api/v1/clients/{id}/due", $"{p.Position} client", api, _ => Get($"/api/v1/clients/{p.ClientId}/due"));

        // Reports: the alignment report of the largest review picked and that client's roadmap, HTML and PDF side by side.
        var largest = picks.Positions.MaxBy(p => p.ReviewItems)!;
        var reportData = $"{largest.Position} client, {largest.ReviewLabel} ({largest.ReviewItems} items)";
        Add("GET /reports/clients/{id}/alignment (HTML)", reportData, api,
            _ => Get($"/reports/clients/{largest.ClientId}/alignment?reviewId={largest.ReviewId}"),
            limit: Math.Min(o.Requests, 50));
        Add("GET /reports/clients/{id}/alignment?format=pdf", reportData, api,
            _ => Get($"/reports/clients/{largest.ClientId}/alignment?reviewId={largest.ReviewId}&format=pdf"), ReportPdfTarget, limit: PdfRequests);
        Add("GET /reports/clients/{id}/roadmap (HTML)", $"{largest.Position} client, 3 fiscal years", api,
            _ => Get($"/reports/clients/{largest.ClientId}/roadmap"),
            limit: Math.Min(o.Requests, 50));
        Add("GET /reports/clients/{id}/roadmap?format=pdf", $"{largest.Position} client, 3 fiscal years", api,
            _ => Get($"/reports/clients/{largest.ClientId}/roadmap?format=pdf"), ReportPdfTarget, limit: PdfRequests);

        // Every endpoint is warmed up before any is timed, so the first rows do not pay for the app's own warm-up (JIT tiers, pools).
        var ready = new List<(Series Series, HttpClient Client, Func<int, HttpRequestMessage> Request)>();
        foreach (var (series, client, request, page) in plan)
        {
            if (client is null) { series.Note = "not measured: the sign-in form did not sign in"; Print(series); continue; }
            using (var probe = await client.SendAsync(request(0), ct))
                if (probe.StatusCode != HttpStatusCode.OK)
                {
                    series.Note = page ? $"not yet available (HTTP {(int)probe.StatusCode})" : $"failed: HTTP {(int)probe.StatusCode}";
                    Print(series);
                    continue;
                }
            for (var i = 1; i < (series.Limit is null ? o.Warmup : Math.Min(o.Warmup, PdfWarmup)); i++) (await client.SendAsync(request(i), ct)).Dispose();
            ready.Add((series, client, request));
        }

        await WaitForQuietAsync(o.QuietSeconds, ct);
        var loadBefore = Report.LoadAverage();
        // The first, middle and last clients of one endpoint take turns, so drift over the run (JIT, GC, the machine) cannot
        // make one of them look slower than the others.
        foreach (var group in ready.GroupBy(r => r.Series.Endpoint))
        {
            for (var i = 0; i < o.Requests; i++)
                foreach (var (series, client, request) in group)
                {
                    if (i >= (series.Limit ?? o.Requests)) continue;
                    using var message = request(o.Warmup + i);
                    var clock = Stopwatch.StartNew();
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    series.Samples.Add(clock.Elapsed.TotalMilliseconds);
                    series.Bytes = body.Length;
                    if (response.StatusCode != HttpStatusCode.OK) series.Errors++;
                }
            foreach (var (series, _, _) in group) Print(series);
        }
        var results = plan.Select(p => p.Series).ToList();

        var report = Report.Markdown(database, picks, size, o, results, $"{loadBefore} before, {Report.LoadAverage()} after");
        Console.WriteLine();
        Console.WriteLine(report);
        if (!string.IsNullOrEmpty(o.Out)) await File.WriteAllTextAsync(o.Out, report, ct);
        return results.Any(r => r.Errors > 0 || r.Note?.StartsWith("failed", StringComparison.Ordinal) == true) ? 1 : 0;
    }

    /// <summary>On a shared machine, waits (up to a limit) for the 1-minute load average to fall below 1 before timing anything.</summary>
    private static async Task WaitForQuietAsync(int seconds, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds
               && double.TryParse(Report.LoadAverage(), System.Globalization.CultureInfo.InvariantCulture, out var load) && load >= 1.0)
        {
            if (clock.Elapsed.TotalSeconds < 1) Console.WriteLine($"waiting up to {seconds} s for the load average ({load}) to fall below 1");
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
        }
    }

    private static void Print(Series s) =>
        Console.WriteLine(s.Samples.Count == 0 ? $"{s.Endpoint,-52} {s.Data,-48} {s.Note}"
            : $"{s.Endpoint,-52} {s.Data,-48} p50 {s.Percentile(50),7:F1}  p95 {s.Percentile(95),7:F1}  max {s.Max,7:F1} " +
                $"ms{(s.Errors > 0 ? $"  {s.Errors} errors" : "")}");
}
