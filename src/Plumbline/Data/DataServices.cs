using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Plumbline.Features.Audit;

namespace Plumbline.Data;

public static class DataServices
{
    /// <summary>Registers AppDbContext backed by SQLite (default, a file under data/) or PostgreSQL.</summary>
    public static IServiceCollection AddPlumblineData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");

        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres, so ConnectionStrings:Default must hold a PostgreSQL connection string.");
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(connectionString)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        else
        {
            connectionString = SqliteConnectionString(connectionString, environment.ContentRootPath);
            // Writers take turns in-process (ADR-023): no SQLITE_BUSY and no driver back-off when many people save at once.
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(connectionString)
                .AddInterceptors(options.SqliteWriteTurns
                    ? new IInterceptor[] { sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<SqliteWriteGate>() }
                    : new IInterceptor[] { sp.GetRequiredService<AuditInterceptor>() }));
        }
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>Default: data/plumbline.db under the content root; relative paths are made absolute and the folder created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=data/plumbline.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.Pooling = true;
        return builder.ToString();
    }
}
