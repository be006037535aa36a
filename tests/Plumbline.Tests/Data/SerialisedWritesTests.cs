using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Library;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Data;

/// <summary>
/// Writes that read and then replace practice-wide data take turns (<see cref="WriteTurns"/>, ADR-021): two at once give one
/// result, and the one that finds the turn taken gets a 409 that says why.
/// </summary>
public abstract class SerialisedWritesTests(PlumblineFactory factory)
{
    [Fact]
    public async Task Year_plans_at_the_same_moment_make_one_plan_and_a_plan_while_one_is_made_gets_409()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var (_, tam) = await instance.UserAsync("Tam");
        var clients = new List<Guid>();
        for (var i = 0; i < 4; i++) clients.Add((await admin.ClientOfAsync(tam.Id, visitsPerYear: 12)).Id);
        var year = ScheduleData.NextYear;

        // While someone else is making the plan of that year, another plan is refused with a reason.
        await using (var scope = instance.Services.CreateAsyncScope())
        await using (await WriteTurns.TryTakeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), WriteTurn.YearPlan, year, default))
        {
            var refused = await (await admin.PostAsJsonAsync("/api/v1/schedule/plan", new { year })).ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains($"A plan for {year} is being made right now", refused.GetProperty("detail").GetString());
        }
        Assert.Empty(await admin.VisitsAsync(clients[0], year));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsJsonAsync("/api/v1/schedule/plan", new { year })));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.StatusCode}"));
        var plans = new List<PlanSummary>();
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.OK)) plans.Add(await r.ReadAsync<PlanSummary>());
        Assert.NotEmpty(plans);
        var visits = new List<VisitDetails>();
        foreach (var c in clients) visits.AddRange(await admin.VisitsAsync(c, year));
        Assert.Equal(plans[^1].Placed, visits.Count);
        Assert.Equal(48, visits.Count);
        // One TAM: never two visits on one day, so no TAM-day is booked twice.
        Assert.Equal(visits.Count, visits.Select(v => v.Date).Distinct().Count());
    }

    [Fact]
    public async Task Imports_of_one_new_library_at_once_give_one_result_and_an_import_while_one_runs_gets_409()
    {
        var admin = await factory.AdminAsync();
        var codes = Enumerable.Range(0, 20).Select(_ => LibraryData.UniqueCode("SW")).ToList();
        var section = LibraryData.UniqueName("Serialised");
        var file = LibraryFiles.Json(section, [.. codes.Select(c => LibraryFiles.JsonStandard(c))]);
        // A token's first use records it; done now, before the test holds SQLite's write lock below.
        await (await admin.GetAsync("/api/v1/standards?pageSize=1")).ExpectAsync(HttpStatusCode.OK);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await using (await WriteTurns.TryTakeAsync(db, WriteTurn.LibraryImport, 0, default))
        {
            var refused = await (await admin.PostAsync("/api/v1/library/import", LibraryFiles.File(file, "application/json")))
                .ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("Another library import is running", refused.GetProperty("detail").GetString());
        }
        Assert.Equal(0, await db.Standards.CountAsync(s => codes.Contains(s.Code)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => admin.PostAsync("/api/v1/library/import", LibraryFiles.File(file, "application/json"))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.StatusCode}"));
        var reports = new List<ImportReport>();
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.OK)) reports.Add(await r.ReadAsync<ImportReport>());
        Assert.Equal(codes.Count, reports.Sum(r => r.Created));
        Assert.Equal(codes.Count, await db.Standards.CountAsync(s => codes.Contains(s.Code)));
        Assert.Equal(1, await db.Sections.CountAsync(s => s.Name == section));
    }
}

public sealed class SerialisedWritesOnSqlite(SqliteFactory factory) : SerialisedWritesTests(factory), IClassFixture<SqliteFactory>;

public sealed class SerialisedWritesOnPostgres(PostgresFactory factory) : SerialisedWritesTests(factory), IClassFixture<PostgresFactory>;
