using System.ComponentModel.DataAnnotations;

namespace Plumbline.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default) or Postgres.</summary>
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply pending migrations when the app starts. PostgreSQL deployments may turn it off and migrate separately.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the starter standards library into an empty library at start-up.</summary>
    public bool LoadStarterContent { get; set; } = true;

    /// <summary>Load the demo data set (users in each role, and later clients and reviews) at start-up.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// How long a node waits for another one to finish migrating and preparing the database, and how long its own preparation may
    /// take, before it stops with an error rather than hang.
    /// </summary>
    [Range(10, 86400, ErrorMessage = "Database:StartupTimeoutSeconds is between 10 and 86400.")]
    public int StartupTimeoutSeconds { get; set; } = 600;

    /// <summary>
    /// SQLite only: the app's writers take turns in the process (BEGIN IMMEDIATE, a busy timeout), ADR-023. On by default; off
    /// only to compare with SQLite's own locking, as the concurrent-writers benchmark does.
    /// </summary>
    public bool SqliteWriteTurns { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
