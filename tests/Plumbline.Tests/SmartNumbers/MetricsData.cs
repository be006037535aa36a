using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>One time entry as a test writes it: the day, the hours and the three values classification looks at.</summary>
public sealed record Entry(DateOnly Date, decimal Hours, string WorkType = "", string Board = "", string TicketType = "");

/// <summary>Time entries written straight to the database (the import is another feature), with the month totals rebuilt.</summary>
public static class MetricsData
{
    public static async Task AddEntriesAsync(this PlumblineFactory factory, Guid clientId, params Entry[] entries)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        foreach (var e in entries)
            db.Set<TimeEntry>().Add(new TimeEntry
            {
                Source = "test",
                ExternalId = Guid.NewGuid().ToString("N"),
                ClientId = clientId,
                Company = "Test company",
                Date = e.Date,
                Month = SmartNumberRules.MonthOf(e.Date),
                Hours = e.Hours,
                WorkType = e.WorkType,
                Board = e.Board,
                TicketType = e.TicketType,
                ImportedAt = now,
                UpdatedAt = now,
            });
        await db.SaveChangesAsync();
        await MonthTotals.RebuildAsync(db, entries.Select(e => e.Date), CancellationToken.None);
    }

    /// <summary>A service in a scope of its own, for the tests that call <see cref="MetricsService"/> directly.</summary>
    public static async Task<T> WithServiceAsync<TService, T>(this PlumblineFactory factory, Func<TService, Task<T>> use) where TService : notnull
    {
        using var scope = factory.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static async Task ClassifyAsync(this HttpClient admin, string[]? workTypes = null, string[]? boards = null, string[]? ticketTypes = null) =>
        await (await admin.PutAsJsonAsync("/api/v1/time-entries/classification",
            new { reactiveWorkTypes = workTypes ?? [], reactiveBoards = boards ?? [], reactiveTicketTypes = ticketTypes ?? [] }))
            .ExpectAsync(HttpStatusCode.OK);

    /// <summary>A unique value, so one test's classification never counts another test's entries.</summary>
    public static string Unique(string what) => $"{what} {Guid.NewGuid():N}"[..(what.Length + 9)];

    public static DateOnly Day(int year, int month, int day = 10) => new(year, month, day);

    /// <summary>The last complete month, where the default period ends.</summary>
    public static DateOnly LastMonth()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }
}
