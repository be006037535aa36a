using Plumbline.Features.DesignDesk;

namespace Plumbline.Tests.DesignDesk;

public sealed class ProposalRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Theory]
    [InlineData(ProposalStatus.Sent, "2026-12-04", ProposalStatus.Expired)]
    [InlineData(ProposalStatus.Sent, "2026-12-05", ProposalStatus.Sent)]
    [InlineData(ProposalStatus.Draft, "2026-12-04", ProposalStatus.Draft)]
    [InlineData(ProposalStatus.Accepted, "2026-12-04", ProposalStatus.Accepted)]
    [InlineData(ProposalStatus.Declined, "2026-12-04", ProposalStatus.Declined)]
    public void A_sent_proposal_past_its_validity_date_reads_as_expired(ProposalStatus stored, string validUntil, ProposalStatus shown) =>
        Assert.Equal(shown, ProposalRules.Shown(stored, DateOnly.Parse(validUntil), Today));

    [Fact]
    public void The_budget_says_by_how_much_the_price_exceeds_the_roadmap()
    {
        var totals = PricingRules.Totals([new(3000m, 3900m, false), new(50m, 80m, true)], [], 30m);

        var over = ProposalRules.Budget(totals, 3500m, 60m, linked: true);
        var within = ProposalRules.Budget(totals, 4000m, 100m, linked: true);
        var unlinked = ProposalRules.Budget(totals, 0m, 0m, linked: false);

        Assert.Equal(400m, over.OneTimeOver);
        Assert.Equal(20m, over.RecurringMonthlyOver);
        Assert.Equal("Exceeds the roadmap budget by 400.00 one-time and 20.00 a month.", over.Message);
        Assert.Null(within.Message);
        Assert.Equal(0m, within.OneTimeOver);
        Assert.Null(unlinked.Message);
    }

    [Fact]
    public void Steps_are_numbered_from_one_in_the_order_asked_for()
    {
        var e = new Dictionary<string, string[]>();

        var steps = ProposalRules.Steps(
            [new(5, "Close out", "CloseOut", 1), new(2, "Plan", "ProjectManagement", 2), new(null, "Build", "Implementation", 3)], e);

        Assert.Empty(e);
        Assert.Equal(["Plan", "Build", "Close out"], steps.Select(s => s.Title));
        Assert.Equal([1, 2, 3], steps.Select(s => s.Order));
    }
}
