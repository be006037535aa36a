using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Settings;
using Plumbline.Features.SmartNumbers;
using Plumbline.Tests.TestSupport;
using static Plumbline.Tests.SmartNumbers.MetricsData;

namespace Plumbline.Tests.SmartNumbers;

public abstract class MetricsServiceTests(PlumblineFactory factory)
{
    private static readonly DateOnly Jan = new(2025, 1, 1), Feb = new(2025, 2, 1), Mar = new(2025, 3, 1);

    [Fact]
    public async Task A_clients_rhem_divides_its_reactive_hours_by_the_endpoints_of_each_month()
    {
        var admin = await factory.AdminAsync();
        var reactive = Unique("Break/fix");
        await admin.ClassifyAsync(workTypes: [reactive]);
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Rhem"), mrr = 9000, seats = 30, endpoints = 10 });
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-03", new { endpoints = 20 })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-01", new { endpoints = 10 })).ExpectAsync(HttpStatusCode.OK);
        // Spelled three ways: classification ignores case and surrounding spaces.
        await factory.AddEntriesAsync(client.Id, new Entry(Day(2025, 1), 4m, reactive.ToUpperInvariant()),
            new Entry(Day(2025, 2), 3m, $" {reactive.ToLowerInvariant()} "),
            new Entry(Day(2025, 3), 1.25m, reactive), new Entry(Day(2025, 3, 20), 1.75m, reactive), new Entry(Day(2025, 3), 5m, Unique("Project")));

        var practice = await factory.WithServiceAsync<MetricsService, PracticeMetrics>(s => s.PracticeAsync(Jan, Mar, CancellationToken.None));
        var c = Assert.Single(practice.Clients, x => x.ClientId == client.Id);
        Assert.Equal((10m, 15m, 20), (c.ReactiveHours, c.TotalHours, c.Endpoints));
        Assert.Equal(0.25m, c.Rhem); // 10 / (10 + 10 + 20)
        Assert.Equal(300m, c.Aisp);
        Assert.False(c.CostsMoreThanPays);
        Assert.Equal(3, practice.Months);

        var months = await factory.WithServiceAsync<MetricsService, IReadOnlyList<ClientMonthMetrics>>(s => s.ClientMonthsAsync(client.Id, Jan, Mar,
            CancellationToken.None));
        Assert.Equal(["2025-01", "2025-02", "2025-03"], months.Select(m => m.Month));
        Assert.Equal([4m, 3m, 3m], months.Select(m => m.ReactiveHours));
        Assert.Equal([10, 10, 20], months.Select(m => m.Endpoints));
        Assert.Equal([0.4m, 0.3m, 0.15m], months.Select(m => m.Rhem!.Value));
        Assert.Equal(8m, months[2].TotalHours);
    }

    [Fact]
    public async Task A_client_without_endpoints_has_no_rhem_and_one_whose_hours_cost_more_than_it_pays_is_flagged()
    {
        var admin = await factory.AdminAsync();
        var reactive = Unique("Emergency");
        await admin.ClassifyAsync(boards: [reactive]);
        var none = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("No endpoints"), mrr = 100, seats = 0, endpoints = 0 });
        await factory.AddEntriesAsync(none.Id, new Entry(Day(2025, 2), 6m, "", reactive), new Entry(Day(2025, 2), 4m, "Maintenance"));

        var practice = await factory.WithServiceAsync<MetricsService, PracticeMetrics>(s => s.PracticeAsync(Jan, Mar, CancellationToken.None));
        var c = Assert.Single(practice.Clients, x => x.ClientId == none.Id);
        Assert.Null(c.Rhem);
        Assert.Null(c.Aisp);
        Assert.Equal((6m, 10m), (c.ReactiveHours, c.TotalHours));
        // 10 hours at the default 85 = 850, more than 3 x 100.
        Assert.True(c.CostsMoreThanPays);
    }

    [Fact]
    public async Task The_practice_figures_cover_active_clients_only_and_pool_their_hours_endpoints_mrr_and_seats()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        await admin.ClassifyAsync(ticketTypes: ["Incident"]);
        var a = await admin.CreateClientAsync(new { name = "Alpha", mrr = 9000, seats = 30, endpoints = 10 });
        var b = await admin.CreateClientAsync(new { name = "Bravo", mrr = 1000, seats = 20, endpoints = 90 });
        var gone = await admin.CreateClientAsync(new { name = "Gone", status = "Inactive", mrr = 50000, seats = 1, endpoints = 1 });
        var onboarding = await admin.CreateClientAsync(new { name = "New", status = "Onboarding", mrr = 7000, seats = 5, endpoints = 5 });
        await instance.AddEntriesAsync(a.Id, new Entry(Day(2025, 1), 30m, "", "", "incident"));
        await instance.AddEntriesAsync(gone.Id, new Entry(Day(2025, 1), 500m, "", "", "Incident"));
        await instance.AddEntriesAsync(onboarding.Id, new Entry(Day(2025, 2), 70m, "", "", "Incident"));

        var practice = await instance.WithServiceAsync<MetricsService, PracticeMetrics>(s => s.PracticeAsync(Jan, Mar, CancellationToken.None));

        Assert.Equal([a.Id, b.Id], practice.Clients.Select(c => c.ClientId));
        Assert.Equal(30m, practice.ReactiveHours);
        Assert.Equal(0.1m, practice.Rhem); // 30 / ((10 + 90) x 3)
        Assert.Equal(200m, practice.Aisp); // 10,000 / 50
        Assert.Equal(5000m, practice.AverageMrr);
        Assert.Equal(("2025-01", "2025-03"), (practice.From, practice.To));

        var trend = await instance.WithServiceAsync<MetricsService, IReadOnlyList<PracticeMonthMetrics>>(s => s.PracticeMonthsAsync(Jan, Mar,
            CancellationToken.None));
        Assert.Equal([0.3m, 0m, 0m], trend.Select(m => m.Rhem!.Value));
        Assert.All(trend, m => Assert.Equal(100, m.Endpoints));
    }

    [Fact]
    public async Task A_practice_without_clients_has_no_figures_rather_than_errors()
    {
        await using var instance = factory.NewInstance();
        await instance.AdminAsync();

        var practice = await instance.WithServiceAsync<MetricsService, PracticeMetrics>(s => s.PracticeAsync(Jan, Mar, CancellationToken.None));

        Assert.Empty(practice.Clients);
        Assert.Null(practice.Rhem);
        Assert.Null(practice.Aisp);
        Assert.Null(practice.AverageMrr);
        Assert.Equal(0m, practice.ReactiveHours);
    }

    [Fact]
    public async Task Changing_the_classification_changes_the_figures_without_rebuilding_the_totals()
    {
        var admin = await factory.AdminAsync();
        var (first, second) = (Unique("Remote"), Unique("Onsite"));
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Reclassified"), mrr = 5000, seats = 10, endpoints = 10 });
        await factory.AddEntriesAsync(client.Id, new Entry(Day(2025, 1), 2m, first), new Entry(Day(2025, 1), 8m, second));

        async Task<decimal> Reactive() => Assert.Single((await factory.WithServiceAsync<MetricsService, PracticeMetrics>(
            s => s.PracticeAsync(Jan, Jan, CancellationToken.None))).Clients, c => c.ClientId == client.Id).ReactiveHours;

        await admin.ClassifyAsync(workTypes: [first]);
        Assert.Equal(2m, await Reactive());
        await admin.ClassifyAsync(workTypes: [first, second]);
        Assert.Equal(10m, await Reactive());
        await admin.ClassifyAsync();
        Assert.Equal(0m, await Reactive());
    }

    [Fact]
    public async Task Client_month_totals_missing_after_an_upgrade_are_filled_at_start_up()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var reactive = Unique("Break/fix");
        await admin.ClassifyAsync(workTypes: [reactive]);
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Upgraded"), mrr = 5000, seats = 10, endpoints = 10 });
        await instance.AddEntriesAsync(client.Id, new Entry(Day(2025, 1), 4m, reactive), new Entry(Day(2025, 2), 6m, Unique("Project")));
        async Task<(decimal, decimal)> Hours()
        {
            var c = Assert.Single((await instance.WithServiceAsync<MetricsService, PracticeMetrics>(
                s => s.PracticeAsync(Jan, Mar, CancellationToken.None))).Clients, c => c.ClientId == client.Id);
            return (c.ReactiveHours, c.TotalHours);
        }
        Assert.Equal((4m, 10m), await Hours());

        using (var scope = instance.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.ClientMonthTotals.ExecuteDeleteAsync();
            Assert.Equal((0m, 0m), await Hours());
            await MonthTotals.EnsureClientTotalsAsync(db, CancellationToken.None);
        }
        Assert.Equal((4m, 10m), await Hours());
    }

    [Fact]
    public async Task Saving_the_classification_while_months_are_rebuilt_leaves_every_month_under_the_saved_classification()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var (a, b) = (Unique("Remote"), Unique("Onsite"));
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Busy"), mrr = 5000, seats = 10, endpoints = 10 });
        var work = new List<Task>();
        for (var i = 0; i < 6; i++)
        {
            work.Add(admin.ClassifyAsync(workTypes: i % 2 == 0 ? [a] : [b]));
            work.Add(instance.AddEntriesAsync(client.Id, new Entry(Day(2025, i + 1), 1m, a), new Entry(Day(2025, i + 1), 2m, b)));
        }
        await Task.WhenAll(work);

        var saved = await (await admin.GetAsync("/api/v1/time-entries/classification")).ReadJsonAsync();
        var expected = saved.GetProperty("reactiveWorkTypes")[0].GetString() == a ? 1m : 2m;
        var months = await instance.WithServiceAsync<MetricsService, IReadOnlyList<ClientMonthMetrics>>(s => s.ClientMonthsAsync(client.Id, Jan,
            new DateOnly(2025, 6, 1), CancellationToken.None));
        Assert.All(months, m => Assert.Equal((expected, 3m), (m.ReactiveHours, m.TotalHours)));
    }

    [Fact]
    public async Task Cached_alignment_scores_follow_a_change_of_the_score_weights()
    {
        await using var instance = factory.NewInstance();
        // High Yes, Medium No (highly vulnerable), Low N/A: 5 / 8 = 62.5 with the default weights 5, 3, 1.
        var (_, clientId, _, _, _) = await instance.CompletedReviewAsync(new DateOnly(2025, 2, 10));
        Task<PracticeMetrics> Practice() => instance.WithServiceAsync<MetricsService, PracticeMetrics>(s => s.PracticeAsync(Jan, Mar, CancellationToken.None));

        Assert.Equal(62.5m, Assert.Single((await Practice()).Clients, c => c.ClientId == clientId).AlignmentScore);
        Assert.Equal(62.5m, Assert.Single((await Practice()).Clients, c => c.ClientId == clientId).AlignmentScore);

        using (var scope = instance.Services.CreateScope())
        {
            var settings = await scope.ServiceProvider.GetRequiredService<ProviderSettingsService>().EditAsync(CancellationToken.None);
            (settings.WeightHigh, settings.WeightMedium, settings.WeightLow) = (1, 1, 1);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        // 1 / 2 with equal weights: the cached 62.5 is not served.
        Assert.Equal(50m, Assert.Single((await Practice()).Clients, c => c.ClientId == clientId).AlignmentScore);
        var months = await instance.WithServiceAsync<MetricsService, IReadOnlyList<ClientMonthMetrics>>(s => s.ClientMonthsAsync(clientId, Jan, Mar,
            CancellationToken.None));
        Assert.Equal([null, 50m, 50m], months.Select(m => m.AlignmentScore));
        // Before its visit day the review does not count.
        var january = await instance.WithServiceAsync<MetricsService, PracticeMetrics>(s => s.PracticeAsync(Jan, Jan, CancellationToken.None));
        Assert.Null(Assert.Single(january.Clients, c => c.ClientId == clientId).AlignmentScore);
    }
}

public sealed class MetricsServiceOnSqlite(SqliteFactory factory) : MetricsServiceTests(factory), IClassFixture<SqliteFactory>;

public sealed class MetricsServiceOnPostgres(PostgresFactory factory) : MetricsServiceTests(factory), IClassFixture<PostgresFactory>;
