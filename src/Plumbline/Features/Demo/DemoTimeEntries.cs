using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Clients;
using Plumbline.Features.Reviews;
using Plumbline.Features.SmartNumbers;

namespace Plumbline.Features.Demo;

/// <summary>
/// Two years of PSA time entries for the demo clients, as if imported from ConnectWise: reactive service desk work that
/// falls once the quarterly alignment reviews begin, next to project and alignment work that is not reactive. A newcomer
/// sees the story at once: as the alignment score rises, reactive hours per endpoint fall.
/// </summary>
public sealed class DemoTimeEntries(AppDbContext db, TimeProvider clock)
{
    private static readonly string[] ReactiveTicketTypes = ["Incident", "Incident", "Incident", "Problem", "Service Request"];
    private int number;

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var thisMonth = SmartNumberRules.MonthOf(today);
        var firstMonth = thisMonth.AddMonths(-24);
        var random = new Random(12);
        db.ReactiveClassifications.Add(new ReactiveClassification
        {
            ReactiveBoards = ["Service Desk"],
            ReactiveTicketTypes = ["Incident", "Problem"],
            ReactiveWorkTypes = ["Remote Support", "Onsite Support"],
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
            UpdatedBy = "Demo data",
        });
        var clients = await db.Clients.OrderBy(c => c.NameSearch).ToListAsync(ct);
        var firstReviews = await db.Reviews.Where(r => r.Status == ReviewStatus.Delivered).GroupBy(r => r.ClientId)
            .Select(g => new { ClientId = g.Key, First = g.Min(r => r.AsOf) }).ToDictionaryAsync(g => g.ClientId, g => g.First, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (client, index) in clients.Select((c, i) => (c, i)))
        {
            client.PsaCompanyId = $"CW-{1001 + index}";
            var endpoints = client.Endpoints ?? client.Workstations + client.Servers;
            // A year before the reviews began the client was smaller; the history keeps what it had then. A client still onboarding
            // has hours only since its agreement began.
            var earlier = Math.Max(1, endpoints - 4 - index);
            var joined = client.Status == ClientStatus.Onboarding && client.ContractStart is { } start
                ? SmartNumberRules.MonthOf(start) : firstMonth;
            if (joined == firstMonth)
            {
                db.ClientEndpointCounts.Add(new ClientEndpointCount { ClientId = client.Id, Month = firstMonth, Endpoints = earlier });
                db.ClientEndpointCounts.Add(new ClientEndpointCount { ClientId = client.Id, Month = thisMonth.AddMonths(-14), Endpoints = endpoints });
            }
            else db.ClientEndpointCounts.Add(new ClientEndpointCount { ClientId = client.Id, Month = joined, Endpoints = endpoints });
            var aligned = firstReviews.GetValueOrDefault(client.Id, today.AddMonths(-12));
            var before = 0.55 + (0.12 * index) % 0.4 + random.NextDouble() * 0.2;
            for (var month = joined; month <= thisMonth; month = month.AddMonths(1))
            {
                var count = month < thisMonth.AddMonths(-14) ? earlier : endpoints;
                // Reactive hours per endpoint stay high until alignment starts, then fall towards half over the next year.
                var progress = Math.Clamp((month.DayNumber - aligned.DayNumber) / 365.0, 0, 1);
                var rhem = before * (1 - 0.5 * progress) * (0.9 + random.NextDouble() * 0.2);
                var lastDay = month == thisMonth ? today.Day : DateTime.DaysInMonth(month.Year, month.Month);
                var entries = new List<TimeEntry>();
                Fill(entries, (decimal)(rhem * count), () => Entry(client.Id, month, lastDay, random, reactive: true, now));
                Fill(entries, (decimal)(count * 0.15), () => Entry(client.Id, month, lastDay, random, reactive: false, now));
                db.TimeEntries.AddRange(entries);
            }
        }
        // A company the PSA knows but Plumbline does not: its hours wait on the unmatched companies page.
        for (var i = 0; i < 6; i++)
        {
            var day = today.AddDays(-3 * i - 1);
            db.TimeEntries.Add(new TimeEntry
            {
                Source = "connectwise",
                ExternalId = $"demo-held-{i + 1}",
                Company = "Globex Manufacturing",
                Date = day,
                Month = SmartNumberRules.MonthOf(day),
                Hours = 1.5m,
                WorkType = "Remote Support",
                Board = "Service Desk",
                TicketType = "Incident",
                ImportedAt = now,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await MonthTotals.RebuildAsync(db, SmartNumberRules.Months(firstMonth, thisMonth), ct);
    }

    private static void Fill(List<TimeEntry> entries, decimal hours, Func<TimeEntry> next)
    {
        while (hours > 0)
        {
            var entry = next();
            entry.Hours = Math.Min(entry.Hours, Math.Max(0.25m, Math.Round(hours * 4, MidpointRounding.AwayFromZero) / 4));
            entries.Add(entry);
            hours -= entry.Hours;
        }
    }

    private TimeEntry Entry(Guid clientId, DateOnly month, int lastDay, Random random, bool reactive, DateTime now)
    {
        var day = month.AddDays(random.Next(lastDay));
        number++;
        var onsite = random.NextDouble() < 0.15;
        return new TimeEntry
        {
            Source = "connectwise",
            ExternalId = $"demo-{number}",
            ClientId = clientId,
            Company = "",
            Date = day,
            Month = month,
            Hours = 0.25m * random.Next(1, reactive ? 9 : 17),
            WorkType = reactive ? (onsite ? "Onsite Support" : "Remote Support") : (random.NextDouble() < 0.5 ? "Project Work" : "Alignment"),
            Board = reactive ? "Service Desk" : (random.NextDouble() < 0.5 ? "Projects" : "Alignment"),
            TicketType = reactive ? ReactiveTicketTypes[random.Next(ReactiveTicketTypes.Length)] : "Project",
            ImportedAt = now,
            UpdatedAt = now,
        };
    }
}
