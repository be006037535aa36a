using Plumbline.Features.DesignDesk;

namespace Plumbline.Tests.DesignDesk;

public sealed class PricingRulesTests
{
    [Fact]
    public void A_3000_server_at_30_percent_markup_sells_for_3900_which_is_a_23_08_percent_margin()
    {
        var line = PricingRules.Line(1, 3000m, PricingMode.Markup, 30m);

        Assert.Equal(3900.00m, line.UnitPrice);
        Assert.Equal(3900.00m, line.Price);
        Assert.Equal(3000.00m, line.Cost);
        Assert.Equal(23.08m, line.Margin);
        Assert.Equal(30.00m, line.Markup);
    }

    [Fact]
    public void A_3000_server_at_30_percent_margin_sells_for_4285_71()
    {
        var line = PricingRules.Line(1, 3000m, PricingMode.Margin, 30m);

        Assert.Equal(4285.71m, line.Price);
        Assert.Equal(30.00m, line.Margin);
        Assert.Equal(42.86m, line.Markup);
    }

    [Theory]
    // 0.125 x 1.2 = 0.15 exactly; 10.005 rounds up (away from zero), not to the even 10.00.
    [InlineData(10.05, PricingMode.Markup, 0.0, 10.05)]
    [InlineData(8.70, PricingMode.Markup, 15.0, 10.01)] // 10.005 -> 10.01
    [InlineData(1.00, PricingMode.Margin, 3.0, 1.03)] // 1.030927... -> 1.03
    [InlineData(100.00, PricingMode.Margin, 99.99, 1000000.00)]
    public void Unit_prices_are_rounded_to_cents_half_away_from_zero(decimal unitCost, PricingMode mode, decimal percent, decimal expected) =>
        Assert.Equal(expected, PricingRules.UnitPrice(unitCost, mode, percent));

    [Fact]
    public void The_price_is_the_rounded_unit_price_times_the_quantity()
    {
        var line = PricingRules.Line(3, 8.70m, PricingMode.Markup, 15m);

        Assert.Equal(10.01m, line.UnitPrice);
        Assert.Equal(30.03m, line.Price);
        Assert.Equal(26.10m, line.Cost);
    }

    [Theory]
    [InlineData(100.0)]
    [InlineData(150.0)]
    public void A_margin_of_100_percent_or_more_is_refused(decimal percent)
    {
        Assert.NotNull(PricingRules.PercentError(PricingMode.Margin, percent));
        Assert.Throws<ArgumentOutOfRangeException>(() => PricingRules.UnitPrice(100m, PricingMode.Margin, percent));
    }

    [Fact]
    public void Negative_quantities_costs_and_percentages_are_refused()
    {
        Assert.NotNull(PricingRules.QuantityError(-1m));
        Assert.NotNull(PricingRules.QuantityError(0m));
        Assert.NotNull(PricingRules.UnitCostError(-0.01m));
        Assert.NotNull(PricingRules.PercentError(PricingMode.Markup, -5m));
        Assert.NotNull(PricingRules.UnitCostError(1.001m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PricingRules.Line(-2m, 10m, PricingMode.Markup, 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PricingRules.Line(2m, -10m, PricingMode.Markup, 10m));
        Assert.Null(PricingRules.PercentError(PricingMode.Margin, 99.99m));
    }

    [Theory]
    [InlineData(PricingMode.Markup)]
    [InlineData(PricingMode.Margin)]
    public void A_zero_cost_line_sells_for_zero_with_zero_margin_and_zero_markup(PricingMode mode)
    {
        var line = PricingRules.Line(5, 0m, mode, 40m);

        Assert.Equal(new LinePrice(0m, 0m, 0m, 0m, 0m), line);
    }

    [Fact]
    public void A_price_with_no_cost_is_a_100_percent_margin_and_reports_no_markup()
    {
        Assert.Equal(100m, PricingRules.MarginPercent(0m, 50m));
        Assert.Equal(0m, PricingRules.MarkupPercent(0m, 50m));
    }

    [Fact]
    public void The_margin_of_a_total_is_profit_over_price_never_the_average_of_line_margins()
    {
        // 3,000 at 30% markup (23.08% margin) and 100 at 90% margin: the average of the margins would be 56.54%.
        var big = PricingRules.Line(1, 3000m, PricingMode.Markup, 30m);
        var small = PricingRules.Line(1, 100m, PricingMode.Margin, 90m);

        var totals = PricingRules.Totals([new(big.Cost, big.Price, false), new(small.Cost, small.Price, false)], [], 30m);

        Assert.Equal(3100m, totals.Cost);
        Assert.Equal(4900m, totals.Price);
        Assert.Equal(1800m, totals.Profit);
        Assert.Equal(36.73m, totals.Margin);
        Assert.Equal(58.06m, totals.Markup);
        Assert.NotEqual(decimal.Round((big.Margin + small.Margin) / 2, 2), totals.Margin);
        Assert.False(totals.BelowTargetMargin);
        Assert.Equal(totals.Price, totals.OneTimePrice);
    }

    [Fact]
    public void Recurring_lines_add_up_in_the_monthly_figures_and_stay_out_of_the_one_time_totals()
    {
        var totals = PricingRules.Totals([new(3000m, 3900m, false), new(40m, 60m, true), new(10m, 15m, true)], [], 30m);

        Assert.Equal(3000m, totals.Cost);
        Assert.Equal(3900m, totals.Price);
        Assert.Equal(50m, totals.RecurringMonthlyCost);
        Assert.Equal(75m, totals.RecurringMonthlyPrice);
        Assert.True(totals.BelowTargetMargin); // 23.08% < 30%
    }

    [Fact]
    public void Labour_is_priced_by_the_phase_rates_and_counts_in_the_one_time_totals()
    {
        var rate = new LaborRate(60m, 150m);
        var implementation = PricingRules.Labor(8.5m, rate);
        var management = PricingRules.Labor(2m, new LaborRate(70m, 175m));

        Assert.Equal(new PricedItem(510m, 1275m, false), implementation);
        var totals = PricingRules.Totals([new(1000m, 1300m, false)], [(8.5m, implementation), (2m, management)], 30m);

        Assert.Equal(10.5m, totals.LaborHours);
        Assert.Equal(650m, totals.LaborCost);
        Assert.Equal(1625m, totals.LaborPrice);
        Assert.Equal(1650m, totals.Cost);
        Assert.Equal(2925m, totals.Price);
        Assert.Equal(43.59m, totals.Margin);
    }

    [Fact]
    public void An_empty_proposal_is_not_flagged_below_target()
    {
        var totals = PricingRules.Totals([], [], 30m);

        Assert.Equal(0m, totals.Margin);
        Assert.False(totals.BelowTargetMargin);
    }

    [Fact]
    public void Buying_breaks_even_in_the_first_month_it_has_cost_no_more_than_subscribing()
    {
        // Buying: 3,600 then 50 a month; subscribing: 200 a month. 3,600 + 50m <= 200m from m = 24.
        var tco = PricingRules.Tco(3600m, 50m, 200m, 36);

        Assert.Equal(24, tco.BreakEvenMonth);
        Assert.Equal(36, tco.Schedule.Count);
        Assert.Equal(new TcoMonth(24, 4800m, 4800m), tco.Schedule[23]);
        Assert.Equal(5400m, tco.BuyingTotal);
        Assert.Equal(7200m, tco.SubscribingTotal);
    }

    [Fact]
    public void Buying_that_never_catches_up_in_the_period_has_no_break_even_month()
    {
        Assert.Null(PricingRules.Tco(10_000m, 100m, 150m, 60).BreakEvenMonth);
        Assert.Equal(1, PricingRules.Tco(0m, 10m, 100m, 12).BreakEvenMonth);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(61)]
    public void The_TCO_period_is_12_to_60_months(int months)
    {
        Assert.NotNull(PricingRules.TcoMonthsError(months));
        Assert.Throws<ArgumentOutOfRangeException>(() => PricingRules.Tco(100m, 0m, 10m, months));
    }
}
