using Plumbline.Features.Clients;

namespace Plumbline.Tests.Clients;

/// <summary>PRODUCT.md, Rules: visit frequency, AISP and endpoints.</summary>
public sealed class ClientRulesTests
{
    [Theory]
    [InlineData(9000, 4000, 27)]
    [InlineData(4000, 4000, 12)]
    [InlineData(1000, 4000, 4)]
    [InlineData(0, 4000, 4)]
    [InlineData(1333.33, 4000, 4)]
    [InlineData(1500, 4000, 5)] // 4.5 rounds up
    [InlineData(4166.67, 4000, 13)] // 12.50001
    [InlineData(3125, 3000, 13)] // exactly 12.5: halves round up, not to even
    [InlineData(3625, 3000, 15)] // exactly 14.5
    [InlineData(70000, 5000, 168)]
    public void Suggested_visits_are_twelve_times_mrr_over_r_at_least_four(double mrr, double r, int expected)
    {
        Assert.Equal(expected, ClientRules.SuggestedVisitsPerYear((decimal)mrr, (decimal)r));
    }

    [Fact]
    public void R_defaults_to_4000()
    {
        Assert.Equal(4000m, ClientRules.DefaultMrrPerMonthlyVisit);
        Assert.Equal(27, ClientRules.SuggestedVisitsPerYear(9000m, ClientRules.DefaultMrrPerMonthlyVisit));
    }

    [Fact]
    public void An_unset_r_falls_back_to_the_minimum()
    {
        Assert.Equal(4, ClientRules.SuggestedVisitsPerYear(9000m, 0m));
    }

    [Theory]
    [InlineData(9000, 30, 300)]
    [InlineData(1000, 3, 333.33)]
    [InlineData(2000, 3, 666.67)]
    [InlineData(0, 10, 0)]
    public void Aisp_is_mrr_per_seat_in_cents(double mrr, int seats, double expected)
    {
        Assert.Equal((decimal)expected, ClientRules.Aisp((decimal)mrr, seats));
    }

    [Fact]
    public void A_client_without_seats_has_no_aisp()
    {
        Assert.Null(ClientRules.Aisp(9000m, 0));
    }

    [Theory]
    [InlineData(null, 40, 3, 43)]
    [InlineData(null, 0, 0, 0)]
    [InlineData(50, 40, 3, 50)]
    [InlineData(0, 40, 3, 0)]
    public void Endpoints_default_to_workstations_plus_servers(int? endpoints, int workstations, int servers, int expected)
    {
        Assert.Equal(expected, ClientRules.Endpoints(endpoints, workstations, servers));
    }
}
