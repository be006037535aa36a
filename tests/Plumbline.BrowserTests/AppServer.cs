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

    private AppServer(bool starter) => _starter = starter;

    public string BaseUrl { get; private set; } = "";

    public static AppServer Start(bool starterLibrary = false)
    {
        var server = new AppServer(starterLibrary);
        server.UseKestrel(0);
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/');
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        // Development lets the host find the static web assets (CSS, scripts) of the project the way `dotnet run` does.
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "plumbline.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:LoadStarterContent", _starter ? "true" : "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
