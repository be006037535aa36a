namespace Plumbline.Tests.TestSupport;

/// <summary>
/// An instance with no background webhook delivery: a test that reads deliveries sees them as its own steps left them (it
/// calls WebhookDispatcher.DeliverDueAsync itself when it wants them sent), never a worker's attempt that raced it.
/// </summary>
public class ManualDeliveryFactory(TestDatabase database) : PlumblineFactory(database,
    new Dictionary<string, string?> { ["Webhooks:DeliverInBackground"] = "false" });

public sealed class SqliteManualDeliveryFactory() : ManualDeliveryFactory(TestDatabase.Sqlite);

public sealed class PostgresManualDeliveryFactory() : ManualDeliveryFactory(TestDatabase.Postgres);
