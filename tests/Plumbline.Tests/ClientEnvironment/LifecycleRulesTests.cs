using Plumbline.Features.ClientEnvironment;

namespace Plumbline.Tests.ClientEnvironment;

/// <summary>Where warranty ends, ends of life and renewals land on a client's fiscal quarters, with fiscal years that start in any month.</summary>
public sealed class LifecycleRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static AssetDates Warranty(DateOnly on, AssetKind kind = AssetKind.Workstation, decimal? cost = null, string name = "PC-01") =>
        new(Guid.NewGuid(), kind, name, "Dell", "Latitude 5440", "SN1", on, null, null, cost);

    [Theory]
    // January: the fiscal year is the calendar year; today is in FY2026-Q4 (October to December 2026).
    [InlineData(1, "2026-10-01", "FY2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData(1, "2026-12-31", "FY2026-Q4", "2026-10-01", "2026-12-31")]
    [InlineData(1, "2027-01-01", "FY2027-Q1", "2027-01-01", "2027-03-31")]
    // April: FY2027 runs from April 2026 to March 2027; today is in its Q3.
    [InlineData(4, "2026-10-01", "FY2027-Q3", "2026-10-01", "2026-12-31")]
    [InlineData(4, "2027-03-31", "FY2027-Q4", "2027-01-01", "2027-03-31")]
    [InlineData(4, "2027-04-01", "FY2028-Q1", "2027-04-01", "2027-06-30")]
    // July: FY2027 runs from July 2026 to June 2027; today is in its Q2.
    [InlineData(7, "2026-12-31", "FY2027-Q2", "2026-10-01", "2026-12-31")]
    [InlineData(7, "2027-06-30", "FY2027-Q4", "2027-04-01", "2027-06-30")]
    [InlineData(7, "2027-07-01", "FY2028-Q1", "2027-07-01", "2027-09-30")]
    // October: FY2027 runs from October 2026 to September 2027; today is in its Q1.
    [InlineData(10, "2026-10-01", "FY2027-Q1", "2026-10-01", "2026-12-31")]
    [InlineData(10, "2027-09-30", "FY2027-Q4", "2027-07-01", "2027-09-30")]
    [InlineData(10, "2027-10-01", "FY2028-Q1", "2027-10-01", "2027-12-31")]
    // February: FY2027 runs from February 2026 to January 2027, so today is in its Q4 (November to January).
    [InlineData(2, "2026-11-01", "FY2027-Q4", "2026-11-01", "2027-01-31")]
    [InlineData(2, "2027-01-31", "FY2027-Q4", "2026-11-01", "2027-01-31")]
    [InlineData(2, "2027-02-01", "FY2028-Q1", "2027-02-01", "2027-04-30")]
    [InlineData(2, "2027-10-31", "FY2028-Q3", "2027-08-01", "2027-10-31")]
    public void An_event_lands_in_the_fiscal_quarter_that_holds_its_date(int startMonth, string on, string quarter, string start, string end)
    {
        var timeline = LifecycleRules.Place([Warranty(DateOnly.Parse(on))], Today, startMonth, 12);

        var holding = Assert.Single(timeline, q => q.Assets.Count > 0);
        Assert.Equal((quarter, DateOnly.Parse(start), DateOnly.Parse(end)), (holding.Quarter, holding.Start, holding.End));
        Assert.Equal(DateOnly.Parse(on), Assert.Single(holding.Assets).On);
    }

    [Theory]
    [InlineData(1, "FY2026-Q4")]
    [InlineData(4, "FY2027-Q3")]
    [InlineData(7, "FY2027-Q2")]
    [InlineData(10, "FY2027-Q1")]
    [InlineData(2, "FY2027-Q4")]
    public void The_timeline_starts_at_the_current_fiscal_quarter_and_runs_for_the_quarters_asked(int startMonth, string current)
    {
        var timeline = LifecycleRules.Place([], Today, startMonth, 12);

        Assert.Equal(12, timeline.Count);
        Assert.Equal(current, timeline[0].Quarter);
        Assert.True(timeline[0].Start <= Today && Today <= timeline[0].End);
        for (var i = 1; i < timeline.Count; i++) Assert.Equal(timeline[i - 1].End.AddDays(1), timeline[i].Start);
    }

    [Fact]
    public void Events_before_the_current_quarter_or_after_the_window_are_left_out()
    {
        // January start: the window of 4 quarters is October 2026 to September 2027.
        var timeline = LifecycleRules.Place([Warranty(new(2026, 9, 30)), Warranty(new(2027, 10, 1)), Warranty(new(2027, 9, 30))], Today, 1, 4);

        Assert.Equal(1, timeline.Sum(q => q.Count));
        Assert.Equal("FY2027-Q3", Assert.Single(timeline, q => q.Count > 0).Quarter);
    }

    [Fact]
    public void An_asset_with_two_events_in_a_quarter_is_counted_and_costed_once()
    {
        var both = new AssetDates(Guid.NewGuid(), AssetKind.Server, "SRV-01", "HPE", "DL380", "CZ1", new(2027, 1, 10), new(2027, 2, 20), null, 4000m);
        var renewal = new AssetDates(Guid.NewGuid(), AssetKind.Software, "Microsoft 365", "Microsoft", "", "", null, null, new(2027, 3, 1), 2400m);

        var quarter = LifecycleRules.Place([both, renewal], Today, 1, 2)[1];

        Assert.Equal(3, quarter.Assets.Count);
        Assert.Equal(2, quarter.Count);
        Assert.Equal(6400m, quarter.Cost);
        Assert.Equal([LifecycleEvent.WarrantyEnd, LifecycleEvent.EndOfLife, LifecycleEvent.Renewal], quarter.Assets.Select(a => a.Event));
    }

    [Fact]
    public void A_replacement_without_an_annual_cost_is_priced_at_the_typical_cost_of_its_kind()
    {
        var quarter = LifecycleRules.Place([Warranty(new(2026, 12, 20)), Warranty(new(2026, 12, 21), AssetKind.Server)], Today, 1, 1)[0];

        Assert.Equal(AssetRules.TypicalReplacementCost(AssetKind.Workstation) + AssetRules.TypicalReplacementCost(AssetKind.Server), quarter.Cost);
    }

    [Fact]
    public void The_title_says_how_many_of_what_and_why()
    {
        var items = Enumerable.Range(1, 12).SelectMany(i => LifecycleRules.Events(Warranty(new(2027, 1, i), name: $"PC-{i}"))).ToList();

        Assert.Equal("Replace 12 workstations out of warranty in FY2027-Q3", LifecycleRules.Title(items, "FY2027-Q3"));
    }

    [Theory]
    [InlineData("Workstation", AssetKind.Workstation)]
    [InlineData("laptop", AssetKind.Workstation)]
    [InlineData("Firewall", AssetKind.Network)]
    [InlineData("server", AssetKind.Server)]
    public void Kinds_are_read_by_name_or_a_common_word(string text, AssetKind kind) => Assert.Equal(kind, AssetRules.ParseKind(text));

    [Fact]
    public void Dates_in_the_wrong_order_an_unknown_kind_and_a_negative_cost_are_refused()
    {
        var errors = AssetRules.Validate(new AssetRequest("Toaster", "PC-01", PurchasedOn: new(2025, 5, 1), WarrantyEndsOn: new(2025, 4, 30),
            EndOfLifeOn: new(2024, 1, 1), AnnualCost: -1));

        Assert.Equal(["annualCost", "endOfLifeOn", "kind", "warrantyEndsOn"], errors.Keys.Order());
    }
}
