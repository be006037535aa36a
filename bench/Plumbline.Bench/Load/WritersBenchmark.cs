using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Plumbline.Bench.Generation;
using Plumbline.Features.Reviews;

namespace Plumbline.Bench.Load;

public sealed record WritersOptions(string App, string Root, int Writers, int Saves, int Warmup, string Out, int QuietSeconds = 0, int PaceMs = 0);

/// <summary>
/// N writers saving answers at the same time, flat out, over HTTP against the app in its own process: each writer signs in
/// as a TAM of its own and sends one PUT after another, timed from sending to having read the body. Two rounds: each writer
/// on a review of its own (TAMs on different clients), then every writer on one shared review (a team answering one
/// review: different items, one review row whose answered count they all move). With a pace, each writer starts a save every
/// so many milliseconds instead of flat out (a save that takes longer than the pace is followed at once by the next): 20 writers
/// at a 100 ms pace are 200 saves a second, far more than a team of TAMs onsite, yet below what the machine can do, so the
/// figures show the wait a writer sees rather than the length of the queue a saturated machine builds.
/// </summary>
public static class WritersBenchmark
{
    public sealed record Round(string Name, List<double> Samples, int Errors, double Seconds, string Load)
    {
        public double Percentile(int p)
        {
            var sorted = Samples.Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
        }
    }

    public static async Task<int> RunAsync(BenchDatabase database, WritersOptions o, CancellationToken ct)
    {
        var reviews = await InProgressReviewsAsync(database, o.Writers, ct);
        if (reviews.Count < o.Writers)
            Console.WriteLine($"only {reviews.Count} in-progress reviews for {o.Writers} writers; writers share reviews (generate more clients)");
        await using var app = await AppProcess.StartAsync(o.App, o.Root, database, ct, UnthrottledSignIn);
        Console.WriteLine($"app on {app.Address} ({database.Provider}), log {app.LogPath}");
        var clients = new List<HttpClient>();
        try
        {
            for (var w = 0; w < o.Writers; w++)
                clients.Add(await Session.WithTokenAsync(app.Address, $"tam{w % 20 + 1:00}@{PeopleSetup.Domain}", PeopleSetup.Password, ct));

            // Writer w's k-th save: its own review, or the shared one with the items dealt out so no two writers share an item.
            (Guid Review, Guid Standard) Own(int w, int k)
            {
                var r = reviews[w % reviews.Count];
                var stride = (o.Writers + reviews.Count - 1) / reviews.Count;
                return (r.Id, r.Standards[(w / reviews.Count + k * stride) % r.Standards.Count]);
            }
            (Guid Review, Guid Standard) Shared(int w, int k)
            {
                var r = reviews.MaxBy(x => x.Standards.Count)!;
                return (r.Id, r.Standards[(w + k * o.Writers) % r.Standards.Count]);
            }

            var rounds = new List<Round>();
            foreach (var (name, pick) in new[]
                     {
                         ($"{o.Writers} writers, each on its own review", (Func<int, int, (Guid, Guid)>)Own),
                         ($"{o.Writers} writers on one review", Shared),
                     })
            {
                await RunRoundAsync(clients, pick, 0, o.Warmup, 0, ct);
                await WaitForQuietAsync(o.QuietSeconds, ct);
                var before = Report.LoadAverage();
                var (samples, errors, seconds) = await RunRoundAsync(clients, pick, o.Warmup, o.Saves, o.PaceMs, ct);
                var round = new Round(name, samples, errors, seconds, $"{before} before, {Report.LoadAverage()} after");
                rounds.Add(round);
                Console.WriteLine($"{name,-44} {Line(round)}");
            }

            var report = Markdown(database, o, rounds);
            Console.WriteLine();
            Console.WriteLine(report);
            if (!string.IsNullOrEmpty(o.Out)) await File.WriteAllTextAsync(o.Out, report, ct);
            return rounds.Any(r => r.Errors > 0) ? 1 : 0;
        }
        finally
        {
            foreach (var c in clients) c.Dispose();
        }
    }

    /// <summary>The bench signs many writers in from one address within a minute; the app's sign-in limits would refuse them.</summary>
    public static readonly IReadOnlyDictionary<string, string> UnthrottledSignIn = new Dictionary<string, string>
    {
        ["Security__SignInLimits__PerIpPerMinute"] = "100000",
        ["Security__SignInLimits__PerAccountPerMinute"] = "100000",
    };

    public sealed record OpenReview(Guid Id, List<Guid> Standards);

    /// <summary>In-progress reviews with their standards in page order, the largest first.</summary>
    public static async Task<List<OpenReview>> InProgressReviewsAsync(BenchDatabase database, int count, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var ids = await db.Reviews.Where(r => r.Status == ReviewStatus.InProgress).OrderByDescending(r => r.ItemCount).ThenBy(r => r.Id)
            .Select(r => r.Id).Take(count).ToListAsync(ct);
        if (ids.Count == 0) throw new InvalidOperationException("The database has no in-progress review; run `generate` first.");
        var items = await db.ReviewItems.Where(i => ids.Contains(i.ReviewId)).OrderBy(i => i.Order).Select(i => new { i.ReviewId, i.StandardId })
            .ToListAsync(ct);
        return ids.Select(id => new OpenReview(id, items.Where(i => i.ReviewId == id).Select(i => i.StandardId).ToList())).ToList();
    }

    /// <summary>Every writer sends its saves one after another; all writers start together. Errors are any answer but 200.</summary>
    private static async Task<(List<double> Samples, int Errors, double Seconds)> RunRoundAsync(List<HttpClient> clients,
        Func<int, int, (Guid Review, Guid Standard)> pick, int first, int saves, int paceMs, CancellationToken ct)
    {
        var samples = new List<double>();
        var errors = 0;
        using var start = new SemaphoreSlim(0);
        var tasks = clients.Select((client, w) => Task.Run(async () =>
        {
            var mine = new List<double>(saves);
            var failed = 0;
            await start.WaitAsync(ct);
            // Paced writers start spread over one pace, as people do, rather than all in the same millisecond.
            var pace = TimeSpan.FromMilliseconds(paceMs);
            var next = Stopwatch.GetTimestamp() + (long)(pace.TotalSeconds * Stopwatch.Frequency * w / clients.Count);
            for (var k = first; k < first + saves; k++)
            {
                if (paceMs > 0)
                {
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                    next = Math.Max(next, Stopwatch.GetTimestamp()) + (long)(pace.TotalSeconds * Stopwatch.Frequency);
                }
                var (review, standard) = pick(w, k);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await client.PutAsJsonAsync($"/api/v1/reviews/{review}/answers/{standard}", AnswerBody(w, k), ct);
                    await response.Content.ReadAsByteArrayAsync(ct);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failed++;
                        if (failed <= 3) Console.WriteLine($"writer {w}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failed++;
                    if (failed <= 3) Console.WriteLine($"writer {w}: {e.Message}");
                }
                mine.Add(clock.Elapsed.TotalMilliseconds);
            }
            lock (samples) { samples.AddRange(mine); errors += failed; }
        }, ct)).ToList();
        var wall = Stopwatch.StartNew();
        start.Release(clients.Count);
        await Task.WhenAll(tasks);
        return (samples, errors, wall.Elapsed.TotalSeconds);
    }

    /// <summary>One save in five is a No with a note, as in the sequential benchmark.</summary>
    public static object AnswerBody(int writer, int k) => (writer + k) % 5 == 0
        ? new { answer = "No", note = $"Benchmark writer {writer}: the restore test is overdue." }
        : new { answer = "Yes", note = "" };

    private static async Task WaitForQuietAsync(int seconds, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds
               && double.TryParse(Report.LoadAverage(), CultureInfo.InvariantCulture, out var load) && load >= 1.0)
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
    }

    private static string Line(Round r) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {r.Percentile(50),6:F1}  p95 {r.Percentile(95),6:F1}  p99 {r.Percentile(99),6:F1}  max {r.Samples.DefaultIfEmpty().Max(),7:F1} ms  " +
        $"{r.Samples.Count / r.Seconds,6:F0} saves/s  {r.Errors} errors  (load {r.Load})");

    private static string Markdown(BenchDatabase database, WritersOptions o, List<Round> rounds)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"### Concurrent answer saves, {database.Provider}");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{o.Writers} writers, {o.Saves} saves each after {o.Warmup} warm-up saves, " +
            $"{(o.PaceMs > 0 ? $"each starting a save every {o.PaceMs} ms" : "no pause between saves")}; " +
            $"{Report.Machine()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        s.AppendLine();
        s.AppendLine("| Round | Saves | p50 ms | p95 ms | p99 ms | max ms | Saves/s | Errors | Load average | Target p95 < 25 ms |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var r in rounds)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Samples.Count} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | {r.Percentile(99):F1} | " +
                $"{r.Samples.DefaultIfEmpty().Max():F1} | {r.Samples.Count / r.Seconds:F0} | {r.Errors} | {r.Load} | " +
                $"{(r.Percentile(95) < Benchmark.AnswerSaveTarget ? "met" : "**missed**")} |");
        return s.ToString();
    }
}
