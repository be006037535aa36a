namespace Plumbline.Features.ClientEnvironment.Pages;

/// <summary>The posted fields of the contact, site and asset forms (static server rendering binds them by name).</summary>
public sealed class ContactForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public bool IsDecisionMaker { get; set; }
    public bool IsPrimary { get; set; }

    public ContactRequest ToRequest() => new(Name, Email, Phone, Title, IsDecisionMaker, IsPrimary);
}

public sealed class SiteForm
{
    public string? Name { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }
    public string? Country { get; set; }

    public SiteRequest ToRequest() => new(Name, AddressLine1, AddressLine2, City, Postcode, Country);
}

public sealed class AssetForm
{
    public string? Kind { get; set; } = nameof(AssetKind.Workstation);
    public string? Name { get; set; }
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }
    public string? SerialNumber { get; set; }
    public DateOnly? PurchasedOn { get; set; }
    public DateOnly? WarrantyEndsOn { get; set; }
    public DateOnly? EndOfLifeOn { get; set; }
    public DateOnly? RenewsOn { get; set; }
    public decimal? AnnualCost { get; set; }

    public AssetRequest ToRequest() => new(Kind, Name, Manufacturer, Model, SerialNumber, PurchasedOn, WarrantyEndsOn, EndOfLifeOn, RenewsOn, AnnualCost);
}

public sealed class LifecycleForm
{
    public string? Quarter { get; set; }
    public string? Event { get; set; }
}
