using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Plumbline.Bench.Load;

/// <summary>The timings of one endpoint on one piece of data.</summary>
public sealed class Series(string endpoint, string data, double? target)
{
    public string Endpoint { get; } = endpoint;
    public string Data { get; } = data;
    public double? Target { get; } = target;
    public List<double> Samples { get; } = [];
    public int Errors { get; set; }
    public long Bytes { get; set; }
    public string? Note { get; set; }
    /// <summary>At most this many timed requests (slow endpoints such as PDFs); null = the run's number.</summary>
    public int? Limit { get; init; }

    public double Max => Samples.Max();

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(int p)
    {
        var sorted = Samples.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }
}

/// <summary>The figures as a Markdown section for docs/performance.md.</summary>
public static class Report
{
    public static string Markdown(BenchDatabase database, Picks picks, long size, BenchmarkOptions o, List<Series> results, string load)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"### {database.Provider} ({picks.DatabaseVersion})");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{picks.Clients:N0} clients, {picks.Reviews:N0} reviews, {picks.ReviewItems:N0} review items; database {size / 1024.0 / 1024:N0} MiB. " +
            $"{o.Requests} sequential requests per row after {o.Warmup} warm-up requests; {Machine()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; " +
            $"1-minute load average {load}.");
        s.AppendLine();
        s.AppendLine("| Endpoint | Data | p50 ms | p95 ms | max ms | Body | Target |");
        s.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            if (r.Samples.Count == 0)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| `{r.Endpoint}` | {r.Data} | | | | | {r.Note} |");
                continue;
            }
            var target = r.Target is { } t ? $"p95 < {t:0} ms: {(r.Percentile(95) < t ? "met" : "**missed**")}" : "";
            if (r.Errors > 0) target += $" {r.Errors} errors";
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| `{r.Endpoint}` | {r.Data}{(r.Limit is null ? "" : $"; {r.Samples.Count} runs")} | {r.Percentile(50):F1} | {r.Percentile(95):F1} | " +
                    $"{r.Max:F1} | {Bytes(r.Bytes)} | {target} |");
        }
        return s.ToString();
    }

    private static string Bytes(long b) => b switch
    {
        < 1024 => $"{b} B",
        < 1024 * 1024 => $"{b / 1024.0:F0} KiB",
        _ => $"{b / 1024.0 / 1024:F1} MiB",
    };

    /// <summary>The 1-minute load average: anything else running on the machine shows up in the figures.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    /// <summary>CPU, cores, memory, OS and runtime, as Linux reports them.</summary>
    public static string Machine()
    {
        static string? Read(string file, string key) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))
                ?.Split(key is "PRETTY_NAME" ? '=' : ':', 2)[1].Trim().Trim('"')
            : null;
        var cpu = Read("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = Read("/proc/meminfo", "MemTotal") is { } m && long.TryParse(m.Split(' ')[0], out var kb) ? $"{kb / 1024.0 / 1024:F0} GB RAM" : "";
        return $"{cpu}, {Environment.ProcessorCount} cores, {memory}, {Read("/etc/os-release", "PRETTY_NAME") ?? RuntimeInformation.OSDescription}, " +
            $"{RuntimeInformation.FrameworkDescription}";
    }
}
