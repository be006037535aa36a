using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plumbline.Bench.Generation;
using Plumbline.Features.Reviews;

namespace Plumbline.Bench.Load;

public sealed record ScaleOutOptions(string App, string Root, IReadOnlyList<int> Nodes, double Minutes, double WarmupSeconds, int Tams, int Vcios,
    int Printers, int ThinkMilliseconds, string Out);

/// <summary>
/// Several app nodes behind nginx on one PostgreSQL database, under a team's work: TAMs saving answers (and now and then
/// reloading their review), vCIOs rating findings, and reports printing as PDFs through Chromium. For each node count it
/// reports throughput, latency per kind of request and each node's memory (RSS sampled every five seconds) over the run.
/// The first node starts alone and the others once it serves, so only the first one migrates an empty database.
/// </summary>
public static class ScaleOutBenchmark
{
    private static readonly TimeSpan MemoryInterval = TimeSpan.FromSeconds(5);

    private sealed class Kind(string name)
    {
        public string Name { get; } = name;
        public ConcurrentBag<double> Samples { get; } = [];
        public int Errors;

        public double Percentile(int p)
        {
            var sorted = Samples.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
        }
    }

    private sealed record NodeMemory(int Node, List<long> Kilobytes);

    private sealed record RunResult(int Nodes, double Seconds, List<Kind> Kinds, List<NodeMemory> Memory, string Load);

    public static async Task<int> RunAsync(BenchDatabase database, ScaleOutOptions o, CancellationToken ct)
    {
        if (!database.IsPostgres) throw new ArgumentException("The scale-out benchmark runs several nodes on one PostgreSQL database: --provider Postgres.");
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed (apt-get install -y nginx).");
        var work = Directory.CreateTempSubdirectory("plumbline-scaleout-").FullName;
        var results = new List<RunResult>();
        try
        {
            foreach (var count in o.Nodes)
                results.Add(await RunOnceAsync(database, o, count, nginx, Path.Combine(work, $"{count}-nodes"), ct));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        var report = Markdown(o, results);
        Console.WriteLine();
        Console.WriteLine(report);
        if (!string.IsNullOrEmpty(o.Out)) await File.WriteAllTextAsync(o.Out, report, ct);
        return 0;
    }

    private static async Task<RunResult> RunOnceAsync(BenchDatabase database, ScaleOutOptions o, int count, string nginxPath, string folder,
        CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var nodes = new List<AppProcess>();
        Process? nginx = null;
        try
        {
            // The first node alone (it migrates), then the others once it serves.
            for (var i = 1; i <= count; i++)
            {
                nodes.Add(await AppProcess.StartAsync(o.App, o.Root, database, ct, WritersBenchmark.UnthrottledSignIn, $"node{i}"));
                Console.WriteLine($"node {i} of {count} serves on {nodes[^1].Address} (pid {nodes[^1].ProcessId})");
            }
            var port = AppProcess.FreePort();
            nginx = StartNginx(nginxPath, folder, port, nodes);
            var address = new Uri($"http://127.0.0.1:{port}");
            await WaitForAsync(address, ct);
            Console.WriteLine($"nginx on {address} in front of {count} nodes");

            var work = await WorkAsync(database, address, o, ct);
            var kinds = new[] { "PUT answer (TAM)", "GET review (TAM)", "PUT rating (vCIO)", "GET review (vCIO)", "GET alignment PDF" }
                .ToDictionary(n => n, n => new Kind(n));
            var memory = nodes.Select((_, i) => new NodeMemory(i + 1, [])).ToList();

            // Warm-up: the same work, not timed, so JIT and pools are settled before the clock starts.
            using (var warm = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                warm.CancelAfter(TimeSpan.FromSeconds(o.WarmupSeconds));
                await RunUsersAsync(work, o, null, warm.Token);
            }
            var loadBefore = Report.LoadAverage();
            var clock = Stopwatch.StartNew();
            using var run = CancellationTokenSource.CreateLinkedTokenSource(ct);
            run.CancelAfter(TimeSpan.FromMinutes(o.Minutes));
            var sampler = SampleMemoryAsync(nodes, memory, run.Token);
            await RunUsersAsync(work, o, kinds, run.Token);
            var seconds = clock.Elapsed.TotalSeconds;
            await sampler;
            var result = new RunResult(count, seconds, kinds.Values.ToList(), memory, $"{loadBefore} before, {Report.LoadAverage()} after");
            Console.WriteLine(Summary(result));
            return result;
        }
        finally
        {
            if (nginx is not null)
            {
                // The master and its worker: a kill of the master alone would leave the worker holding the port.
                if (!nginx.HasExited) nginx.Kill(entireProcessTree: true);
                await nginx.WaitForExitAsync(CancellationToken.None);
                nginx.Dispose();
            }
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>nginx as the current user, in the foreground, with its pid, logs and temporary files under the run's folder.</summary>
    private static Process StartNginx(string nginxPath, string folder, int port, List<AppProcess> nodes)
    {
        foreach (var dir in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(folder, dir));
        var servers = string.Join("\n", nodes.Select(n => $"        server 127.0.0.1:{n.Address.Port};"));
        var user = Environment.UserName == "root" ? "user root root;" : "";
        var config = $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                client_max_body_size 50m;
                upstream plumbline {
                    least_conn;
            {{servers}}
                    keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://plumbline;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_read_timeout 300s;
                    }
                }
            }
            """;
        var path = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(path, config);
        var start = new ProcessStartInfo(nginxPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-p", folder, "-c", path, "-e", Path.Combine(folder, "error.log") }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine($"nginx: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForAsync(Uri address, CancellationToken ct)
    {
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await probe.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(30)) { }
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new InvalidOperationException("nginx did not answer /health within 30 s.");
            await Task.Delay(200, ct);
        }
    }

    private sealed record Work(List<(HttpClient Client, Guid Review, List<Guid> Standards)> Tams,
        List<(HttpClient Client, Guid Review, List<Guid> Findings)> Vcios, List<(HttpClient Client, string Path)> Printers)
    {
        public IEnumerable<HttpClient> Clients => Tams.Select(t => t.Client).Concat(Vcios.Select(v => v.Client)).Concat(Printers.Select(p => p.Client));
    }

    /// <summary>
    /// Who does what: TAMs on in-progress reviews (several TAMs share a review, on different questions), vCIOs each on a submitted
    /// review's findings (reviews are submitted for them first when the data has too few), printers on the largest delivered review.
    /// </summary>
    private static async Task<Work> WorkAsync(BenchDatabase database, Uri address, ScaleOutOptions o, CancellationToken ct)
    {
        var open = await WritersBenchmark.InProgressReviewsAsync(database, 1000, ct);
        await using var db = database.CreateContext();
        var submitted = await db.Reviews.Where(r => r.Status == ReviewStatus.Submitted && db.ReviewItems.Any(i => i.ReviewId == r.Id && i.Answer == Answer.No))
            .Select(r => r.Id).Take(o.Vcios).ToListAsync(ct);
        using var admin = await Session.WithTokenAsync(address, PeopleSetup.AdminEmail, PeopleSetup.Password, ct);
        while (submitted.Count < o.Vcios && open.Count > 1)
        {
            var review = open[^1];
            open.RemoveAt(open.Count - 1);
            (await admin.PostAsync($"/api/v1/reviews/{review.Id}/submit", null, ct)).EnsureSuccessStatusCode();
            submitted.Add(review.Id);
        }
        var findings = await db.ReviewItems.Where(i => submitted.Contains(i.ReviewId) && i.Answer == Answer.No)
            .Select(i => new { i.ReviewId, i.StandardId }).ToListAsync(ct);
        var printed = await db.Reviews.Where(r => r.Status == ReviewStatus.Delivered).OrderByDescending(r => r.ItemCount).ThenByDescending(r => r.AsOf)
            .Select(r => new { r.Id, r.ClientId }).FirstAsync(ct);

        var tams = new List<(HttpClient, Guid, List<Guid>)>();
        for (var t = 0; t < o.Tams; t++)
        {
            var review = open[t % open.Count];
            tams.Add((await Session.WithTokenAsync(address, $"tam{t % 20 + 1:00}@{PeopleSetup.Domain}", PeopleSetup.Password, ct), review.Id,
                review.Standards.Where((_, i) => i % ((o.Tams + open.Count - 1) / open.Count) == t / open.Count).ToList()));
        }
        var vcios = new List<(HttpClient, Guid, List<Guid>)>();
        for (var v = 0; v < o.Vcios && submitted.Count > 0; v++)
        {
            var review = submitted[v % submitted.Count];
            vcios.Add((await Session.WithTokenAsync(address, $"vcio{v % 10 + 1:00}@{PeopleSetup.Domain}", PeopleSetup.Password, ct), review,
                findings.Where(f => f.ReviewId == review).Select(f => f.StandardId).ToList()));
        }
        var printers = new List<(HttpClient, string)>();
        for (var p = 0; p < o.Printers; p++)
            printers.Add((await Session.WithTokenAsync(address, PeopleSetup.AdminEmail, PeopleSetup.Password, ct),
                $"/reports/clients/{printed.ClientId}/alignment?reviewId={printed.Id}&format=pdf"));
        return new Work(tams, vcios, printers);
    }

    private static readonly string[] Ratings = ["Aligned", "Marginal", "HighlyVulnerable"];

    /// <summary>Every simulated person works until the token is cancelled; kinds null = warm-up, nothing recorded.</summary>
    private static async Task RunUsersAsync(Work work, ScaleOutOptions o, Dictionary<string, Kind>? kinds, CancellationToken stop)
    {
        async Task Timed(string kind, Func<Task<HttpResponseMessage>> send)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await send();
                await response.Content.ReadAsByteArrayAsync(stop);
                if (kinds is null) return;
                kinds[kind].Samples.Add(clock.Elapsed.TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK && Interlocked.Increment(ref kinds[kind].Errors) <= 3)
                    Console.WriteLine($"{kind}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A refused connection or the client's 60 s timeout: an error of this kind, and the person carries on.
                if (kinds is not null && Interlocked.Increment(ref kinds[kind].Errors) <= 3) Console.WriteLine($"{kind}: {e.Message}");
            }
            if (o.ThinkMilliseconds > 0 && !stop.IsCancellationRequested)
                try { await Task.Delay(o.ThinkMilliseconds, stop); } catch (OperationCanceledException) { }
        }

        var tasks = new List<Task>();
        foreach (var (client, review, standards, t) in work.Tams.Select((x, t) => (x.Client, x.Review, x.Standards, t)))
            tasks.Add(Task.Run(async () =>
            {
                for (var k = 0; !stop.IsCancellationRequested; k++)
                {
                    if (k % 20 == 19) await Timed("GET review (TAM)", () => client.GetAsync($"/api/v1/reviews/{review}", stop));
                    var standard = standards[k % standards.Count];
                    await Timed("PUT answer (TAM)", () => client.PutAsJsonAsync($"/api/v1/reviews/{review}/answers/{standard}",
                        WritersBenchmark.AnswerBody(t, k), stop));
                }
            }, CancellationToken.None));
        foreach (var (client, review, findings) in work.Vcios.Where(v => v.Findings.Count > 0))
            tasks.Add(Task.Run(async () =>
            {
                for (var k = 0; !stop.IsCancellationRequested; k++)
                {
                    if (k % 10 == 9) await Timed("GET review (vCIO)", () => client.GetAsync($"/api/v1/reviews/{review}", stop));
                    var standard = findings[k % findings.Count];
                    await Timed("PUT rating (vCIO)", () => client.PutAsJsonAsync($"/api/v1/reviews/{review}/ratings/{standard}",
                        new { rating = Ratings[k % Ratings.Length] }, stop));
                }
            }, CancellationToken.None));
        foreach (var (client, path) in work.Printers)
            tasks.Add(Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested) await Timed("GET alignment PDF", () => client.GetAsync(path, stop));
            }, CancellationToken.None));
        await Task.WhenAll(tasks);
    }

    private static async Task SampleMemoryAsync(List<AppProcess> nodes, List<NodeMemory> memory, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < nodes.Count; i++) memory[i].Kilobytes.Add(Rss(nodes[i].ProcessId));
            try { await Task.Delay(MemoryInterval, stop); } catch (OperationCanceledException) { }
        }
        for (var i = 0; i < nodes.Count; i++) memory[i].Kilobytes.Add(Rss(nodes[i].ProcessId));
    }

    private static long Rss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }

    private static string Mib(long kb) => (kb / 1024.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string Memory(NodeMemory m) =>
        $"node {m.Node}: {Mib(m.Kilobytes.First())} → {Mib(m.Kilobytes.Last())} MiB (max {Mib(m.Kilobytes.Max())}, {m.Kilobytes.Count} samples)";

    private static string Summary(RunResult r)
    {
        var kinds = r.Kinds.Where(k => !k.Samples.IsEmpty).Select(k => FormattableString.Invariant(
            $"{k.Name} p50 {k.Percentile(50):F1} p95 {k.Percentile(95):F1} ms{(k.Errors > 0 ? $" {k.Errors} errors" : "")}"));
        return FormattableString.Invariant($"{r.Nodes} nodes: {r.Kinds.Sum(k => k.Samples.Count) / r.Seconds:F0} requests/s; ") +
            string.Join("; ", kinds) + $"; memory {string.Join(", ", r.Memory.Select(Memory))}; load {r.Load}";
    }

    private static string Markdown(ScaleOutOptions o, List<RunResult> results)
    {
        var s = new StringBuilder();
        s.AppendLine("### Several nodes behind nginx on one PostgreSQL");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{o.Tams} TAMs saving answers (every 20th request reloads the review), {o.Vcios} vCIOs rating findings (every 10th reloads), " +
            $"{o.Printers} people printing the alignment PDF, " +
            $"{(o.ThinkMilliseconds == 0 ? "no pause between requests (flat out)" : $"{o.ThinkMilliseconds} ms between requests")}; " +
            $"{o.Minutes:0.#} minutes per node count after {o.WarmupSeconds:0} s of warm-up; {Report.Machine()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        s.AppendLine();
        s.AppendLine("| Nodes | Requests/s | Answer saves/s | Answer p50 ms | Answer p95 ms | Answer p99 ms | Rating p95 ms | Review p95 ms | " +
            "PDFs | PDF p95 ms | Errors | Load average |");
        s.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            Kind K(string name) => r.Kinds.Single(k => k.Name == name);
            var answer = K("PUT answer (TAM)");
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Nodes} | {r.Kinds.Sum(k => k.Samples.Count) / r.Seconds:F0} | {answer.Samples.Count / r.Seconds:F0} | {answer.Percentile(50):F1} | " +
                $"{answer.Percentile(95):F1} | {answer.Percentile(99):F1} | {K("PUT rating (vCIO)").Percentile(95):F1} | " +
                $"{K("GET review (TAM)").Percentile(95):F1} | " +
                $"{K("GET alignment PDF").Samples.Count} | {K("GET alignment PDF").Percentile(95):F0} | {r.Kinds.Sum(k => k.Errors)} | {r.Load} |");
        }
        s.AppendLine();
        s.AppendLine("Memory of each node (RSS of the app process; Chromium's processes are not included), first sample → last (max):");
        s.AppendLine();
        foreach (var r in results) s.AppendLine(CultureInfo.InvariantCulture, $"- {r.Nodes} nodes: {string.Join("; ", r.Memory.Select(Memory))}");
        return s.ToString();
    }
}
