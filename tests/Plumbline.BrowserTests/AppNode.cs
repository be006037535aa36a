using System.Collections.Concurrent;
using System.Diagnostics;

namespace Plumbline.BrowserTests;

/// <summary>
/// One Plumbline node as an operator runs it: the app's build output started with `dotnet Plumbline.dll` in Production,
/// configured by environment variables, on 127.0.0.1 and a free port. Disposing it kills the process.
/// </summary>
public sealed class AppNode : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppNode(string name, int port, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Url = $"http://127.0.0.1:{port}";
        var app = BuildOutput();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "Plumbline.dll")])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = Url;
        start.Environment["App__NodeName"] = name;
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public string Url { get; }
    public int Port => new Uri(Url).Port;

    public static AppNode Start(string name, IReadOnlyDictionary<string, string> settings) => new(name, FreePort(), settings);

    /// <summary>What the node has logged so far, for a failure message.</summary>
    public string Log => string.Join('\n', _output.TakeLast(40));

    /// <summary>Waits (polling, up to the timeout) until /health/ready answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Node {Name} stopped (exit code {_process.ExitCode}):\n{Log}");
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Node {Name} was not ready within {timeout.TotalSeconds} s:\n{Log}");
    }

    /// <summary>The app's own build output (src/Plumbline/bin/CONFIG/TFM), built with the same configuration as these tests.</summary>
    private static string BuildOutput()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Plumbline.slnx"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("The repository root (Plumbline.slnx) was not found above " + AppContext.BaseDirectory);
        var app = Path.Combine(root.FullName, "src", "Plumbline", "bin", configuration, framework);
        return File.Exists(Path.Combine(app, "Plumbline.dll")) ? app : throw new InvalidOperationException($"No build of the app in {app}.");
    }

    public static string RepositoryFile(params string[] parts)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Plumbline.slnx"))) root = root.Parent;
        return Path.Combine([root!.FullName, .. parts]);
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
