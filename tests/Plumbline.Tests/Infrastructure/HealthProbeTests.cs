using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

/// <summary>/health/live and /health/ready: what a load balancer and a process supervisor ask, without signing in.</summary>
public abstract class HealthProbeTests(PlumblineFactory factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task A_probe_answers_GET_and_HEAD_without_signing_in(string path)
    {
        var anonymous = factory.CreateClient();

        Assert.Equal(path.EndsWith("live", StringComparison.Ordinal) ? "Live" : "Ready", await (await anonymous.GetAsync(path)).ExpectAsync(HttpStatusCode.OK));
        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task Ready_is_503_with_the_reason_while_a_migration_is_not_applied_and_live_stays_200()
    {
        await using var instance = factory.NewInstance();
        var client = instance.CreateClient();
        await (await client.GetAsync("/health/ready")).ExpectAsync(HttpStatusCode.OK);
        string latest;
        using (var scope = instance.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            latest = (await db.Database.GetAppliedMigrationsAsync()).Last();
            // As if this node were newer than the database: its latest migration is not in the history yet.
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {latest}");
        }

        var ready = await client.GetAsync("/health/ready");
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/ready"));

        var reason = await ready.ExpectAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("1 migration", reason);
        Assert.Contains(latest, reason);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, head.StatusCode);
        Assert.Equal("Live", await (await client.GetAsync("/health/live")).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_both_probes_with_GET_and_HEAD_and_no_sign_in()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths");

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var item = paths.GetProperty(path);
            foreach (var method in new[] { "get", "head" })
            {
                var operation = item.GetProperty(method);
                Assert.Equal("Health", operation.GetProperty("tags")[0].GetString());
                Assert.True(operation.GetProperty("responses").TryGetProperty("503", out _), $"{method} {path} lists no 503");
            }
        }
    }
}

public sealed class HealthProbesOnSqlite(SqliteFactory factory) : HealthProbeTests(factory), IClassFixture<SqliteFactory>;

public sealed class HealthProbesOnPostgres(PostgresFactory factory) : HealthProbeTests(factory), IClassFixture<PostgresFactory>;
