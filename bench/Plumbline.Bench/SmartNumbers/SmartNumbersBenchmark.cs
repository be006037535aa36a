using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plumbline.Bench.Generation;
using Plumbline.Bench.Load;

namespace Plumbline.Bench.SmartNumbers;

public sealed record SmartNumbersOptions(string App, string Root, int Entries, int Months, int Requests, int Warmup, string Out, int Seed);

/// <summary>
/// Issue 12's benchmark on a generated database: writes one generic CSV of PSA time entries (2,000,000 rows over 24 months
/// by default), imports it through the API as one file while watching the app's memory, then times the metrics API, the
/// practice dashboard and the numbers page over 12 months.
/// </summary>
public static class SmartNumbersBenchmark
{
    public const double ImportPeakRssTargetMb = 500, DashboardTarget = 200;

    private static readonly (string WorkType, string Board, string TicketType, double Share)[] Kinds =
    [
        ("Remote Support", "Service Desk", "Incident", 0.34), ("Remote Support", "Service Desk", "Service Request", 0.16),
        ("Onsite Support", "Service Desk", "Incident", 0.08), ("Remote Support", "Escalations", "Problem", 0.06),
        ("Project Work", "Projects", "Project", 0.16), ("Alignment", "Alignment", "Review", 0.08),
        ("Monitoring", "Centralized Services", "Alert", 0.08), ("Admin", "Internal", "Other", 0.04),
    ];

    public static async Task<int> RunAsync(BenchDatabase database, SmartNumbersOptions o, CancellationToken ct)
    {
        List<string> clients;
        await using (var db = database.CreateContext())
            clients = await db.Clients.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
        if (clients.Count == 0) throw new InvalidOperationException("The database has no clients; run `generate` first.");
        var lastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);
        var firstMonth = lastMonth.AddMonths(1 - o.Months);

        var csv = Path.Combine(Path.GetTempPath(), $"plumbline-bench-time-entries-{Environment.ProcessId}.csv");
        var write = Stopwatch.StartNew();
        await WriteCsvAsync(csv, clients, firstMonth, o, ct);
        var fileMb = new FileInfo(csv).Length / 1024.0 / 1024;
        Console.WriteLine($"wrote {o.Entries:N0} time entries ({fileMb:F0} MiB) for {clients.Count:N0} clients in {write.Elapsed.TotalSeconds:F0} s");

        var lines = new List<string>();
        var series = new List<Series>();
        try
        {
            await using var app = await AppProcess.StartAsync(o.App, o.Root, database, ct);
            Console.WriteLine($"app on {app.Address} ({database.Provider}), log {app.LogPath}");
            using var api = await Session.WithTokenAsync(app.Address, PeopleSetup.AdminEmail, PeopleSetup.Password, ct);
            // The import of millions of rows takes minutes: its own client with a long timeout and the same token.
            using var upload = Session.NewClient(app.Address);
            upload.Timeout = TimeSpan.FromHours(2);
            upload.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
            var classify = await api.PutAsJsonAsync("/api/v1/time-entries/classification", new
            {
                reactiveWorkTypes = new[] { "Remote Support", "Onsite Support" },
                reactiveBoards = new[] { "Service Desk" },
                reactiveTicketTypes = new[] { "Incident", "Problem" },
            }, ct);
            Console.WriteLine($"classification: HTTP {(int)classify.StatusCode}");

            var rssBefore = Rss(app.ProcessId, "VmRSS");
            using var sampler = new CancellationTokenSource();
            long peakSampled = 0;
            var sampling = Task.Run(async () =>
            {
                while (!sampler.IsCancellationRequested)
                {
                    peakSampled = Math.Max(peakSampled, Rss(app.ProcessId, "VmRSS"));
                    try { await Task.Delay(200, sampler.Token); } catch (OperationCanceledException) { }
                }
            }, CancellationToken.None);
            var import = Stopwatch.StartNew();
            await using var file = File.OpenRead(csv);
            using var content = new StreamContent(file, 1 << 16);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await upload.PostAsync("/api/v1/time-entries/import?format=generic", content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            import.Stop();
            await sampler.CancelAsync();
            await sampling;
            var peak = Rss(app.ProcessId, "VmHWM");
            Console.WriteLine($"import: HTTP {(int)response.StatusCode} in {import.Elapsed.TotalSeconds:F0} s; {body[..Math.Min(300, body.Length)]}");
            var rate = o.Entries / import.Elapsed.TotalSeconds;
            lines.Add($"- Import of one {fileMb:F0} MiB generic CSV, {o.Entries:N0} time entries for {clients.Count:N0} clients over {o.Months} months: " +
                $"HTTP {(int)response.StatusCode}, {import.Elapsed.TotalSeconds:F0} s, **{rate:N0} rows/s**.");
            lines.Add($"- App memory: {rssBefore / 1024.0:F0} MiB RSS before the import, peak {peak / 1024.0:F0} MiB (VmHWM; sampled peak during the import " +
                $"{peakSampled / 1024.0:F0} MiB); target peak < {ImportPeakRssTargetMb:0} MiB: " +
                $"{(peak / 1024.0 < ImportPeakRssTargetMb ? "met" : "**missed**")}.");
            if (!response.IsSuccessStatusCode) return Finish(1);

            using var pages = await Session.WithCookieAsync(app.Address, PeopleSetup.AdminEmail, PeopleSetup.Password, ct);
            var clientId = await FirstClientAsync(api, ct);
            var (from, to) = (lastMonth.AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            var plan = new List<(Series Series, HttpClient? Client, string Path)>
            {
                (new Series("GET /api/v1/metrics", $"12 months, {clients.Count:N0} clients", DashboardTarget), api, $"/api/v1/metrics?from={from}&to={to}"),
                (new Series("GET /api/v1/clients/{id}/metrics", "12 months, one client", DashboardTarget), api,
                    $"/api/v1/clients/{clientId}/metrics?from={from}&to={to}"),
                (new Series("GET / (page)", "practice dashboard, admin", DashboardTarget), pages, "/"),
                (new Series("GET /smart-numbers (page)", "the MRR evaluator, 12 months", DashboardTarget), pages, "/smart-numbers"),
                (new Series("GET /clients/{id} (page)", "client page with the alignment and RHEM chart", DashboardTarget), pages, $"/clients/{clientId}"),
            };
            foreach (var (s, client, path) in plan)
            {
                series.Add(s);
                if (client is null) { s.Note = "not measured: the sign-in form did not sign in"; continue; }
                for (var i = 0; i < o.Warmup; i++) (await client.GetAsync(path, ct)).Dispose();
                for (var i = 0; i < o.Requests; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var r = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    var bytes = await r.Content.ReadAsByteArrayAsync(ct);
                    s.Samples.Add(clock.Elapsed.TotalMilliseconds);
                    s.Bytes = bytes.Length;
                    if (r.StatusCode != HttpStatusCode.OK) s.Errors++;
                }
                Console.WriteLine($"{s.Endpoint,-40} p50 {s.Percentile(50),7:F1}  p95 {s.Percentile(95),7:F1}  max {s.Max,7:F1} ms" +
                    (s.Errors > 0 ? $"  {s.Errors} errors" : ""));
            }
            return Finish(series.Any(s => s.Errors > 0) ? 1 : 0);
        }
        finally
        {
            File.Delete(csv);
        }

        int Finish(int status)
        {
            var md = new StringBuilder();
            md.AppendLine(CultureInfo.InvariantCulture, $"### Smart numbers, {database.Provider}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"{Report.Machine()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average {Report.LoadAverage()} after.");
            md.AppendLine();
            foreach (var line in lines) md.AppendLine(line);
            if (series.Count > 0)
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"{o.Requests} sequential requests per row after {o.Warmup} warm-up requests.");
                md.AppendLine();
                md.AppendLine("| Endpoint | Data | p50 ms | p95 ms | max ms | Target |");
                md.AppendLine("| --- | --- | ---: | ---: | ---: | --- |");
                foreach (var s in series)
                    md.AppendLine(s.Samples.Count == 0 ? $"| `{s.Endpoint}` | {s.Data} | | | | {s.Note} |" : string.Create(CultureInfo.InvariantCulture,
                        $"| `{s.Endpoint}` | {s.Data} | {s.Percentile(50):F1} | {s.Percentile(95):F1} | {s.Max:F1} | " +
                        $"p95 < {s.Target:0} ms: {(s.Percentile(95) < s.Target ? "met" : "**missed**")}{(s.Errors > 0 ? $", {s.Errors} errors" : "")} |"));
            }
            Console.WriteLine();
            Console.WriteLine(md);
            if (!string.IsNullOrEmpty(o.Out)) File.WriteAllText(o.Out, md.ToString());
            return status;
        }
    }

    /// <summary>Spreads the entries evenly over clients and months; each client-month gets the kinds of work in fixed shares.</summary>
    private static async Task WriteCsvAsync(string path, List<string> clients, DateOnly firstMonth, SmartNumbersOptions o, CancellationToken ct)
    {
        var random = new Random(o.Seed);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        await writer.WriteLineAsync("externalId,client,date,hours,workType,board,ticketType");
        // Every client-month gets the same share, and the first cells one more, so the file holds exactly the entries asked for.
        var cells = clients.Count * o.Months;
        var (perCell, extra) = (o.Entries / cells, o.Entries % cells);
        var written = 0;
        var cell = 0;
        for (var m = 0; m < o.Months && written < o.Entries; m++)
        {
            var month = firstMonth.AddMonths(m);
            var days = DateTime.DaysInMonth(month.Year, month.Month);
            foreach (var client in clients)
            {
                var name = client.Contains(',') || client.Contains('"') ? $"\"{client.Replace("\"", "\"\"")}\"" : client;
                var rows = perCell + (cell++ < extra ? 1 : 0);
                for (var i = 0; i < rows && written < o.Entries; i++)
                {
                    var pick = random.NextDouble();
                    var kind = Kinds[^1];
                    foreach (var k in Kinds) { if (pick < k.Share) { kind = k; break; } pick -= k.Share; }
                    written++;
                    var hours = (0.25 * random.Next(1, 13)).ToString("0.00", CultureInfo.InvariantCulture);
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"bench-{written},{name},{month.AddDays(random.Next(days)):yyyy-MM-dd},{hours},{kind.WorkType},{kind.Board},{kind.TicketType}"));
                }
            }
            ct.ThrowIfCancellationRequested();
        }
    }

    private static async Task<Guid> FirstClientAsync(HttpClient api, CancellationToken ct)
    {
        var page = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/clients?pageSize=1", ct);
        return page.GetProperty("items")[0].GetProperty("id").GetGuid();
    }

    /// <summary>A line of /proc/PID/status in KiB: VmRSS now, VmHWM the peak so far.</summary>
    private static long Rss(int pid, string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }
}
