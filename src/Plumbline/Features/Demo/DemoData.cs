using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Settings;

namespace Plumbline.Features.Demo;

/// <summary>
/// A living system for a newcomer: a provider and one user per role. Each later feature adds its own demo data here
/// (clients, reviews, roadmaps, visits). Only runs on an instance that has no users yet.
/// </summary>
public sealed class DemoData(AppDbContext db, Settings.ProviderSettingsService settings, UserAdministration users, DemoReviews reviews, DemoRoadmap roadmap,
    DemoHandoffs handoffs, DemoVisits visits, DemoTimeEntries timeEntries, DemoPracticeAssessment practice, DemoClientEnvironment environment,
    DemoDesignDesk designDesk, TimeProvider clock, ILogger<DemoData> logger)
{
    public const string Password = "plumbline-demo";
    public const string Domain = "demo.plumbline.test";

    public static readonly (string Role, string Name, string Login)[] People =
    [
        (Roles.Admin, "Alex Admin", "admin"),
        (Roles.Vcio, "Val Vcio", "vcio"),
        (Roles.Tam, "Terry Tam", "tam"),
        (Roles.ServiceLead, "Sam Lead", "lead"),
        (Roles.DesignDesk, "Dana Design", "design"),
        (Roles.ServiceDesk, "Drew Desk", "desk"),
        (Roles.StandardsCommittee, "Casey Committee", "committee"),
        (Roles.ReadOnly, "Robin Reader", "reader"),
    ];

    /// <summary>
    /// Marks a demo being loaded (a row in PendingRepairs, committed before the first demo row and removed after the last), so a
    /// start after a seed that was killed half way knows the demo is incomplete.
    /// </summary>
    public const string SeedingMarker = "demo-data-being-loaded";

    /// <summary>tables a half-loaded demo never wrote to and that the start-up fills again without it.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "PendingRepairs", "DataProtectionKeys", "PracticeQuestions" };

    /// <summary>
    /// A demo whose loading was interrupted (the process killed half way) is removed, so that <see cref="SeedAsync"/> loads it
    /// whole again; the starter library and the self-assessment questions are loaded again by the start-up. The demo only loads on
    /// an instance without users, so the rows it wrote are the only rows there are; and only an instance whose users are all demo
    /// users is cleared.
    /// </summary>
    public async Task ClearIfInterruptedAsync(CancellationToken ct)
    {
        if (!await db.PendingRepairs.AnyAsync(r => r.Name == SeedingMarker, ct)) return;
        if (await db.Users.AnyAsync(u => u.Email == null || !u.Email.EndsWith("@" + Domain), ct))
        {
            logger.LogWarning("The demo data set was interrupted while it loaded, but this instance now has users of its own, so it is left as it is");
            return;
        }
        logger.LogWarning("The demo data set was interrupted while it loaded (the app was stopped); removing the part that was loaded and loading it again");
        var tables = db.Model.GetEntityTypes().Where(e => e.GetViewName() is null && e.GetTableName() is { } t && !Kept.Contains(t))
            .Select(e => e.GetTableName()!).Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // All in one statement, so the order of the foreign keys does not matter; without CASCADE it fails rather than empty a
            // kept table. The names come from our own model, not from input.
            var truncate = "TRUNCATE " + string.Join(", ", tables.Select(t => "\"" + t + "\""));
            await db.Database.ExecuteSqlRawAsync(truncate, ct);
        }
        else
        {
            // Foreign keys are checked at the commit, when every one of these tables is empty.
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
            foreach (var delete in tables.Select(t => "DELETE FROM \"" + t + "\"")) await db.Database.ExecuteSqlRawAsync(delete, ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return;
        // A start that cleared an interrupted demo left the marker in place.
        if (!await db.PendingRepairs.AnyAsync(r => r.Name == SeedingMarker, ct))
        {
            db.PendingRepairs.Add(new PendingRepair { Name = SeedingMarker });
            await db.SaveChangesAsync(ct);
        }
        (await settings.EditAsync(ct)).ProviderName = "Northwind IT Partners";
        await db.SaveChangesAsync(ct);
        foreach (var (role, name, login) in People)
        {
            var (_, errors) = await users.CreateAsync(new CreateUserRequest($"{login}@{Domain}", name, Password, [role]), ct);
            if (errors.Count > 0) throw new InvalidOperationException($"Demo user {login}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        }
        if (await db.Standards.AnyAsync(s => s.Status == Standards.StandardStatus.Active, ct))
        {
            var id = (string login) => db.Users.Where(u => u.Email == $"{login}@{Domain}").Select(u => u.Id).FirstAsync(ct);
            await reviews.SeedAsync(await id("tam"), await id("vcio"), ct);
            // The history submits a year of reviews now, and each submit proposes a debrief; only the reviews still waiting
            // for the vCIO would have one left to hold, so the others' proposals go.
            await db.Meetings.Where(m => m.Kind == Meetings.MeetingKind.TamVcioDebrief && m.Status == Meetings.MeetingStatus.Proposed
                    && db.Reviews.Any(r => r.Id == m.ReviewId && r.Status != Reviews.ReviewStatus.Submitted))
                .ExecuteDeleteAsync(ct);
            await roadmap.SeedAsync(ct);
            await handoffs.SeedAsync(ct);
            await visits.SeedAsync(await id("tam"), ct);
            await timeEntries.SeedAsync(ct);
            await practice.SeedAsync(await id("lead"), ct);
            await environment.SeedAsync(ct);
            await designDesk.SeedAsync(ct);
            // The year of history raised a notification at every step; a new demo starts with an empty bell.
            var seeded = clock.GetUtcNow().UtcDateTime;
            await db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, seeded), ct);
        }
        await db.PendingRepairs.Where(r => r.Name == SeedingMarker).ExecuteDeleteAsync(ct);
        // Never the password: logs are shipped and kept. The README gives it.
        logger.LogInformation("Demo data loaded: sign in as admin@{Domain} with the demo password from the README", Domain);
    }
}
