using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>Reviews entered late for earlier visits: findings follow the visit days, not the order of submission.</summary>
public abstract class FindingsOutOfOrderTests(PlumblineFactory factory)
{
    private static readonly DateOnly January = new(2025, 1, 14), February = new(2025, 2, 11), March = new(2025, 3, 11);

    private static async Task<Paged<FindingDetails>> FindingsAsync(HttpClient api, Guid clientId, string status) =>
        await (await api.GetAsync($"/api/v1/clients/{clientId}/findings?status={status}")).ReadAsync<Paged<FindingDetails>>();

    [Fact]
    public async Task A_no_for_an_earlier_visit_submitted_after_a_later_yes_is_resolved_by_that_yes()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var march = await admin.SubmittedReviewAsync(client.Id, March, (library[0].Id, "Yes"));
        var january = await admin.SubmittedReviewAsync(client.Id, January, (library[0].Id, "No"));

        var open = await FindingsAsync(admin, client.Id, "open");
        var all = await FindingsAsync(admin, client.Id, "all");

        Assert.Empty(open.Items);
        var finding = Assert.Single(all.Items);
        Assert.Equal((January, (DateOnly?)March, FindingStatus.Resolved, january.Id),
            (finding.OpenedOn, finding.ResolvedOn, finding.Status, finding.LastReviewId));
        Assert.Equal(March.DayNumber - January.DayNumber, finding.AgeDays);
        Assert.NotEqual(march.Id, finding.LastReviewId);
    }

    [Fact]
    public async Task A_no_entered_late_between_a_no_and_its_fix_joins_that_finding_instead_of_opening_one()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, January, (library[0].Id, "No"));
        await admin.SubmittedReviewAsync(client.Id, March, (library[0].Id, "Yes"));
        var february = await admin.SubmittedReviewAsync(client.Id, February, (library[0].Id, "No"));

        var all = await FindingsAsync(admin, client.Id, "all");

        var finding = Assert.Single(all.Items);
        Assert.Equal((January, February, (DateOnly?)March, february.Id), (finding.OpenedOn, finding.LastSeenOn, finding.ResolvedOn, finding.LastReviewId));
    }

    [Fact]
    public async Task A_yes_for_an_earlier_visit_submitted_late_leaves_a_later_no_open()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        await admin.SubmittedReviewAsync(client.Id, March, (library[0].Id, "No"));
        await admin.SubmittedReviewAsync(client.Id, January, (library[0].Id, "Yes"));

        var finding = Assert.Single((await FindingsAsync(admin, client.Id, "open")).Items);

        Assert.Equal((March, FindingStatus.Open), (finding.OpenedOn, finding.Status));
    }

    [Fact]
    public async Task The_one_time_repair_rebuilds_findings_stored_by_submission_order_and_keeps_their_hand_offs()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var january = await admin.SubmittedReviewAsync(client.Id, January, (library[0].Id, "No"));
        await admin.SubmittedReviewAsync(client.Id, March, (library[0].Id, "Yes"));
        var february = await admin.SubmittedReviewAsync(client.Id, February, (library[0].Id, "No"));
        var kept = Assert.Single((await FindingsAsync(admin, client.Id, "all")).Items);
        Guid strayId;
        using (var scope = factory.Services.CreateScope())
        {
            // What the submit-order rule stored: the late February No opened a finding of its own that no Yes could close.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stray = new Finding
            {
                ClientId = client.Id,
                StandardId = library[0].Id,
                OpenedOn = February,
                OpenedReviewId = february.Id,
                LastSeenOn = February,
                LastReviewId = february.Id,
            };
            db.Findings.Add(stray);
            await db.SaveChangesAsync();
            strayId = stray.Id;
            await db.Findings.Where(f => f.Id == kept.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.LastSeenOn, January)
                .SetProperty(f => f.LastReviewId, january.Id));
        }
        var handoff = await (await admin.PostAsJsonAsync("/api/v1/handoffs",
                new { area = "ServiceDesk", title = "Clear the drive", clientId = client.Id, findingId = strayId }))
            .ReadJsonAsync(System.Net.HttpStatusCode.Created);
        Assert.Equal(2, (await FindingsAsync(admin, client.Id, "all")).Total);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.PendingRepairs.Add(new PendingRepair { Name = PendingRepairs.FindingsFromDatedHistory });
            await db.SaveChangesAsync();
            await PendingRepairs.RunAsync(db, default);
            Assert.False(await db.PendingRepairs.AnyAsync());
        }

        var finding = Assert.Single((await FindingsAsync(admin, client.Id, "all")).Items);
        Assert.Equal((kept.Id, January, February, (DateOnly?)March), (finding.Id, finding.OpenedOn, finding.LastSeenOn, finding.ResolvedOn));
        var moved = await (await admin.GetAsync($"/api/v1/handoffs/{handoff.GetProperty("id").GetString()}")).ReadJsonAsync();
        Assert.Equal(kept.Id, moved.GetProperty("findingId").GetGuid());
    }
}

public sealed class FindingsOutOfOrderOnSqlite(SqliteFactory factory) : FindingsOutOfOrderTests(factory), IClassFixture<SqliteFactory>;

public sealed class FindingsOutOfOrderOnPostgres(PostgresFactory factory) : FindingsOutOfOrderTests(factory), IClassFixture<PostgresFactory>;
