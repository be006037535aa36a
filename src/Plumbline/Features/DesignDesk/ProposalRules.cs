using System.Globalization;
using System.Text;
using System.Text.Json;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>Rules of proposals that need no database: the status shown, validation of steps and lines, the budget, texts.</summary>
public static class ProposalRules
{
    public const int DefaultValidDays = 30;
    public static readonly JsonSerializerOptions Json = Webhooks.WebhookPayload.Json;

    /// <summary>A sent proposal past its validity date reads as Expired; everything else reads as stored.</summary>
    public static ProposalStatus Shown(ProposalStatus stored, DateOnly? validUntil, DateOnly today) =>
        stored == ProposalStatus.Sent && validUntil is { } until && until < today ? ProposalStatus.Expired : stored;

    public static BudgetDetails Budget(ProposalTotals totals, decimal oneTime, decimal monthly, bool linked)
    {
        if (!linked) return new BudgetDetails(0, 0, 0, 0, null);
        var over = Math.Max(0, totals.OneTimePrice - oneTime);
        var monthlyOver = Math.Max(0, totals.RecurringMonthlyPrice - monthly);
        var parts = new List<string>();
        if (over > 0) parts.Add($"{over.ToString("#,##0.00", CultureInfo.InvariantCulture)} one-time");
        if (monthlyOver > 0) parts.Add($"{monthlyOver.ToString("#,##0.00", CultureInfo.InvariantCulture)} a month");
        return new BudgetDetails(oneTime, monthly, over, monthlyOver,
            parts.Count == 0 ? null : $"Exceeds the roadmap budget by {string.Join(" and ", parts)}.");
    }

    public static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];

    public static TemplateDetails Template(ProposalTemplate t) =>
        new(t.Id, t.Name, t.Description, Read<TemplateStep>(t.Steps), Read<TemplateLine>(t.Lines), t.CreatedAt);

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static List<TemplateStep> Steps(List<StepRequest> steps, Dictionary<string, string[]> e)
    {
        var result = new List<TemplateStep>();
        foreach (var (s, i) in steps.Select((s, i) => (s, i)))
        {
            if (s is null)
            {
                e[$"steps[{i}]"] = ["Give each step as { order, title, phase, hours }."];
                continue;
            }
            var title = s.Title?.Trim() ?? "";
            if (title.Length is 0 or > 200 || SingleLine.IsBroken(title))
                e[$"steps[{i}].title"] = ["Say what the step does, on one line, in 200 characters or fewer."];
            if (!ApiEnum.TryParse<ProposalPhase>(s.Phase, out var phase))
                e[$"steps[{i}].phase"] = ["Choose the phase: ProjectManagement, Implementation, Standby or CloseOut."];
            var hours = s.Hours ?? 0;
            if (hours is < 0 or > 100_000 || decimal.Round(hours, 2) != hours)
                e[$"steps[{i}].hours"] = ["Enter hours from 0 to 100,000, with at most two decimals."];
            if (s.Order is < 1 or > 1000) e[$"steps[{i}].order"] = ["Number the steps from 1."];
            result.Add(new TemplateStep(s.Order ?? i + 1, title, phase, hours));
        }
        // Renumbered 1, 2, 3 in the order asked for, so gaps and ties never confuse the client.
        return [.. result.OrderBy(s => s.Order).Select((s, i) => s with { Order = i + 1 })];
    }

    /// <summary>Applies a line request; false (with the errors) when it is not valid.</summary>
    public static bool ApplyLine(ProposalLine line, LineRequest? r, DeskSettings desk, bool creating, string prefix, Dictionary<string, string[]> e)
    {
        if (r is null)
        {
            e[prefix.Length == 0 ? "line" : prefix.TrimEnd('.')] = ["Give the line as { kind, description, quantity, unitCost, ... }."];
            return false;
        }
        var before = e.Count;
        var kind = line.Kind;
        if (r.Kind is not null || creating)
        {
            if (!ApiEnum.TryParse(r.Kind, out kind)) e[prefix + "kind"] = ["Choose the kind: Hardware, Software, Service or Labor."];
        }
        var description = r.Description?.Trim() ?? line.Description;
        if (description.Length is 0 or > 500) e[prefix + "description"] = ["Describe the line in 500 characters or fewer."];
        var vendor = r.Vendor?.Trim() ?? line.Vendor;
        if (vendor.Length > 100) e[prefix + "vendor"] = ["Keep the vendor to 100 characters or fewer."];
        var partNumber = r.PartNumber?.Trim() ?? line.PartNumber;
        if (partNumber.Length > 100) e[prefix + "partNumber"] = ["Keep the part number to 100 characters or fewer."];
        var quantity = r.Quantity ?? (creating ? 1 : line.Quantity);
        if (PricingRules.QuantityError(quantity) is { } quantityError) e[prefix + "quantity"] = [quantityError];
        var unitCost = r.UnitCost ?? line.UnitCost;
        if (creating && r.UnitCost is null) e[prefix + "unitCost"] = ["Enter the unit cost (what one costs the provider)."];
        else if (PricingRules.UnitCostError(unitCost) is { } costError) e[prefix + "unitCost"] = [costError];
        var mode = line.PricingMode;
        if (r.PricingMode is not null && !ApiEnum.TryParse(r.PricingMode, out mode)) e[prefix + "pricingMode"] = ["Price by Markup or by Margin."];
        var percent = r.PricingPercent ?? (creating || r.PricingMode is not null && r.PricingPercent is null && mode != line.PricingMode
            ? (mode == PricingMode.Markup ? desk.Markup(kind) : PricingRules.MarginFromMarkup(desk.Markup(kind))) : line.PricingPercent);
        if (e.Count == before && PricingRules.PercentError(mode, percent) is { } percentError) e[prefix + "pricingPercent"] = [percentError];
        if (e.Count > before) return false;
        (line.Kind, line.Description, line.Vendor, line.PartNumber, line.Quantity, line.UnitCost) = (kind, description, vendor, partNumber, quantity, unitCost);
        (line.PricingMode, line.PricingPercent, line.Recurring) = (mode, percent, r.Recurring ?? line.Recurring);
        return true;
    }

    /// <summary>The professional-services hand-off's text: who accepted, and the steps in order.</summary>
    public static string HandoffDetails(Proposal p, string acceptedBy)
    {
        var text = new StringBuilder($"{acceptedBy} accepted version {p.VersionNumber} of the proposal. Steps:\n");
        foreach (var s in p.Steps.OrderBy(s => s.Order))
            text.Append(CultureInfo.InvariantCulture, $"{s.Order}. {s.Title} ({Phase(s.Phase)}, {s.Hours:0.##} h)\n");
        if (p.Steps.Count == 0) text.Append("No steps were planned.\n");
        return Shorten(text.ToString().TrimEnd(), 4000);
    }

    public static string Phase(ProposalPhase phase) => phase switch
    {
        ProposalPhase.ProjectManagement => "project management",
        ProposalPhase.CloseOut => "close-out",
        _ => phase.ToString().ToLowerInvariant(),
    };

    /// <summary>Why an accepted or declined proposal refuses a change; null while it may still change.</summary>
    public static string? Closed(Proposal p) => p.Status is ProposalStatus.Accepted or ProposalStatus.Declined
        ? $"This proposal was {p.Status.ToString().ToLowerInvariant()}; it no longer changes. Start a new proposal (or save this one as a template)."
        : null;

    /// <summary>A change after sending makes the next version, a draft until it is sent; the sent one stays frozen.</summary>
    public static void Changed(Proposal p, DateTime now)
    {
        if (p.Status == ProposalStatus.Sent)
        {
            p.VersionNumber++;
            p.Status = ProposalStatus.Draft;
        }
        p.UpdatedAt = now;
    }
}
