namespace Plumbline.Features.Clients;

/// <summary>The client numbers of PRODUCT.md, Rules.</summary>
public static class ClientRules
{
    /// <summary>
    /// The clients that take visits: active and onboarding ones (PRODUCT.md, Onboarding). Capacity, the agreement chart and the
    /// year plan count them; AISP, average MRR and RHEM stay with active clients only.
    /// </summary>
    public static readonly ClientStatus[] InSchedule = [ClientStatus.Onboarding, ClientStatus.Active];

    public const decimal DefaultMrrPerMonthlyVisit = 4000m;

    /// <summary>max(4, round(12 x MRR / R)), halves rounding up; R is the MRR that earns one visit a month.</summary>
    public static int SuggestedVisitsPerYear(decimal mrr, decimal mrrPerMonthlyVisit)
    {
        if (mrrPerMonthlyVisit <= 0) return 4;
        var visits = Math.Round(12m * mrr / mrrPerMonthlyVisit, 0, MidpointRounding.AwayFromZero);
        return (int)Math.Max(4m, visits);
    }

    /// <summary>All-in seat price = MRR / seats; null when the client has no seats.</summary>
    public static decimal? Aisp(decimal mrr, int seats) => SmartNumbers.SmartNumberRules.Aisp(mrr, seats);

    /// <summary>Endpoints default to workstations + servers.</summary>
    public static int Endpoints(int? endpoints, int workstations, int servers) => endpoints ?? workstations + servers;
}
