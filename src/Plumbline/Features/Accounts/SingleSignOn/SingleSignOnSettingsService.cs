using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Accounts.SingleSignOn;

/// <summary>What the admin's form sends. A blank secret keeps the stored one.</summary>
public sealed class SingleSignOnForm
{
    public bool Enabled { get; set; }
    public string? ButtonLabel { get; set; }
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? AllowedDomains { get; set; }
}

/// <summary>The one reader and writer of the single sign-on settings row.</summary>
public sealed class SingleSignOnSettingsService(AppDbContext db, IDataProtectionProvider protection, SingleSignOnState state, TimeProvider clock)
{
    /// <summary>The form as stored (never the secret), and whether a secret is stored.</summary>
    public async Task<(SingleSignOnForm Form, bool HasSecret)> GetAsync(CancellationToken ct)
    {
        var s = await db.SingleSignOnSettings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == SingleSignOnSettings.SingletonId, ct) ?? new();
        return (new SingleSignOnForm
        {
            Enabled = s.Enabled,
            ButtonLabel = s.ButtonLabel,
            Authority = s.Authority,
            ClientId = s.ClientId,
            AllowedDomains = string.Join('\n', SingleSignOnRules.Domains(s.AllowedDomains)),
        }, !string.IsNullOrEmpty(s.ProtectedClientSecret));
    }

    /// <summary>Checks and saves the form; the errors name the form's fields. This node uses the new settings at once.</summary>
    public async Task<Dictionary<string, string[]>> SaveAsync(SingleSignOnForm form, CancellationToken ct)
    {
        var row = await db.SingleSignOnSettings.FirstOrDefaultAsync(x => x.Id == SingleSignOnSettings.SingletonId, ct);
        var errors = Validate(form, hasSecret: !string.IsNullOrEmpty(row?.ProtectedClientSecret));
        if (errors.Count > 0) return errors;
        if (row is null)
        {
            row = new SingleSignOnSettings();
            db.SingleSignOnSettings.Add(row);
        }
        row.Enabled = form.Enabled;
        row.ButtonLabel = string.IsNullOrWhiteSpace(form.ButtonLabel) ? SingleSignOnSettings.DefaultButtonLabel : form.ButtonLabel.Trim();
        row.Authority = (form.Authority ?? "").Trim().TrimEnd('/');
        row.ClientId = (form.ClientId ?? "").Trim();
        if (!string.IsNullOrWhiteSpace(form.ClientSecret))
            row.ProtectedClientSecret = protection.CreateProtector(SingleSignOnDefaults.SecretPurpose).Protect(form.ClientSecret.Trim());
        row.AllowedDomains = string.Join('\n', SingleSignOnRules.Domains(form.AllowedDomains));
        row.Version = Guid.NewGuid();
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        state.Use(SingleSignOnConfig.Of(row));
        return errors;
    }

    private static Dictionary<string, string[]> Validate(SingleSignOnForm form, bool hasSecret)
    {
        var errors = new Dictionary<string, string[]>();
        var label = form.ButtonLabel?.Trim() ?? "";
        if (label.Length > SingleSignOnSettings.MaxButtonLabel) errors["buttonLabel"] = ["Keep the button label to 60 characters or fewer."];
        SingleLine.Check(label, "buttonLabel", errors);
        var authority = (form.Authority ?? "").Trim();
        if (authority.Length > SingleSignOnSettings.MaxAuthority) errors["authority"] = ["Keep the issuer address to 500 characters or fewer."];
        else if (authority.Length > 0 && SingleSignOnRules.AuthorityProblem(authority) is { } problem) errors["authority"] = [problem];
        else if (authority.Length == 0 && form.Enabled) errors["authority"] = ["Enter the provider's issuer address to turn single sign-on on."];
        var clientId = (form.ClientId ?? "").Trim();
        if (clientId.Length > SingleSignOnSettings.MaxClientId) errors["clientId"] = ["Keep the client ID to 200 characters or fewer."];
        else if (clientId.Length == 0 && form.Enabled)
            errors["clientId"] = ["Enter the client ID (Entra ID calls it the application ID) to turn single sign-on on."];
        SingleLine.Check(clientId, "clientId", errors);
        if ((form.ClientSecret?.Length ?? 0) > 1000) errors["clientSecret"] = ["Keep the client secret to 1,000 characters or fewer."];
        else if (string.IsNullOrWhiteSpace(form.ClientSecret) && !hasSecret && form.Enabled)
            errors["clientSecret"] = ["Enter the client secret to turn single sign-on on."];
        if (SingleSignOnRules.DomainsProblem(form.AllowedDomains) is { } domains) errors["allowedDomains"] = [domains];
        return errors;
    }
}
