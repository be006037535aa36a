using Plumbline.Features.SmartNumbers;
using Plumbline.Features.SmartNumbers.Classification;
using Plumbline.Features.SmartNumbers.Metrics;

namespace Plumbline.Tests.SmartNumbers;

public sealed class SmartNumberRulesTests
{
    private static DateOnly M(int year, int month) => new(year, month, 1);

    private static ClientEndpointCount H(int year, int month, int endpoints) => new() { Month = M(year, month), Endpoints = endpoints };

    [Theory]
    [InlineData(0.125, 0.13)]
    [InlineData(-0.125, -0.13)]
    [InlineData(0.135, 0.14)]
    [InlineData(2.5, 2.5)]
    [InlineData(0.004, 0)]
    [InlineData(1.005, 1.01)]
    public void Figures_round_to_two_decimals_halves_away_from_zero(decimal value, decimal expected) =>
        Assert.Equal(expected, SmartNumberRules.Round(value));

    [Fact]
    public void Rhem_over_one_month_is_reactive_hours_per_endpoint()
    {
        Assert.Equal(0.4m, SmartNumberRules.Rhem(20m, 50));
        Assert.Equal(0.33m, SmartNumberRules.Rhem(10m, 30));
    }

    [Fact]
    public void Rhem_over_n_months_divides_by_endpoints_times_months()
    {
        // 36 reactive hours, 40 endpoints, 3 months: 36 / 120 = 0.30, not 36 / 40.
        Assert.Equal(0.3m, SmartNumberRules.Rhem(36m, 40L * 3));
        var months = SmartNumberRules.Months(M(2026, 1), M(2026, 12));
        Assert.Equal(12, months.Count);
        Assert.Equal(1m, SmartNumberRules.Rhem(120m, months.Sum(m => (long)SmartNumberRules.EndpointsIn(m, [], 10))));
    }

    [Fact]
    public void Rhem_with_changing_endpoints_divides_by_the_endpoints_of_each_month()
    {
        // 10 endpoints in January and February, 20 from March: 10 + 10 + 20 = 40 endpoint-months.
        List<ClientEndpointCount> history = [H(2026, 1, 10), H(2026, 3, 20)];
        var endpointMonths = SmartNumberRules.Months(M(2026, 1), M(2026, 3)).Sum(m => (long)SmartNumberRules.EndpointsIn(m, history, 99));
        Assert.Equal(40, endpointMonths);
        Assert.Equal(0.25m, SmartNumberRules.Rhem(10m, endpointMonths));
    }

    [Fact]
    public void Endpoints_in_a_month_are_the_latest_recorded_value_and_the_first_value_before_any_record()
    {
        List<ClientEndpointCount> history = [H(2026, 3, 10), H(2026, 6, 15), H(2026, 9, 12)];
        Assert.Equal(10, SmartNumberRules.EndpointsIn(M(2025, 12), history, 99));
        Assert.Equal(10, SmartNumberRules.EndpointsIn(M(2026, 3), history, 99));
        Assert.Equal(10, SmartNumberRules.EndpointsIn(M(2026, 5), history, 99));
        Assert.Equal(15, SmartNumberRules.EndpointsIn(M(2026, 6), history, 99));
        Assert.Equal(15, SmartNumberRules.EndpointsIn(M(2026, 8), history, 99));
        Assert.Equal(12, SmartNumberRules.EndpointsIn(M(2027, 4), history, 99));
        Assert.Equal(99, SmartNumberRules.EndpointsIn(M(2026, 6), [], 99));
    }

    [Fact]
    public void Zero_endpoints_give_no_rhem_rather_than_a_division_error()
    {
        Assert.Null(SmartNumberRules.Rhem(12m, 0));
        Assert.Null(SmartNumberRules.Rhem(0m, 0));
        Assert.Equal(0m, SmartNumberRules.Rhem(0m, 10));
    }

    [Fact]
    public void Aisp_is_mrr_per_seat_and_none_without_seats()
    {
        Assert.Equal(300m, SmartNumberRules.Aisp(9000m, 30));
        Assert.Equal(1388.89m, SmartNumberRules.Aisp(4166.67m, 3));
        Assert.Null(SmartNumberRules.Aisp(9000m, 0));
    }

    [Fact]
    public void Average_mrr_is_the_mean_and_none_without_clients()
    {
        Assert.Equal(5000m, SmartNumberRules.AverageMrr([3000m, 7000m]));
        Assert.Equal(3333.33m, SmartNumberRules.AverageMrr([10000m, 0m, 0m]));
        Assert.Null(SmartNumberRules.AverageMrr([]));
    }

    [Fact]
    public void Practice_figures_pool_hours_endpoints_mrr_and_seats_rather_than_averaging_client_figures()
    {
        // Client A: 30 reactive hours, 10 endpoints; client B: 0 hours, 90 endpoints; 3 months.
        // Averaging the clients' RHEM (1.00 and 0.00) would give 0.50; the practice's is 30 / (100 x 3) = 0.10.
        Assert.Equal(0.1m, SmartNumberRules.Rhem(30m + 0m, (10L + 90L) * 3));
        // AISP: all MRR / all seats = (9,000 + 1,000) / (30 + 20) = 200, not the mean of 300 and 50.
        Assert.Equal(200m, SmartNumberRules.Aisp(9000m + 1000m, 30 + 20));
    }

    [Fact]
    public void An_entry_is_reactive_when_any_of_its_three_values_is_listed_ignoring_case_and_spaces()
    {
        var c = new ReactiveClassification { ReactiveWorkTypes = ["Break/Fix"], ReactiveBoards = [" Service Desk "], ReactiveTicketTypes = ["incident"] };
        Assert.True(SmartNumberRules.IsReactive(c, "break/fix", "Projects", "Task"));
        Assert.True(SmartNumberRules.IsReactive(c, "Maintenance", "service desk", "Task"));
        Assert.True(SmartNumberRules.IsReactive(c, "Maintenance", "Projects", "  INCIDENT "));
        Assert.False(SmartNumberRules.IsReactive(c, "Maintenance", "Projects", "Task"));
        Assert.False(SmartNumberRules.IsReactive(c, "", "", ""));
        Assert.False(SmartNumberRules.IsReactive(new ReactiveClassification { ReactiveWorkTypes = [""] }, "", "x", "y"));
    }

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData(" 2026-03 ", true)]
    [InlineData("2000-01", true)]
    [InlineData("2100-12", true)]
    [InlineData("1999-12", false)]
    [InlineData("2101-01", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("March 2026", false)]
    [InlineData("2026-03-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Months_are_parsed_as_yyyy_mm_between_2000_and_2100(string? text, bool valid)
    {
        Assert.Equal(valid, SmartNumberRules.TryParseMonth(text, out var month));
        if (valid) Assert.Equal(1, month.Day);
    }

    [Fact]
    public void The_months_of_a_period_include_both_ends_and_none_when_it_runs_backwards()
    {
        Assert.Equal([M(2025, 11), M(2025, 12), M(2026, 1)], SmartNumberRules.Months(new DateOnly(2025, 11, 20), new DateOnly(2026, 1, 5)));
        Assert.Empty(SmartNumberRules.Months(M(2026, 2), M(2026, 1)));
        Assert.Equal("2026-03", SmartNumberRules.MonthText(new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public void A_client_costs_more_than_it_pays_when_its_hours_at_cost_exceed_its_mrr_over_the_period()
    {
        // 3 months at 1,000 MRR = 3,000 paid; 40 hours at 85 = 3,400.
        Assert.True(SmartNumberRules.CostsMoreThanPays(40m, 85m, 1000m, 3));
        Assert.False(SmartNumberRules.CostsMoreThanPays(30m, 85m, 1000m, 3));
        Assert.False(SmartNumberRules.CostsMoreThanPays(100m, 30m, 1000m, 3));
        Assert.False(SmartNumberRules.CostsMoreThanPays(40m, 85m, 1000m, 0));
    }

    [Fact]
    public void A_period_is_checked_and_missing_ends_take_the_default()
    {
        var fallback = (M(2025, 12), M(2026, 11));
        Assert.Equal((M(2025, 12), M(2026, 11)), Period(null, null, fallback));
        Assert.Equal((M(2026, 1), M(2026, 11)), Period("2026-01", null, fallback));
        Assert.Contains("from", MetricsPeriod.Parse("2026-1x", null, fallback).Errors.Keys);
        Assert.Contains("to", MetricsPeriod.Parse(null, "soon", fallback).Errors.Keys);
        Assert.Contains("from", MetricsPeriod.Parse("2026-05", "2026-04", fallback).Errors.Keys);
        Assert.Empty(MetricsPeriod.Parse("2021-01", "2025-12", fallback).Errors);
        Assert.Contains("to", MetricsPeriod.Parse("2021-01", "2026-01", fallback).Errors.Keys);
    }

    private static (DateOnly, DateOnly) Period(string? from, string? to, (DateOnly, DateOnly) fallback)
    {
        var (f, t, errors) = MetricsPeriod.Parse(from, to, fallback);
        Assert.Empty(errors);
        return (f, t);
    }

    [Fact]
    public void A_classification_is_trimmed_and_deduplicated_ignoring_case_and_refuses_empty_long_or_too_many_values()
    {
        var (clean, errors) = ClassificationService.Check(new ClassificationRequest([" Break/Fix ", "break/fix", "Emergency"], null, ["Incident"]));
        Assert.Empty(errors);
        Assert.Equal(["Break/Fix", "Emergency"], clean!.ReactiveWorkTypes);
        Assert.Empty(clean.ReactiveBoards);
        Assert.Equal(["Incident"], clean.ReactiveTicketTypes);

        Assert.Contains("reactiveWorkTypes", ClassificationService.Check(new ClassificationRequest(["  "])).Errors.Keys);
        Assert.Contains("reactiveBoards", ClassificationService.Check(new ClassificationRequest(null, [new string('b', 101)])).Errors.Keys);
        Assert.Empty(ClassificationService.Check(new ClassificationRequest(null, [new string('b', 100)])).Errors);
        var many = Enumerable.Range(0, 501).Select(i => $"Type {i}").ToList();
        Assert.Contains("reactiveTicketTypes", ClassificationService.Check(new ClassificationRequest(null, null, many)).Errors.Keys);
        Assert.Empty(ClassificationService.Check(new ClassificationRequest(null, null, [.. many.Take(500), "TYPE 0"])).Errors);
    }
}
