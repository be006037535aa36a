using Plumbline.Infrastructure;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>The checks every asset passes, from the API, the pages and an import alike. Pure functions, unit-tested.</summary>
public static class AssetRules
{
    public const int FirstYear = 1980, LastYear = 2100;
    public const decimal MaxCost = 100_000_000m;
    public const int EndsSoonDays = 90;

    /// <summary>The kind, by its name or a common word for it ("laptop" is a workstation, "switch" is network); null when unknown.</summary>
    public static AssetKind? ParseKind(string? text)
    {
        var s = (text ?? "").Trim().ToLowerInvariant();
        if (ApiEnum.TryParse<AssetKind>(s, out var kind)) return kind;
        return s switch
        {
            "laptop" or "desktop" or "notebook" or "pc" or "computer" or "workstations" => AssetKind.Workstation,
            "servers" or "virtual server" or "vm" => AssetKind.Server,
            "switch" or "router" or "firewall" or "access point" or "wireless access point" => AssetKind.Network,
            "phone" or "mobile phone" or "tablet" or "smartphone" => AssetKind.Mobile,
            "printers" or "copier" or "multifunction printer" => AssetKind.Printer,
            "licence" or "license" or "application" => AssetKind.Software,
            "saas" or "subscription" or "cloud service" => AssetKind.Cloud,
            _ => null,
        };
    }

    public static string KindsText => string.Join(", ", Enum.GetNames<AssetKind>());

    /// <summary>Field errors for an asset as it is about to be saved (camelCase field names, as the API spells them).</summary>
    public static Dictionary<string, string[]> Validate(AssetRequest r)
    {
        var e = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Kind)) e["kind"] = [$"Choose the kind of asset: {KindsText}."];
        else if (!ApiEnum.TryParse<AssetKind>(r.Kind, out _))
            e["kind"] = [$"\"{Short(r.Kind)}\" is not a kind of asset. Use {KindsText}."];
        if (string.IsNullOrWhiteSpace(r.Name)) e["name"] = ["Enter the asset's name (for example its hostname)."];
        Text(r.Name, "name", e);
        Text(r.Manufacturer, "manufacturer", e);
        Text(r.Model, "model", e);
        Text(r.SerialNumber, "serialNumber", e);
        foreach (var (field, date) in new[] { ("purchasedOn", r.PurchasedOn), ("warrantyEndsOn", r.WarrantyEndsOn), ("endOfLifeOn", r.EndOfLifeOn),
            ("renewsOn", r.RenewsOn) })
            if (date is { Year: < FirstYear or > LastYear }) e[field] = [$"Enter a date from {FirstYear} to {LastYear}."];
        if (r.PurchasedOn is { } bought)
        {
            if (r.WarrantyEndsOn is { } warranty && warranty < bought && !e.ContainsKey("warrantyEndsOn"))
                e["warrantyEndsOn"] = [$"The warranty cannot end ({warranty:yyyy-MM-dd}) before the asset was bought ({bought:yyyy-MM-dd})."];
            if (r.EndOfLifeOn is { } eol && eol < bought && !e.ContainsKey("endOfLifeOn"))
                e["endOfLifeOn"] = [$"The end of life ({eol:yyyy-MM-dd}) cannot come before the asset was bought ({bought:yyyy-MM-dd})."];
        }
        if (r.AnnualCost is < 0) e["annualCost"] = ["The annual cost cannot be negative. Leave it empty when you do not know it."];
        else if (r.AnnualCost > MaxCost) e["annualCost"] = ["The annual cost is an amount up to 100,000,000."];
        return e;
    }

    private static void Text(string? value, string field, Dictionary<string, string[]> e)
    {
        if ((value ?? "").Trim().Length > 200) e[field] = ["Keep this to 200 characters or fewer."];
        SingleLine.Check(value, field, e);
    }

    public static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public static WarrantyState Warranty(DateOnly? warrantyEndsOn, DateOnly today) => warrantyEndsOn switch
    {
        null => WarrantyState.Unknown,
        { } end when end < today => WarrantyState.Expired,
        { } end when end <= today.AddDays(EndsSoonDays) => WarrantyState.EndsSoon,
        _ => WarrantyState.InWarranty,
    };

    /// <summary>The words a review shows beside an asset's warranty end.</summary>
    public static string WarrantyText(WarrantyState state) => state switch
    {
        WarrantyState.Expired => "out of warranty",
        WarrantyState.EndsSoon => $"expires within {EndsSoonDays} days",
        WarrantyState.InWarranty => "in warranty",
        _ => "warranty unknown",
    };

    /// <summary>
    /// What replacing an asset costs when the asset gives no annual cost (ADR-028): a typical small-business price per kind,
    /// so a lifecycle recommendation never lands on the roadmap at zero. Software and cloud renew rather than get replaced.
    /// </summary>
    public static decimal TypicalReplacementCost(AssetKind kind) => kind switch
    {
        AssetKind.Workstation => 1_200m,
        AssetKind.Server => 9_000m,
        AssetKind.Network => 1_500m,
        AssetKind.Mobile => 700m,
        AssetKind.Printer => 600m,
        _ => 0m,
    };

    /// <summary>An event's cost: the annual cost when the asset has one, else (for a replacement) the typical price of its kind.</summary>
    public static decimal EventCost(AssetKind kind, decimal? annualCost, LifecycleEvent e) =>
        annualCost ?? (e == LifecycleEvent.Renewal ? 0m : TypicalReplacementCost(kind));

    public static string Plural(AssetKind kind, int count) => (kind, count == 1) switch
    {
        (AssetKind.Workstation, true) => "workstation",
        (AssetKind.Workstation, false) => "workstations",
        (AssetKind.Server, true) => "server",
        (AssetKind.Server, false) => "servers",
        (AssetKind.Network, true) => "network device",
        (AssetKind.Network, false) => "network devices",
        (AssetKind.Mobile, true) => "mobile device",
        (AssetKind.Mobile, false) => "mobile devices",
        (AssetKind.Printer, true) => "printer",
        (AssetKind.Printer, false) => "printers",
        (AssetKind.Software, true) => "software licence",
        (AssetKind.Software, false) => "software licences",
        (AssetKind.Cloud, true) => "cloud service",
        (AssetKind.Cloud, false) => "cloud services",
        (_, true) => "asset",
        _ => "assets",
    };
}
