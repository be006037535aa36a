using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plumbline.Features.Email;

namespace Plumbline.Tests.TestSupport;

/// <summary>
/// An instance whose clock the test moves and whose e-mail the test sends (no background loop), so a test sees the outbox as
/// its own steps left it. The clock starts on a whole second so times survive PostgreSQL's microseconds unchanged.
/// </summary>
public class EmailFactory(TestDatabase database) : PlumblineFactory(database, new Dictionary<string, string?>
{
    ["Email:SendInBackground"] = "false",
    ["Email:Timeout"] = "00:00:05",
    ["App:PublicUrl"] = PublicUrl,
})
{
    public const string PublicUrl = "https://plumbline.example.com/msp";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public Task<int> SendDueAsync() => Services.GetRequiredService<EmailDispatcher>().SendDueAsync(CancellationToken.None);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A port on 127.0.0.1 where nothing listens: connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class SqliteEmailFactory() : EmailFactory(TestDatabase.Sqlite);

public sealed class PostgresEmailFactory() : EmailFactory(TestDatabase.Postgres);
