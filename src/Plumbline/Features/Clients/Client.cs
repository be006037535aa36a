using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Accounts;
using Plumbline.Features.Audit;

namespace Plumbline.Features.Clients;

public enum ClientStatus { Onboarding, Active, Inactive }

public sealed class Client : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>Lower-case name: case-insensitive search that behaves the same on both engines.</summary>
    public string NameSearch { get; set; } = "";
    public ClientStatus Status { get; set; } = ClientStatus.Active;
    public decimal Mrr { get; set; }
    public int Seats { get; set; }
    public int Workstations { get; set; }
    public int Servers { get; set; }
    public int StorageGb { get; set; }
    /// <summary>Null = workstations + servers.</summary>
    public int? Endpoints { get; set; }
    public DateOnly? ContractStart { get; set; }
    public DateOnly? ContractEnd { get; set; }
    public string SalesRep { get; set; } = "";
    /// <summary>The company's id or name in the PSA, matched case-insensitively by time-entry imports (API.md, smart numbers).</summary>
    public string? PsaCompanyId { get; set; }
    public string? TamUserId { get; set; }
    public string? VcioUserId { get; set; }
    public int FiscalYearStartMonth { get; set; } = 1;
    /// <summary>Null = the suggested number.</summary>
    public int? VisitsPerYear { get; set; }
    /// <summary>Weekdays the client cannot host a visit, as bits of <see cref="DayOfWeek"/> (1 &lt;&lt; day); see Schedule.ClientAvailability.</summary>
    public int NoVisitWeekdays { get; set; }
    /// <summary>The workstation and server counts follow the client's assets when it has any (issue 17, ClientEnvironment).</summary>
    public bool EndpointsFromAssets { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum TemplateScope { Section, Category, Standard }

/// <summary>A part of the library that does not apply to a client (PRODUCT.md, client template).</summary>
public sealed class ClientExclusion : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public TemplateScope Scope { get; set; }
    public Guid TargetId { get; set; }
}

/// <summary>
/// An accepted exception, a risk the client accepts for a time (PRODUCT.md, Exceptions): set in the client template or by the vCIO when
/// rating a finding. The standard is left out of the score until it expires, then it is due again.
/// </summary>
public sealed class ClientException : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public Guid StandardId { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly ExpiresOn { get; set; }
    /// <summary>Who at the client accepted the risk, when we know.</summary>
    public string? AcceptedBy { get; set; }
    /// <summary>Who in our team recorded (or last changed) the exception, and when; empty for exceptions recorded before we kept it.</summary>
    public string RecordedBy { get; set; } = "";
    public DateTime? RecordedAt { get; set; }
    /// <summary>The review whose vCIO pass first recorded it; null when it was set in the client template.</summary>
    public Guid? ReviewId { get; set; }
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.NameSearch).HasMaxLength(200);
        b.HasIndex(x => x.NameSearch);
        b.HasIndex(x => x.TamUserId);
        b.HasIndex(x => x.VcioUserId);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.SalesRep).HasMaxLength(200);
        b.Property(x => x.PsaCompanyId).HasMaxLength(200);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.TamUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.VcioUserId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ClientExclusionConfiguration : IEntityTypeConfiguration<ClientExclusion>
{
    public void Configure(EntityTypeBuilder<ClientExclusion> b)
    {
        b.Property(x => x.Scope).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => new { x.ClientId, x.Scope, x.TargetId }).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientExceptionConfiguration : IEntityTypeConfiguration<ClientException>
{
    public void Configure(EntityTypeBuilder<ClientException> b)
    {
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.AcceptedBy).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ClientId, x.StandardId }).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Standards.Standard>().WithMany().HasForeignKey(x => x.StandardId).OnDelete(DeleteBehavior.Cascade);
    }
}
