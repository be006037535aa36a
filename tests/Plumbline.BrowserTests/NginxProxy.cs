using System.Diagnostics;

namespace Plumbline.BrowserTests;

/// <summary>
/// Debian's nginx on 127.0.0.1 and a free port in front of app nodes, as the current user: its configuration, pid file,
/// logs and temp folders are all in a temp folder, and the proxy settings are the ones we ship
/// (deploy/nginx/plumbline-proxy.conf). Disposing it stops nginx and removes the folder.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    private readonly string _folder = Directory.CreateTempSubdirectory("plumbline-nginx-").FullName;
    private readonly Process _process;

    private NginxProxy(int port, IEnumerable<int> upstreams)
    {
        Url = $"http://127.0.0.1:{port}";
        foreach (var temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }) Directory.CreateDirectory(Path.Combine(_folder, temp));
        var config = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(config, Config(port, upstreams));
        var start = new ProcessStartInfo(Binary, ["-p", _folder, "-c", config, "-e", Path.Combine(_folder, "error.log"), "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
    }

    public string Url { get; }

    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    /// <summary>Starts nginx on the given port (chosen up front, so the nodes' App:PublicUrl can name it) and waits until it listens.</summary>
    public static async Task<NginxProxy> StartAsync(int port, IEnumerable<int> upstreams, TimeSpan timeout)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException($"{Binary} is missing: scripts/test.sh installs Debian's nginx.");
        var proxy = new NginxProxy(port, upstreams);
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (proxy._process.HasExited)
            {
                var error = proxy.ErrorLog + await proxy._process.StandardError.ReadToEndAsync();
                proxy.Dispose();
                throw new InvalidOperationException("nginx stopped: " + error);
            }
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", new Uri(proxy.Url).Port);
                return proxy;
            }
            catch (System.Net.Sockets.SocketException) { await Task.Delay(100); }
        }
        proxy.Dispose();
        throw new TimeoutException("nginx did not listen in time.");
    }

    private string Config(int port, IEnumerable<int> upstreams)
    {
        // As root, nginx's workers would switch to "nobody", who cannot write to this folder; run them as the current user.
        var user = Environment.UserName == "root" ? "user root;" : "";
        var servers = string.Concat(upstreams.Select(p => $"        server 127.0.0.1:{p};\n"));
        var shipped = AppNode.RepositoryFile("deploy", "nginx", "plumbline-proxy.conf");
        return $$"""
            {{user}}
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{_folder}}/access.log;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
                # Round robin: consecutive requests go to alternate nodes, which is what the test wants to see.
                upstream plumbline {
            {{servers}}        keepalive 8;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        include {{shipped}};
                    }
                }
            }
            """;
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
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
