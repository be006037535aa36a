using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Accounts;

namespace Plumbline.Tests.TestSupport;

public enum TestDatabase { Sqlite, Postgres }

/// <summary>
/// One Plumbline instance on its own empty database: a fresh SQLite file in a temp folder, or a fresh PostgreSQL
/// database on the server named by PLUMBLINE_TEST_PG. The starter library is off unless a test turns it on.
/// Review evidence is stored in the instance's own temp folder, never under the repository.
/// </summary>
public class PlumblineFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@provider.test";
    public const string Password = "correct horse battery staple";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;
    private readonly PostgresTestDatabase? _postgres;
    private readonly SemaphoreSlim _setupLock = new(1, 1);
    private string? _adminToken;
    private int _cleanedUp;

    public PlumblineFactory(TestDatabase database = TestDatabase.Sqlite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Database = database;
        _folder = Directory.CreateTempSubdirectory("plumbline-test-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Database:LoadStarterContent"] = "false",
            ["Storage:EvidencePath"] = EvidenceFolder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
            // Test receivers listen on loopback; the address guard's own tests replace this entry with another network.
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
            // Shared fixtures sign in many times from one address; the limit's own tests lower these on a fresh instance.
            ["Security:SignInLimits:PerIpPerMinute"] = "100000",
            ["Security:SignInLimits:PerAccountPerMinute"] = "100000",
            ["Security:PasswordResetLimits:PerIpPerMinute"] = "100000",
        };
        if (database == TestDatabase.Postgres)
        {
            // A node given another instance's connection string shares that database instead of making its own.
            _postgres = settings?.ContainsKey("ConnectionStrings:Default") == true ? null : PostgresTestDatabase.Create();
            _settings["Database:Provider"] = "Postgres";
            _settings["ConnectionStrings:Default"] = _postgres?.ConnectionString;
        }
        else
        {
            _settings["Database:Provider"] = "Sqlite";
            _settings["ConnectionStrings:Default"] = $"Data Source={Path.Combine(_folder, "plumbline.db")}";
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    /// <summary>A second app node on the database of <paramref name="first"/> (which keeps owning it), with its settings plus these.</summary>
    private PlumblineFactory(PlumblineFactory first, IReadOnlyDictionary<string, string?>? settings)
    {
        Database = first.Database;
        _folder = Directory.CreateTempSubdirectory("plumbline-test-").FullName;
        // Its own evidence folder as well: evidence lives in the database, and a node must never need another node's disk.
        _settings = new Dictionary<string, string?>(first._settings) { ["Storage:EvidencePath"] = EvidenceFolder };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public TestDatabase Database { get; }

    /// <summary>The connection string of this instance's database.</summary>
    public string ConnectionString => _settings["ConnectionStrings:Default"]!;

    /// <summary>
    /// Another app node on this instance's database, as in a deployment of several nodes: the same settings plus these, its own
    /// temp and evidence folders. Dispose it before this one.
    /// </summary>
    public PlumblineFactory SecondNode(IReadOnlyDictionary<string, string?>? settings = null) => new(this, settings);

    /// <summary>Where this instance keeps uploaded evidence (Storage:EvidencePath).</summary>
    public string EvidenceFolder => Path.Combine(_folder, "evidence");

    /// <summary>Another, empty instance on the same kind of database, for tests that need a whole instance to themselves.</summary>
    public PlumblineFactory NewInstance(IReadOnlyDictionary<string, string?>? settings = null) => new(Database, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Errors are handled as in production: no developer exception page answering in the app's place.
        builder.UseEnvironment("Production");
        // UseSetting reaches the configuration before Program registers the database.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (Log is { } log) builder.ConfigureServices(s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(log));
    }

    /// <summary>Set before the instance starts to capture its log (what Logging:LogLevel lets through; Warning by default).</summary>
    public CapturedLog? Log { get; set; }

    /// <summary>Runs first-time setup once (POST /api/v1/setup) and returns a client signed in as that admin.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        await _setupLock.WaitAsync();
        try
        {
            if (_adminToken is null)
            {
                var response = await CreateClient().PostAsJsonAsync("/api/v1/setup",
                    new { providerName = "Northwind IT Partners", adminEmail = AdminEmail, adminPassword = Password, adminName = "Alex Admin" });
                await response.ExpectAsync(System.Net.HttpStatusCode.Created);
                _adminToken = await TokenAsync(AdminEmail, Password);
            }
        }
        finally
        {
            _setupLock.Release();
        }
        return WithToken(_adminToken);
    }

    public async Task<string> TokenAsync(string email, string password)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        return (await response.ReadAsync<TokenResponse>()).Token;
    }

    public HttpClient WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user in the given role (through the admin API) and returns a client signed in as them.</summary>
    public async Task<HttpClient> SignedInAsAsync(string role, string? name = null) => (await UserAsync(role, name)).Client;

    public async Task<(HttpClient Client, UserDetails User)> UserAsync(string role, string? name = null)
    {
        var admin = await AdminAsync();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@provider.test";
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, name = name ?? $"{role} person", password = Password, roles = new[] { role } });
        var user = await response.ReadAsync<UserDetails>(System.Net.HttpStatusCode.Created);
        return (WithToken(await TokenAsync(email, Password)), user);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Interlocked.Exchange(ref _cleanedUp, 1) == 1) return;
        _setupLock.Dispose();
        if (_postgres is not null) await _postgres.DisposeAsync();
        // Pooled connections keep the SQLite file open; only idle connections are closed, so other instances are unaffected.
        if (Database == TestDatabase.Sqlite) SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The class fixture for tests that run on SQLite.</summary>
public sealed class SqliteFactory() : PlumblineFactory(TestDatabase.Sqlite);

/// <summary>The class fixture for tests that run on PostgreSQL; fails the tests when PLUMBLINE_TEST_PG is not set.</summary>
public sealed class PostgresFactory() : PlumblineFactory(TestDatabase.Postgres);
