using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Plumbline.BrowserTests;

/// <summary>A fresh app and a fresh browser context per test; any script error on any page fails the test.</summary>
[Collection("browser")]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected const string AdminEmail = "owner@example.test";
    protected const string Password = "a long enough password";
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _expectedErrors = [];

    protected AppServer App { get; private set; } = null!;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    protected virtual bool StarterLibrary => false;
    protected virtual ViewportSize Viewport => new() { Width = 1280, Height = 900 };

    protected virtual AppServer StartApp() => AppServer.Start(StarterLibrary);

    public async Task InitializeAsync()
    {
        App = StartApp();
        Context = await browser.Browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = App.BaseUrl, ViewportSize = Viewport, AcceptDownloads = true });
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
        Page.PageError += (_, error) => _pageErrors.Add(error);
        Page.Console += (_, message) => { if (message.Type == "error" && !_expectedErrors.Any(message.Text.Contains)) _pageErrors.Add(message.Text); };
    }

    public async Task DisposeAsync()
    {
        // The last screen of every test, for whoever investigates a failure (TestResults is ignored by git).
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screens");
        Directory.CreateDirectory(shots);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(shots, GetType().Name + "-" + Guid.NewGuid().ToString("N")[..6] + ".png"), FullPage = true });
        await Context.CloseAsync();
        App.Dispose();
        Assert.True(_pageErrors.Count == 0, "Page errors: " + string.Join(" | ", _pageErrors));
    }

    /// <summary>A console error the test provokes on purpose (for example a request made while offline).</summary>
    protected void ExpectConsoleError(string fragment) => _expectedErrors.Add(fragment);

    /// <summary>Sets the instance up through the API, so a test can start from "signed in" quickly.</summary>
    protected async Task SetUpThroughApiAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/setup", new { providerName = "Acme IT", adminEmail = AdminEmail, adminPassword = Password });
        response.EnsureSuccessStatusCode();
    }

    protected async Task<HttpClient> ApiAsAdminAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token",
            new { email = AdminEmail, password = Password })).Content.ReadFromJsonAsync<TokenBody>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token!.Token);
        return http;
    }

    protected async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));
    }

    private sealed record TokenBody(string Token);
}
