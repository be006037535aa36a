namespace Plumbline.Features.DesignDesk;

public enum LineKind { Hardware, Software, Service, Labor }

public enum PricingMode { Markup, Margin }

public enum ProposalPhase { ProjectManagement, Implementation, Standby, CloseOut }

/// <summary>What one line costs and sells for: unit price, price, cost, and the margin and markup in percent.</summary>
public sealed record LinePrice(decimal UnitPrice, decimal Price, decimal Cost, decimal Margin, decimal Markup);

/// <summary>What a proposal's line or step contributes to the totals.</summary>
public sealed record PricedItem(decimal Cost, decimal Price, bool Recurring);

/// <summary>
/// The proposal's totals (API.md, Design desk). <see cref="Cost"/>, <see cref="Price"/>, <see cref="Profit"/>, <see cref="Margin"/>,
/// <see cref="Markup"/> and <see cref="BelowTargetMargin"/> cover the one-time lines and the priced labour of the steps; recurring lines
/// add up in the two monthly figures. <see cref="OneTimePrice"/> equals <see cref="Price"/>.
/// </summary>
public sealed record ProposalTotals(decimal Cost, decimal Price, decimal Profit, decimal Margin, decimal Markup, decimal OneTimePrice,
    decimal RecurringMonthlyCost, decimal RecurringMonthlyPrice, bool BelowTargetMargin, decimal TargetMargin, decimal LaborHours,
    decimal LaborCost, decimal LaborPrice);

/// <summary>What an hour of one phase costs the provider and what the provider bills for it.</summary>
public sealed record LaborRate(decimal CostPerHour, decimal BillPerHour);

/// <summary>One month of a TCO comparison: what buying and subscribing have cost by the end of that month.</summary>
public sealed record TcoMonth(int Month, decimal Buying, decimal Subscribing);

public sealed record TcoComparison(int Months, decimal OneTimePrice, decimal MonthlySupport, decimal MonthlySubscription, decimal BuyingTotal,
    decimal SubscribingTotal, int? BreakEvenMonth, IReadOnlyList<TcoMonth> Schedule);

/// <summary>
/// Price from cost (PRODUCT.md, Rules): pure functions, no I/O. Money is decimal and every amount is rounded to cents with
/// <see cref="MidpointRounding.AwayFromZero"/> (0.005 becomes 0.01, as a customer expects on an invoice, not banker's rounding).
/// </summary>
public static class PricingRules
{
    public const decimal DefaultTargetMargin = 30m;
    public const decimal MaxMarkup = 1000m;
    public const decimal MaxQuantity = 1_000_000m;
    public const decimal MaxMoney = 1_000_000_000m;
    public const int MinTcoMonths = 12;
    public const int MaxTcoMonths = 60;

    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Why these figures cannot be priced, or null. Negative quantities and costs, and a margin of 100% or more, are refused.</summary>
    public static string? QuantityError(decimal quantity) =>
        quantity <= 0 || quantity > MaxQuantity ? "Enter a quantity above 0 and up to 1,000,000."
        : decimal.Round(quantity, 2) != quantity ? "Use at most two decimals for the quantity." : null;

    public static string? UnitCostError(decimal unitCost) =>
        unitCost is < 0 or > MaxMoney ? "Enter a unit cost from 0 to 1,000,000,000; a cost is never negative."
        : decimal.Round(unitCost, 2) != unitCost ? "Use at most two decimals for money." : null;

    public static string? PercentError(PricingMode mode, decimal percent) => mode switch
    {
        _ when decimal.Round(percent, 2) != percent => "Use at most two decimals for the percentage.",
        PricingMode.Margin when percent is < 0 or >= 100 =>
            "A margin is a share of the price: enter 0 to 99.99. A margin of 100% or more would need an infinite price.",
        PricingMode.Markup when percent is < 0 or > MaxMarkup => "Enter a markup from 0 to 1,000 percent.",
        _ => null,
    };

    /// <summary>unitCost x (1 + p) for a markup, unitCost / (1 - p) for a margin, p = percent / 100, rounded to cents.</summary>
    public static decimal UnitPrice(decimal unitCost, PricingMode mode, decimal percent)
    {
        if (UnitCostError(unitCost) is { } costError) throw new ArgumentOutOfRangeException(nameof(unitCost), costError);
        if (PercentError(mode, percent) is { } percentError) throw new ArgumentOutOfRangeException(nameof(percent), percentError);
        var p = percent / 100m;
        return Cents(mode == PricingMode.Markup ? unitCost * (1 + p) : unitCost / (1 - p));
    }

    /// <summary>The line: price = unitPrice x quantity (unit price already in cents), cost = unitCost x quantity, and both percentages.</summary>
    public static LinePrice Line(decimal quantity, decimal unitCost, PricingMode mode, decimal percent)
    {
        if (QuantityError(quantity) is { } quantityError) throw new ArgumentOutOfRangeException(nameof(quantity), quantityError);
        var unitPrice = UnitPrice(unitCost, mode, percent);
        var price = Cents(unitPrice * quantity);
        var cost = Cents(unitCost * quantity);
        return new LinePrice(unitPrice, price, cost, MarginPercent(cost, price), MarkupPercent(cost, price));
    }

    /// <summary>
    /// (price - cost) / price in percent, two decimals. A price of 0 has no margin to speak of: 0 (a zero-cost line priced from cost
    /// sells for 0, and we report 0%, not 100% or a division by zero).
    /// </summary>
    public static decimal MarginPercent(decimal cost, decimal price) => price == 0 ? 0 : Cents((price - cost) / price * 100m);

    /// <summary>
    /// (price - cost) / cost in percent, two decimals. A cost of 0 has no markup (it would be infinite): 0. Such a price is all
    /// profit, which the margin (100%) shows.
    /// </summary>
    public static decimal MarkupPercent(decimal cost, decimal price) => cost == 0 ? 0 : Cents((price - cost) / cost * 100m);

    /// <summary>The margin a markup gives, in percent: m / (1 + m); 30% markup is a 23.08% margin.</summary>
    public static decimal MarginFromMarkup(decimal markupPercent) => Cents(markupPercent / (100m + markupPercent) * 100m);

    /// <summary>A step's labour: hours x the phase's cost rate and bill rate, each rounded to cents.</summary>
    public static PricedItem Labor(decimal hours, LaborRate rate)
    {
        if (hours is < 0 or > 100_000) throw new ArgumentOutOfRangeException(nameof(hours), "Enter hours from 0 to 100,000.");
        return new PricedItem(Cents(hours * rate.CostPerHour), Cents(hours * rate.BillPerHour), Recurring: false);
    }

    /// <summary>
    /// The totals of the lines and the steps' labour. The margin of the total is profit / price of the sums, never the average of
    /// the lines' margins; it is below target when it is under the target margin (and there is something to sell).
    /// </summary>
    public static ProposalTotals Totals(IEnumerable<PricedItem> lines, IEnumerable<(decimal Hours, PricedItem Labor)> steps, decimal targetMargin)
    {
        var all = lines.ToList();
        var labor = steps.ToList();
        var oneTime = all.Where(l => !l.Recurring).Concat(labor.Select(s => s.Labor)).ToList();
        var recurring = all.Where(l => l.Recurring).ToList();
        var cost = oneTime.Sum(l => l.Cost);
        var price = oneTime.Sum(l => l.Price);
        var margin = MarginPercent(cost, price);
        return new ProposalTotals(cost, price, price - cost, margin, MarkupPercent(cost, price), price,
            recurring.Sum(l => l.Cost), recurring.Sum(l => l.Price), BelowTargetMargin: price > 0 && margin < targetMargin, targetMargin,
            labor.Sum(s => s.Hours), labor.Sum(s => s.Labor.Cost), labor.Sum(s => s.Labor.Price));
    }

    public static string? TcoMonthsError(int months) =>
        months is < MinTcoMonths or > MaxTcoMonths ? "Compare over 12 to 60 months." : null;

    /// <summary>
    /// Buying (the one-time price, then support every month) against a monthly subscription, month by month. The break-even month is
    /// the first month in which buying has cost no more than subscribing, so far; null when buying never catches up in the period.
    /// </summary>
    public static TcoComparison Tco(decimal oneTimePrice, decimal monthlySupport, decimal monthlySubscription, int months)
    {
        if (TcoMonthsError(months) is { } error) throw new ArgumentOutOfRangeException(nameof(months), error);
        var schedule = Enumerable.Range(1, months).Select(m => new TcoMonth(m, oneTimePrice + monthlySupport * m, monthlySubscription * m)).ToList();
        var breakEven = schedule.FirstOrDefault(m => m.Buying <= m.Subscribing)?.Month;
        return new TcoComparison(months, oneTimePrice, monthlySupport, monthlySubscription, schedule[^1].Buying, schedule[^1].Subscribing, breakEven,
            schedule);
    }
}
