using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Data;

/// <summary>
/// Every DateTime an entity stores comes back as UTC, whatever kind it was written with: SQLite alone would hand back an
/// unspecified kind (written without a "Z"), and PostgreSQL would refuse a local time outright.
/// </summary>
public abstract class UtcDateTimeTests(PlumblineFactory factory)
{
    [Fact]
    public async Task Times_written_as_UTC_local_or_unspecified_read_back_as_the_same_instant_in_UTC()
    {
        var instant = new DateTime(2026, 12, 4, 16, 51, 15, 720, DateTimeKind.Utc);
        var webhook = new WebhookSubscription
        {
            Url = "https://psa.example.com/hooks",
            Events = WebhookEvents.HandoffCreated,
            Secret = WebhookSigning.NewSecret(),
            CreatedAt = instant.ToLocalTime(),
            UpdatedAt = DateTime.SpecifyKind(instant, DateTimeKind.Unspecified),
        };
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.WebhookSubscriptions.Add(webhook);
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A query parameter of another kind is converted the same way, so the row is found by its UTC instant.
            var read = await db.WebhookSubscriptions.AsNoTracking()
                .SingleAsync(s => s.Id == webhook.Id && s.CreatedAt == DateTime.SpecifyKind(instant, DateTimeKind.Unspecified));
            var projected = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Id == webhook.Id).Select(s => (DateTime?)s.UpdatedAt).SingleAsync();

            Assert.Equal((instant, DateTimeKind.Utc), (read.CreatedAt, read.CreatedAt.Kind));
            Assert.Equal((instant, DateTimeKind.Utc), (read.UpdatedAt, read.UpdatedAt.Kind));
            Assert.Equal(DateTimeKind.Utc, projected!.Value.Kind);
        }
    }
}

public sealed class UtcDateTimesOnSqlite(SqliteFactory factory) : UtcDateTimeTests(factory), IClassFixture<SqliteFactory>;

public sealed class UtcDateTimesOnPostgres(PostgresFactory factory) : UtcDateTimeTests(factory), IClassFixture<PostgresFactory>;
