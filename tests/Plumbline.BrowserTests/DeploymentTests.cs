using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Plumbline.BrowserTests;

/// <summary>
/// The deployment docs/deploy.md describes, for real: Debian's nginx with our proxy settings in front of two nodes of the
/// app's build output in Production, on one PostgreSQL database. A person signs in and adds a client through nginx
/// (requests land on both nodes, so the sign-in cookie and the form's antiforgery token must work on either), and sees
/// it on each node; integrators' API calls go through nginx too.
/// </summary>
[Collection("browser")]
public sealed class DeploymentTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AdminEmail = "owner@example.test";
    private const string Password = "a long enough password";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _database = "plumbline_deploy_" + Guid.NewGuid().ToString("N");
    private readonly string _evidence = Directory.CreateTempSubdirectory("plumbline-deploy-evidence-").FullName;
    private readonly List<AppNode> _nodes = [];
    private readonly HashSet<string> _nodesSeen = [];
    private readonly List<string> _pageErrors = [];
    private NginxProxy? _nginx;
    private int _disposed;

    private static string PostgresServer => Environment.GetEnvironmentVariable("PLUMBLINE_TEST_PG")
        ?? throw new InvalidOperationException("PLUMBLINE_TEST_PG is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // Nothing may be left running when the start fails half way.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var nginxPort = AppNode.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = $"{PostgresServer};Database={_database}",
            ["App:PublicUrl"] = $"http://127.0.0.1:{nginxPort}",
            ["Storage:EvidencePath"] = _evidence,
            ["Database:LoadStarterContent"] = "false",
            ["Logging:Console:FormatterName"] = "simple",
            ["Security:SignInLimits:PerIpPerMinute"] = "100000",
            ["Security:SignInLimits:PerAccountPerMinute"] = "100000",
        };
        // Both nodes start at the same moment on the empty database: one migrates and loads the library, the other waits its
        // turn (StartupLock, ADR-021), and both become ready.
        var a = AppNode.Start("node-a", settings);
        _nodes.Add(a);
        var b = AppNode.Start("node-b", settings);
        _nodes.Add(b);
        await Task.WhenAll(a.WaitUntilReadyAsync(StartTimeout), b.WaitUntilReadyAsync(StartTimeout));
        _nginx = await NginxProxy.StartAsync(nginxPort, _nodes.Select(n => n.Port), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Two_nodes_behind_nginx_share_sign_in_pages_static_files_and_data()
    {
        var proxy = _nginx!.Url;
        using var http = new HttpClient { BaseAddress = new Uri(proxy) };

        // API calls through nginx: set the instance up, get a token, write and read back.
        await Send(http, HttpMethod.Post, "/api/v1/setup", new { providerName = "Acme IT", adminEmail = AdminEmail, adminPassword = Password },
            HttpStatusCode.Created);
        var token = (await Send(http, HttpMethod.Post, "/api/v1/auth/token", new { email = AdminEmail, password = Password })).GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var apiClient = await Send(http, HttpMethod.Post, "/api/v1/clients", new { name = "Contoso Dental" }, HttpStatusCode.Created);
        for (var i = 0; i < 4; i++) await Send(http, HttpMethod.Get, $"/api/v1/clients/{apiClient.GetProperty("id").GetString()}");
        var document = await Send(http, HttpMethod.Get, "/openapi/v1.json");
        Assert.Equal(proxy, document.GetProperty("servers")[0].GetProperty("url").GetString());
        http.DefaultRequestHeaders.Authorization = null;
        for (var i = 0; i < 2; i++) Assert.Equal("Ready", await (await Seen(http.GetAsync("/health/ready"))).Content.ReadAsStringAsync());

        // A person in a browser, through nginx.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = proxy });
        context.SetDefaultTimeout(15_000);
        try
        {
            var page = await context.NewPageAsync();
            page.PageError += (_, error) => _pageErrors.Add(error);
            page.Console += (_, message) => { if (message.Type == "error") _pageErrors.Add(message.Text); };
            page.Response += (_, response) => { if (response.Headers.TryGetValue("x-plumbline-node", out var node)) lock (_nodesSeen) _nodesSeen.Add(node); };
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("E-mail").FillAsync(AdminEmail);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));

            await page.GotoAsync("/clients");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Contoso Dental" })).ToBeVisibleAsync();
            await page.GotoAsync("/clients/new");
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Fabrikam Freight");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add client" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Fabrikam Freight");

            // The page is styled in Production: every stylesheet and script it names answers 200 with content, from each node.
            // The list is read from a full load of the page: after the enhanced form post, Blazor may still be patching the document.
            await page.GotoAsync(page.Url, new() { WaitUntil = WaitUntilState.Load });
            var assets = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('link[rel=stylesheet], script[src]')].map(e => e.getAttribute('href') ?? e.getAttribute('src'))");
            Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.Contains("css/app", StringComparison.Ordinal));
            foreach (var origin in _nodes.Select(n => n.Url).Append(proxy))
                foreach (var asset in assets.Append("/_framework/blazor.web.js"))
                {
                    var address = new Uri(new Uri(origin + "/"), asset);
                    using var response = await Seen(http.GetAsync(address));
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address} answered {(int)response.StatusCode}");
                    Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{address} is empty");
                }

            // The client written through nginx is there on each node, which the same sign-in cookie opens.
            foreach (var node in _nodes)
            {
                await page.GotoAsync(node.Url + "/clients");
                await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fabrikam Freight" })).ToBeVisibleAsync();
            }
            await page.GotoAsync(proxy + "/clients");
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Fabrikam Freight" })).ToBeVisibleAsync();
        }
        finally
        {
            await context.CloseAsync();
        }

        Assert.True(_pageErrors.Count == 0, "Page errors: " + string.Join(" | ", _pageErrors));
        Assert.True(_nodesSeen.SetEquals(["node-a", "node-b"]), "nginx sent requests to: " + string.Join(", ", _nodesSeen));
    }

    private async Task<HttpResponseMessage> Seen(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (response.Headers.TryGetValues("X-Plumbline-Node", out var names)) lock (_nodesSeen) _nodesSeen.UnionWith(names);
        return response;
    }

    private async Task<JsonElement> Send(HttpClient http, HttpMethod method, string path, object? body = null,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await Seen(http.SendAsync(request));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        var logs = string.Join("\n", _nodes.Select(n => $"--- {n.Name}\n{n.Log}"));
        _nginx?.Dispose();
        foreach (var node in _nodes) node.Dispose();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using (var connection = new Npgsql.NpgsqlConnection(PostgresServer))
        {
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_evidence, recursive: true); } catch (IOException) { }
        // The nodes' own logs, for whoever investigates a failure (TestResults is ignored by git).
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "deployment-nodes.log"), logs);
    }
}
