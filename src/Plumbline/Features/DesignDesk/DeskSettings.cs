using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>A phase's labour rates as the API shows them.</summary>
public sealed record PhaseRate(ProposalPhase Phase, decimal CostPerHour, decimal BillPerHour);

/// <summary>The design desk's provider settings: target margin, default markup per line kind, labour rates per phase.</summary>
public sealed record DeskSettings(decimal TargetMargin, decimal MarkupHardware, decimal MarkupSoftware, decimal MarkupService, decimal MarkupLabor,
    IReadOnlyList<PhaseRate> LaborRates)
{
    public const decimal DefaultTargetMargin = PricingRules.DefaultTargetMargin;
    // Placeholders until the provider sets its own: typical MSP markups and a plain 60 an hour cost, 150 an hour bill rate.
    public const decimal DefaultMarkupHardware = 20m;
    public const decimal DefaultMarkupSoftware = 15m;
    public const decimal DefaultMarkupService = 30m;
    public const decimal DefaultMarkupLabor = 50m;
    public const decimal DefaultCostPerHour = 60m;
    public const decimal DefaultBillPerHour = 150m;

    public static DeskSettings Of(ProviderSettings s) => new(s.DeskTargetMargin, s.DeskMarkupHardware, s.DeskMarkupSoftware, s.DeskMarkupService,
        s.DeskMarkupLabor,
        [
            new(ProposalPhase.ProjectManagement, s.LaborCostProjectManagement, s.LaborBillProjectManagement),
            new(ProposalPhase.Implementation, s.LaborCostImplementation, s.LaborBillImplementation),
            new(ProposalPhase.Standby, s.LaborCostStandby, s.LaborBillStandby),
            new(ProposalPhase.CloseOut, s.LaborCostCloseOut, s.LaborBillCloseOut),
        ]);

    public decimal Markup(LineKind kind) => kind switch
    {
        LineKind.Hardware => MarkupHardware,
        LineKind.Software => MarkupSoftware,
        LineKind.Service => MarkupService,
        _ => MarkupLabor,
    };

    public LaborRate Rate(ProposalPhase phase) =>
        LaborRates.First(r => r.Phase == phase) is var r ? new LaborRate(r.CostPerHour, r.BillPerHour) : throw new InvalidOperationException();
}

/// <summary>Changes to the design desk's settings; fields left out keep their value.</summary>
public sealed record DeskSettingsRequest(decimal? TargetMargin = null, decimal? MarkupHardware = null, decimal? MarkupSoftware = null,
    decimal? MarkupService = null, decimal? MarkupLabor = null, List<PhaseRateRequest>? LaborRates = null);

public sealed record PhaseRateRequest([property: StringEnum<ProposalPhase>] string? Phase, decimal? CostPerHour, decimal? BillPerHour);

/// <summary>Reads and writes the design desk's columns of the provider settings row.</summary>
public sealed class DeskSettingsService(AppDbContext db, ProviderSettingsService settings)
{
    public async Task<DeskSettings> GetAsync(CancellationToken ct) =>
        DeskSettings.Of(await db.ProviderSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ProviderSettings.SingletonId, ct)
            ?? new ProviderSettings());

    public async Task<Outcome<DeskSettings>> UpdateAsync(DeskSettingsRequest r, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        var row = await settings.EditAsync(ct);
        if (r.TargetMargin is { } target)
        {
            if (target is < 0 or >= 100 || decimal.Round(target, 2) != target) e["targetMargin"] = ["Enter a target margin from 0 to 99.99 percent."];
            else row.DeskTargetMargin = target;
        }
        void Markup(decimal? value, string field, Action<decimal> set)
        {
            if (value is not { } v) return;
            if (PricingRules.PercentError(PricingMode.Markup, v) is { } error) e[field] = [error];
            else set(v);
        }
        Markup(r.MarkupHardware, "markupHardware", v => row.DeskMarkupHardware = v);
        Markup(r.MarkupSoftware, "markupSoftware", v => row.DeskMarkupSoftware = v);
        Markup(r.MarkupService, "markupService", v => row.DeskMarkupService = v);
        Markup(r.MarkupLabor, "markupLabor", v => row.DeskMarkupLabor = v);
        foreach (var (rate, i) in (r.LaborRates ?? []).Select((x, i) => (x, i)))
        {
            if (rate is null)
            {
                e[$"laborRates[{i}]"] = ["Give each rate as { phase, costPerHour, billPerHour }."];
                continue;
            }
            if (!ApiEnum.TryParse<ProposalPhase>(rate.Phase, out var phase))
            {
                e[$"laborRates[{i}].phase"] = ["Name the phase: ProjectManagement, Implementation, Standby or CloseOut."];
                continue;
            }
            string? RateError(decimal? v) => v is < 0 or > 100_000 || (v is { } d && decimal.Round(d, 2) != d)
                ? "Enter an hourly rate from 0 to 100,000 with at most two decimals." : null;
            if (RateError(rate.CostPerHour) is { } costError) e[$"laborRates[{i}].costPerHour"] = [costError];
            if (RateError(rate.BillPerHour) is { } billError) e[$"laborRates[{i}].billPerHour"] = [billError];
            if (e.Count > 0) continue;
            switch (phase)
            {
                case ProposalPhase.ProjectManagement:
                    row.LaborCostProjectManagement = rate.CostPerHour ?? row.LaborCostProjectManagement;
                    row.LaborBillProjectManagement = rate.BillPerHour ?? row.LaborBillProjectManagement;
                    break;
                case ProposalPhase.Implementation:
                    row.LaborCostImplementation = rate.CostPerHour ?? row.LaborCostImplementation;
                    row.LaborBillImplementation = rate.BillPerHour ?? row.LaborBillImplementation;
                    break;
                case ProposalPhase.Standby:
                    row.LaborCostStandby = rate.CostPerHour ?? row.LaborCostStandby;
                    row.LaborBillStandby = rate.BillPerHour ?? row.LaborBillStandby;
                    break;
                default:
                    row.LaborCostCloseOut = rate.CostPerHour ?? row.LaborCostCloseOut;
                    row.LaborBillCloseOut = rate.BillPerHour ?? row.LaborBillCloseOut;
                    break;
            }
        }
        if (e.Count > 0) return Outcome<DeskSettings>.Invalid(e);
        await db.SaveChangesAsync(ct);
        return Outcome<DeskSettings>.Ok(DeskSettings.Of(row));
    }
}
