using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Clients;
using Plumbline.Features.Schedule;
using Plumbline.Features.Settings;

namespace Plumbline.Bench.Planning;

public sealed record PlanBenchmarkOptions(int Clients, int Tams, int Runs, int Seed);

/// <summary>
/// Plans next year for a large provider (docs/performance.md, "Planning a year"): the planner alone on the loaded input,
/// and POST /api/v1/schedule/plan's work end to end (load, plan, replace the planned visits), first on an empty year and
/// then regenerating it.
/// </summary>
public static class PlanBenchmark
{
    public static async Task<int> RunAsync(BenchDatabase database, PlanBenchmarkOptions o, string root, CancellationToken ct)
    {
        await database.ResetAsync(ct);
        await using var services = database.CreateAppServices(root);
        var year = DateTime.UtcNow.Year + 1;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync(ct);
            await SeedAsync(db, o, year, ct);
        }
        Console.WriteLine($"{o.Clients:N0} active clients, {o.Tams} TAMs, planning {year} on {database.Provider}");

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var settings = new Plumbline.Features.Settings.ProviderSettingsService(db, TimeProvider.System);
            var planner = new PlanService(db, new CapacityService(db, settings), settings, TimeProvider.System, NullLogger<PlanService>.Instance);
            var input = await planner.InputAsync(year, DateOnly.FromDateTime(DateTime.UtcNow), ct);
            var best = double.MaxValue;
            PlanResult? result = null;
            for (var i = 0; i < Math.Max(3, o.Runs); i++)
            {
                var watch = Stopwatch.StartNew();
                result = YearPlanner.Plan(input);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"planner alone (YearPlanner.Plan, best of {Math.Max(3, o.Runs)}): {best:N0} ms; {result!.Placements.Count:N0} visits placed, " +
                $"{result.Unplaced.Sum(u => u.Visits):N0} not placed (" +
                string.Join(", ", result.Unplaced.GroupBy(u => u.Reason).Select(g => $"{g.Key} {g.Sum(u => u.Visits):N0}")) + ")");
        }
        for (var run = 1; run <= o.Runs; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var settings = new Plumbline.Features.Settings.ProviderSettingsService(db, TimeProvider.System);
            var planner = new PlanService(db, new CapacityService(db, settings), settings, TimeProvider.System, NullLogger<PlanService>.Instance);
            var watch = Stopwatch.StartNew();
            var summary = (await planner.PlanAsync(year, ct)).Value!;
            Console.WriteLine($"plan and save, run {run} ({(run == 1 ? "empty year" : "regenerating")}): {watch.Elapsed.TotalSeconds:N2} s; " +
                $"{summary.Placed:N0} placed, {summary.Replaced:N0} replaced, {summary.Unplaced.Sum(u => u.Visits):N0} not placed (target < 5 s)");
        }
        return 0;
    }

    /// <summary>About 20 clients per TAM with MRR from 1,500 to 5,500 (4 to 17 visits a year), leave, holidays and client blackouts.</summary>
    private static async Task SeedAsync(AppDbContext db, PlanBenchmarkOptions o, int year, CancellationToken ct)
    {
        var random = new Random(o.Seed);
        var now = DateTime.UtcNow;
        db.ProviderSettings.Add(new ProviderSettings { ProviderName = "Largo Managed Services", CreatedAt = now });
        var tams = Enumerable.Range(1, o.Tams).Select(i => new AppUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = $"tam{i:00}@plan.bench",
            Email = $"tam{i:00}@plan.bench",
            Name = $"TAM {i:00}",
            CreatedAt = now,
            WorkingDaysPerYear = 225,
            LeaveDaysPerYear = 20 + random.Next(10),
            InternalDaysPerYear = 10,
        }).ToList();
        db.Users.AddRange(tams);
        foreach (var tam in tams)
            for (var p = 0; p < 2; p++)
            {
                var start = new DateOnly(year, 1, 1).AddDays(random.Next(350));
                db.LeavePeriods.Add(new LeavePeriod { UserId = tam.Id, Start = start, End = start.AddDays(4 + random.Next(10)), Note = "Leave" });
            }
        foreach (var (month, day) in new[] { (1, 1), (4, 18), (5, 1), (5, 29), (8, 15), (12, 24), (12, 25), (12, 26) })
            db.Holidays.Add(new Holiday { Date = new DateOnly(year, month, day), Name = "Holiday" });
        for (var i = 0; i < o.Clients; i++)
        {
            var name = $"Client {i:0000}";
            var client = new Client
            {
                Name = name,
                NameSearch = name.ToLowerInvariant(),
                Status = ClientStatus.Active,
                Mrr = 1500 + random.Next(4000),
                Seats = 20,
                TamUserId = tams[i % tams.Count].Id,
                CreatedAt = now,
                UpdatedAt = now,
                NoVisitWeekdays = random.Next(10) == 0 ? DayRules.ToBits([DayOfWeek.Friday]) : 0,
            };
            db.Clients.Add(client);
            if (random.Next(20) == 0)
            {
                var start = new DateOnly(year, 1, 1).AddDays(random.Next(340));
                db.ClientBlackouts.Add(new ClientBlackout { ClientId = client.Id, Start = start, End = start.AddDays(10), Reason = "Shutdown" });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
