using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Infrastructure;

/// <summary>
/// /health/ready: may this node take traffic? Only when its database answers and holds every migration this build
/// knows, so a node started before an upgrade's migrations ran is kept out of the balancer until they have.
/// </summary>
internal static class HealthProbes
{
    public static async Task<ContentHttpResult> ReadyAsync(AppDbContext db, ILoggerFactory logs, CancellationToken ct)
    {
        var reason = await NotReadyBecauseAsync(db, logs.CreateLogger(typeof(HealthProbes)), ct);
        return reason is null ? TypedResults.Text("Ready") : TypedResults.Text("Not ready: " + reason, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string?> NotReadyBecauseAsync(AppDbContext db, ILogger log, CancellationToken ct)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return "the database does not answer.";
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count switch
            {
                0 => null,
                1 => $"1 migration is not applied yet ({pending[0]}).",
                _ => $"{pending.Count} migrations are not applied yet ({pending[0]} to {pending[^1]}).",
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reason goes to the log only: a probe's answer is public and the error may name hosts or users.
            log.LogWarning(e, "The readiness probe could not check the database.");
            return "the database could not be checked (see the log).";
        }
    }
}
