using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Audit;
using Plumbline.Features.Clients;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>A person at a client. At most one decision maker and one primary contact per client (ContactService enforces it).</summary>
public sealed class Contact : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Title { get; set; } = "";
    public bool IsDecisionMaker { get; set; }
    public bool IsPrimary { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A place where the client works (an office, a data centre, a shop).</summary>
public sealed class Site : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public string Name { get; set; } = "";
    public string AddressLine1 { get; set; } = "";
    public string AddressLine2 { get; set; } = "";
    public string City { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string Country { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The kinds of asset of API.md; Workstation and Server feed the client's endpoint counts when it asks for that.</summary>
public enum AssetKind { Workstation, Server, Network, Mobile, Printer, Software, Cloud, Other }

/// <summary>Something the client owns or subscribes to, with the dates that drive the lifecycle roadmap.</summary>
public sealed class Asset : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public AssetKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Lower-case name and serial number: case-insensitive search that behaves the same on both engines.</summary>
    public string Search { get; set; } = "";
    public string Manufacturer { get; set; } = "";
    public string Model { get; set; } = "";
    public string SerialNumber { get; set; } = "";
    public DateOnly? PurchasedOn { get; set; }
    public DateOnly? WarrantyEndsOn { get; set; }
    public DateOnly? EndOfLifeOn { get; set; }
    public DateOnly? RenewsOn { get; set; }
    public decimal? AnnualCost { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => x.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("Sites");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.AddressLine1).HasMaxLength(200);
        b.Property(x => x.AddressLine2).HasMaxLength(200);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.Postcode).HasMaxLength(20);
        b.Property(x => x.Country).HasMaxLength(100);
        b.HasIndex(x => x.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> b)
    {
        b.ToTable("Assets");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Search).HasMaxLength(401);
        b.Property(x => x.Manufacturer).HasMaxLength(200);
        b.Property(x => x.Model).HasMaxLength(200);
        b.Property(x => x.SerialNumber).HasMaxLength(200);
        b.Property(x => x.AnnualCost).HasPrecision(18, 2);
        b.HasIndex(x => new { x.ClientId, x.Kind });
        b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
