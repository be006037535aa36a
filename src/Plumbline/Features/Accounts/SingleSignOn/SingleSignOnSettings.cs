using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Plumbline.Features.Accounts.SingleSignOn;

/// <summary>
/// Single sign-on with an OpenID Connect provider: one row, kept in the database so every node has it (ADR-015).
/// The client secret is stored protected by ASP.NET Core Data Protection, whose keys are in the database too.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const int SingletonId = 1;
    public const string DefaultButtonLabel = "Sign in with single sign-on";
    public const int MaxButtonLabel = 60;
    public const int MaxAuthority = 500;
    public const int MaxClientId = 200;
    public const int MaxDomains = 2000;

    public int Id { get; set; } = SingletonId;
    public bool Enabled { get; set; }
    public string ButtonLabel { get; set; } = DefaultButtonLabel;
    /// <summary>The issuer address, such as <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ProtectedClientSecret { get; set; }
    /// <summary>E-mail domains whose people get a user at their first sign-in, one per line, in lower case.</summary>
    public string AllowedDomains { get; set; } = "";
    /// <summary>New at every save; each node compares it to the one it runs with (<see cref="SingleSignOnState"/>).</summary>
    public Guid Version { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SingleSignOnSettingsConfiguration : IEntityTypeConfiguration<SingleSignOnSettings>
{
    public void Configure(EntityTypeBuilder<SingleSignOnSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ButtonLabel).HasMaxLength(SingleSignOnSettings.MaxButtonLabel);
        builder.Property(s => s.Authority).HasMaxLength(SingleSignOnSettings.MaxAuthority);
        builder.Property(s => s.ClientId).HasMaxLength(SingleSignOnSettings.MaxClientId);
        builder.Property(s => s.ProtectedClientSecret).HasMaxLength(4000);
        builder.Property(s => s.AllowedDomains).HasMaxLength(SingleSignOnSettings.MaxDomains);
    }
}

/// <summary>The settings as a node runs with them; <see cref="Off"/> until an admin turns single sign-on on.</summary>
public sealed record SingleSignOnConfig(bool Enabled, string ButtonLabel, string Authority, string ClientId, string? ProtectedClientSecret,
    IReadOnlyList<string> AllowedDomains, Guid Version)
{
    public static readonly SingleSignOnConfig Off = Of(new SingleSignOnSettings());

    public static SingleSignOnConfig Of(SingleSignOnSettings s) => new(s.Enabled, s.ButtonLabel, s.Authority, s.ClientId, s.ProtectedClientSecret,
        SingleSignOnRules.Domains(s.AllowedDomains), s.Version);

    /// <summary>On and complete: the sign-in page shows the button and the handler talks to the provider.</summary>
    public bool IsOn => Enabled && Authority.Length > 0 && ClientId.Length > 0 && !string.IsNullOrEmpty(ProtectedClientSecret);

    public bool AllowsNewUserFrom(string email) =>
        SingleSignOnRules.DomainOf(email) is { } domain && AllowedDomains.Contains(domain, StringComparer.OrdinalIgnoreCase);
}
