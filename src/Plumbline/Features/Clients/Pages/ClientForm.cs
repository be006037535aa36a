namespace Plumbline.Features.Clients.Pages;

/// <summary>The client editor's fields as posted by the browser; empty endpoints and visits mean "computed".</summary>
public sealed class ClientForm
{
    public string? Name { get; set; }
    public string Status { get; set; } = nameof(ClientStatus.Active);
    public decimal? Mrr { get; set; }
    public int? Seats { get; set; }
    public int? Workstations { get; set; }
    public int? Servers { get; set; }
    public int? StorageGb { get; set; }
    public int? Endpoints { get; set; }
    public DateOnly? ContractStart { get; set; }
    public DateOnly? ContractEnd { get; set; }
    public string? SalesRep { get; set; }
    public string? TamUserId { get; set; }
    public string? VcioUserId { get; set; }
    public int FiscalYearStartMonth { get; set; } = 1;
    public int? VisitsPerYear { get; set; }
    public Guid? Version { get; set; }
    public string? PsaCompanyId { get; set; }
    /// <summary>A checkbox: the browser posts nothing when it is clear, which binds as false.</summary>
    public bool EndpointsFromAssets { get; set; }

    public ClientRequest ToRequest() => new(Name, Status, Mrr, Seats, Workstations, Servers, StorageGb, Endpoints, ContractStart, ContractEnd,
        SalesRep, TamUserId, VcioUserId, FiscalYearStartMonth, VisitsPerYear, Version, PsaCompanyId, EndpointsFromAssets);

    /// <summary>The details carry the computed endpoints; <paramref name="storedEndpoints"/> is what was typed (null = computed).</summary>
    public static ClientForm From(ClientDetails c, int? storedEndpoints) => new()
    {
        Name = c.Name,
        Status = c.Status.ToString(),
        Mrr = c.Mrr,
        Seats = c.Seats,
        Workstations = c.Workstations,
        Servers = c.Servers,
        StorageGb = c.StorageGb,
        Endpoints = storedEndpoints,
        ContractStart = c.ContractStart,
        ContractEnd = c.ContractEnd,
        SalesRep = c.SalesRep,
        TamUserId = c.TamUserId,
        VcioUserId = c.VcioUserId,
        FiscalYearStartMonth = c.FiscalYearStartMonth,
        VisitsPerYear = c.VisitsPerYear,
        Version = c.Version,
        EndpointsFromAssets = c.EndpointsFromAssets,
        PsaCompanyId = c.PsaCompanyId,
    };
}
