using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Recommendations;

/// <summary>The client's recommendation list: what it shows and what it adds up.</summary>
public sealed class RecommendationPagesTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_list_adds_up_the_budgeted_recommendations_that_match_the_filter()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        await admin.CreateRecommendationAsync(client.Id, new { title = "Firewall", oneTimeCost = 4200, recurringMonthlyCost = 95.5m, status = "Approved" });
        await admin.CreateRecommendationAsync(client.Id, new { title = "Backups", oneTimeCost = 800, recurringMonthlyCost = 120, status = "Proposed" });
        await admin.CreateRecommendationAsync(client.Id, new { title = "Old idea", oneTimeCost = 9999, status = "Declined" });

        var all = await (await admin.GetAsync($"/clients/{client.Id}/recommendations")).ExpectAsync(HttpStatusCode.OK);
        var approved = await (await admin.GetAsync($"/clients/{client.Id}/recommendations?status=Approved")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Budgeted, all 3", all);
        Assert.Contains("$5,000.00", all);
        Assert.Contains("$215.50", all);
        Assert.Contains("Budgeted, all 1 matching", approved);
        Assert.DoesNotContain("Backups", approved);
    }
}
