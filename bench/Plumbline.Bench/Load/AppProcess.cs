using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Plumbline.Bench.Load;

/// <summary>The app as it runs in production: its own process, Kestrel on 127.0.0.1, Production environment, the generated database.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _keepLog;

    private AppProcess(Process process, StreamWriter log, Uri address, string logPath)
    {
        _process = process;
        _log = log;
        Address = address;
        LogPath = logPath;
    }

    public Uri Address { get; }
    /// <summary>The app's process id, for reading its memory from /proc.</summary>
    public int ProcessId => _process.Id;
    public string LogPath { get; }

    public static async Task<AppProcess> StartAsync(string appDll, string repositoryRoot, BenchDatabase database, CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null, string name = "app")
    {
        if (!File.Exists(appDll)) throw new FileNotFoundException($"Build the app first (dotnet build Plumbline.slnx -c Release); {appDll} is missing.");
        var contentRoot = Path.Combine(repositoryRoot, "src", "Plumbline");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { appDll, "--urls", address.ToString().TrimEnd('/'), "--contentRoot", contentRoot }) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["Database__LoadStarterContent"] = "false";
        start.Environment["Database__SeedDemoData"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var logPath = Path.Combine(Path.GetTempPath(), $"plumbline-bench-{name}-{Environment.ProcessId}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, address, logPath);

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited) break;
            try
            {
                if ((await probe.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(250, ct);
        }
        app._keepLog = true;
        await app.DisposeAsync();
        throw new InvalidOperationException($"The app did not become healthy; its log ({logPath}) ends " +
            $"with:\n{string.Join('\n', File.ReadLines(logPath).TakeLast(20))}");
    }

    /// <summary>SIGTERM for a graceful shutdown, then a kill if it takes too long. The log is kept only when the app failed to start.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
        if (!_keepLog) File.Delete(LogPath);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
