using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Plumbline.BrowserTests;

/// <summary>Plumbline on real Kestrel (a free port on 127.0.0.1) with its own SQLite file, for one test.</summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "plumbline-browser-" + Guid.NewGuid().ToString("N"));
    private readonly bool _starter;
    private readonly bool _demo;
    private readonly string? _postgresDatabase;
    private int _port;

    private AppServer(bool starter, bool demo, bool postgres)
    {
        _starter = starter;
        _demo = demo;
        if (postgres) _postgresDatabase = "plumbline_browser_" + Guid.NewGuid().ToString("N");
    }

    /// <summary>The PostgreSQL server the test command starts (scripts/test.sh sets it).</summary>
    private static string PostgresServer => Environment.GetEnvironmentVariable("PLUMBLINE_TEST_PG")
        ?? throw new InvalidOperationException("PLUMBLINE_TEST_PG is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");

    public string BaseUrl { get; private set; } = "";

    public static AppServer Start(bool starterLibrary = false, bool demo = false, bool postgres = false)
    {
        var server = new AppServer(starterLibrary || demo, demo, postgres);
        // A port chosen up front, so App:PublicUrl (the address single sign-on and links are built from) is the real one.
        server._port = FreePort();
        server.UseKestrel(server._port);
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        return server;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        // Development lets the host find the static web assets (CSS, scripts) of the project the way `dotnet run` does.
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", $"http://127.0.0.1:{_port}");
        builder.UseSetting("App:PublicUrl", $"http://127.0.0.1:{_port}");
        if (_postgresDatabase is null)
        {
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "plumbline.db")}");
            builder.UseSetting("Database:Provider", "Sqlite");
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Default", $"{PostgresServer};Database={_postgresDatabase}");
            builder.UseSetting("Database:Provider", "Postgres");
        }
        builder.UseSetting("Database:SeedDemoData", _demo ? "true" : "false");
        builder.UseSetting("Storage:EvidencePath", Path.Combine(_folder, "evidence"));
        builder.UseSetting("Database:LoadStarterContent", _starter ? "true" : "false");
        // Flows sign in several people from one address within a minute; the limits have their own HTTP tests.
        builder.UseSetting("Security:SignInLimits:PerIpPerMinute", "100000");
        builder.UseSetting("Security:SignInLimits:PerAccountPerMinute", "100000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
            connection.Open();
            using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
