using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Plumbline.Data;

namespace Plumbline.Features.Operations;

/// <summary>
/// `Plumbline backup FILE` and `Plumbline restore FILE [--force]`, run instead of the web app (docs/operations.md). Evidence is in
/// the database (ADR-022), so one file holds everything. SQLite: an online-consistent copy made by VACUUM INTO while the app runs,
/// restored with SQLite's backup API. PostgreSQL: pg_dump and pg_restore in their custom format, given the configured connection;
/// the password goes to them in the PGPASSWORD environment variable, never on a command line or in the output.
/// The same configuration as the app is read (appsettings.json, environment variables, and --Key=value after the file name).
/// </summary>
public static class BackupCommands
{
    /// <summary>Runs the command named by the first argument; false when there is none, so the web app starts as usual.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (await RunAsync(args, Console.Out, Console.Error) is not { } exitCode) return false;
        Environment.ExitCode = exitCode;
        return true;
    }

    /// <summary>The exit code of the command, or null when the arguments name no command.</summary>
    public static async Task<int?> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (args.Length == 0 || args[0] is not ("backup" or "restore")) return null;
        var command = args[0];
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"Usage: Plumbline {command} FILE{(command == "restore" ? " [--force]" : "")} [--Key=value ...]");
            return 2;
        }
        var file = Path.GetFullPath(args[1]);
        var force = args.Contains("--force");
        var settings = args.Skip(2).Where(a => a != "--force").ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Default");
        try
        {
            if (options.IsPostgres)
            {
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new BackupException("Database:Provider is Postgres, so ConnectionStrings:Default must hold the connection string.");
                var tools = builder.Configuration["Backup:PostgresToolsPath"];
                if (command == "backup") await PostgresBackupAsync(connectionString, tools, file, force, ct);
                else await PostgresRestoreAsync(connectionString, tools, file, force, ct);
            }
            else
            {
                var sqlite = DataServices.SqliteConnectionString(connectionString, builder.Environment.ContentRootPath);
                if (command == "backup") await SqliteBackupAsync(sqlite, file, force, ct);
                else await SqliteRestoreAsync(sqlite, file, force, ct);
            }
        }
        catch (BackupException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (System.Data.Common.DbException e)
        {
            // The driver's message names the problem (refused, no such database, wrong password), never the password itself.
            await error.WriteLineAsync($"The database could not be reached or read: {e.Message}");
            return 1;
        }
        await output.WriteLineAsync(command == "backup"
            ? $"Backed up the {options.Provider} database, evidence included, to {file}."
            : $"Restored {file} into the {options.Provider} database. Start Plumbline: it applies any newer migrations.");
        return 0;
    }

    private static async Task SqliteBackupAsync(string connectionString, string file, bool force, CancellationToken ct)
    {
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(database)) throw new BackupException($"There is no Plumbline database at {database}: nothing to back up.");
        ReplaceableTarget(file, force);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        if (!await HasPlumblineTablesAsync(connection, ct))
            throw new BackupException($"There is no Plumbline database at {connection.DataSource}: nothing to back up.");
        // VACUUM INTO writes one consistent snapshot (a read transaction) while the app goes on reading and writing.
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO @file";
        command.Parameters.AddWithValue("@file", file);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task SqliteRestoreAsync(string connectionString, string file, bool force, CancellationToken ct)
    {
        if (!File.Exists(file)) throw new BackupException($"There is no backup file at {file}.");
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }
            .ToString());
        await source.OpenAsync(ct);
        if (!await HasPlumblineTablesAsync(source, ct)) throw new BackupException($"{file} is not a Plumbline backup of a SQLite database.");
        await using var target = new SqliteConnection(connectionString);
        await target.OpenAsync(ct);
        if (await HasPlumblineTablesAsync(target, ct) && !force)
            throw new BackupException($"The database at {target.DataSource} is not empty. Restore into an empty database, or stop every node " +
                "and add --force to replace its contents with the backup.");
        // The backup API copies page by page under a lock, so the result is the backup exactly, whatever the file held before.
        source.BackupDatabase(target);
    }

    private static void ReplaceableTarget(string file, bool force)
    {
        if (File.Exists(file))
        {
            if (!force) throw new BackupException($"{file} exists already. Choose another name, or add --force to replace it.");
            File.Delete(file);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
    }

    private static async Task<bool> HasPlumblineTablesAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    private static async Task PostgresBackupAsync(string connectionString, string? tools, string file, bool force, CancellationToken ct)
    {
        ReplaceableTarget(file, force);
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        // The custom format is compressed and lets pg_restore restore into a database of another name or owner.
        await RunToolAsync(tools, "pg_dump", c, ["--format=custom", "--no-owner", "--no-privileges", $"--file={file}"], ct);
    }

    private static async Task PostgresRestoreAsync(string connectionString, string? tools, string file, bool force, CancellationToken ct)
    {
        if (!File.Exists(file)) throw new BackupException($"There is no backup file at {file}.");
        var c = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using (var connection = new NpgsqlConnection(c.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            if ((long)(await count.ExecuteScalarAsync(ct))! > 0)
            {
                if (!force)
                    throw new BackupException($"The database {c.Database} is not empty. Restore into an empty database, or stop every node " +
                        "and add --force to replace its contents with the backup.");
                await using var clear = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
                await clear.ExecuteNonQueryAsync(ct);
            }
        }
        // One transaction: a restore that fails part way leaves the database as it was.
        await RunToolAsync(tools, "pg_restore", c, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], ct);
    }

    /// <summary>Runs pg_dump or pg_restore with the connection's settings; the password only in the child's environment.</summary>
    private static async Task RunToolAsync(string? tools, string tool, NpgsqlConnectionStringBuilder c, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(string.IsNullOrWhiteSpace(tools) ? tool : Path.Combine(tools, tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--host={c.Host}");
        start.ArgumentList.Add($"--port={c.Port}");
        if (!string.IsNullOrEmpty(c.Username)) start.ArgumentList.Add($"--username={c.Username}");
        start.ArgumentList.Add($"--dbname={c.Database}");
        start.ArgumentList.Add("--no-password");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(c.Password)) start.Environment["PGPASSWORD"] = c.Password;
        start.Environment["PGSSLMODE"] = c.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BackupException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BackupException($"{tool} was not found. Install the PostgreSQL client tools of the server's major version or newer " +
                "(Debian: postgresql-client-15), or set Backup:PostgresToolsPath to the folder that holds them.");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await stdout;
            if (process.ExitCode != 0) throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {(await stderr).Trim()}");
        }
    }
}

/// <summary>A backup or restore that cannot go on, with a message for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
