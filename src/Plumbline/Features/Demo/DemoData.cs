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
    DemoHandoffs handoffs, DemoVisits visits, DemoTimeEntries timeEntries, DemoPracticeAssessment practice, TimeProvider clock, ILogger<DemoData> logger)
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

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct)) return;
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
            await roadmap.SeedAsync(ct);
            await handoffs.SeedAsync(ct);
            await visits.SeedAsync(await id("tam"), ct);
            await timeEntries.SeedAsync(ct);
            await practice.SeedAsync(await id("lead"), ct);
            // The year of history raised a notification at every step; a new demo starts with an empty bell.
            var seeded = clock.GetUtcNow().UtcDateTime;
            await db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, seeded), ct);
        }
        logger.LogInformation("Demo data loaded: sign in as admin@{Domain} with password {Password}", Domain, Password);
    }
}
