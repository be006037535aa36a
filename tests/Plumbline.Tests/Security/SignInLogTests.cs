using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>Failed sign-ins, locks and throttling reach the app's log, so an administrator can see guessing; passwords never do.</summary>
public sealed class SignInLogTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Failed_sign_ins_locks_and_throttling_are_logged_without_the_password()
    {
        var log = new LogLines();
        await using var instance = factory.NewInstance(new Dictionary<string, string?>
        {
            ["Security:SignInLimits:PerAccountPerMinute"] = "6",
        });
        using var app = instance.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));
        var client = app.CreateClient();
        await (await client.PostAsJsonAsync("/api/v1/setup", new
        {
            providerName = "Northwind IT Partners",
            adminEmail = PlumblineFactory.AdminEmail,
            adminPassword = PlumblineFactory.Password,
            adminName = "Alex Admin",
        })).ExpectAsync(HttpStatusCode.Created);
        Task<HttpResponseMessage> SignIn(string email, string password) =>
            client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

        await (await SignIn("nobody@provider.test\r\nforged line", "secret-guess-0")).ProblemAsync(HttpStatusCode.Unauthorized);
        for (var attempt = 1; attempt <= 5; attempt++)
            await (await SignIn(PlumblineFactory.AdminEmail, $"secret-guess-{attempt}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await SignIn(PlumblineFactory.AdminEmail, PlumblineFactory.Password)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await SignIn(PlumblineFactory.AdminEmail, "secret-guess-7")).ProblemAsync(HttpStatusCode.TooManyRequests);

        var lines = log.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("no account has the e-mail address nobody@provider.testforged line"));
        Assert.Equal(4, lines.Count(l => l.StartsWith("Sign-in failed for user ") && l.EndsWith("(wrong password).")));
        Assert.Contains(lines, l => l.Contains("(wrong password); the account is now locked for a while."));
        Assert.Contains(lines, l => l.StartsWith("Sign-in refused: the account of user ") && l.EndsWith(" is locked."));
        Assert.Contains(lines, l => l.StartsWith("Too many sign-in attempts for one e-mail address"));
        Assert.DoesNotContain(lines, l => l.Contains("secret-guess") || l.Contains(PlumblineFactory.Password));
        Assert.DoesNotContain(lines.Where(l => l.StartsWith("Sign-in") || l.StartsWith("Too many sign-in")), l => l.Contains('\n'));
    }

    /// <summary>The messages the app logs at Warning or above, as written.</summary>
    private sealed class LogLines : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
