using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Plumbline.Data;

namespace Plumbline.Features.Accounts.SingleSignOn;

/// <summary>
/// The single sign-on settings this node runs with. The OpenID Connect handler's options are built from them; when an
/// admin saves new ones, this node rebuilds at once and every other node within <see cref="CheckInterval"/>, by
/// comparing the row's version stamp (one small query, at most once per interval).
/// </summary>
public sealed class SingleSignOnState(IServiceScopeFactory scopes, IOptionsMonitorCache<OpenIdConnectOptions> optionsCache, TimeProvider clock)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public SingleSignOnConfig Current { get; private set; } = SingleSignOnConfig.Off;

    /// <summary>Reads the settings again when the last look is older than <see cref="CheckInterval"/>.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        if (clock.GetUtcNow() - _checkedAt < CheckInterval) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (clock.GetUtcNow() - _checkedAt < CheckInterval) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var version = await db.SingleSignOnSettings.AsNoTracking().Where(s => s.Id == SingleSignOnSettings.SingletonId)
                .Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct) ?? Guid.Empty;
            if (version != Current.Version)
            {
                var row = await db.SingleSignOnSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SingleSignOnSettings.SingletonId, ct);
                Use(row is null ? SingleSignOnConfig.Off : SingleSignOnConfig.Of(row));
            }
            _checkedAt = clock.GetUtcNow();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs with these settings from the next request on (the settings page calls it after saving).</summary>
    public void Use(SingleSignOnConfig config)
    {
        Current = config;
        optionsCache.TryRemove(SingleSignOnDefaults.Scheme);
    }
}

public static class SingleSignOnDefaults
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";
    public const string StartPath = "/account/sign-in/sso";
    public const string SecretPurpose = "Plumbline.SingleSignOn.ClientSecret";
}

/// <summary>Fills the handler's options from the settings the node runs with, each time they are rebuilt.</summary>
public sealed class SingleSignOnOptionsSetup(SingleSignOnState state, IDataProtectionProvider protection, ILogger<SingleSignOnOptionsSetup> log)
    : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != SingleSignOnDefaults.Scheme) return;
        var config = state.Current;
        var secret = Unprotect(config.ProtectedClientSecret);
        if (!config.IsOn || secret is null)
        {
            // The handler is asked about every request, so it must be valid while off: a static, empty configuration
            // means it never contacts anything. The start endpoint and the events refuse to sign anyone in meanwhile.
            options.ClientId = "single-sign-on-is-off";
            options.Configuration = new OpenIdConnectConfiguration();
            return;
        }
        options.Authority = config.Authority;
        options.ClientId = config.ClientId;
        options.ClientSecret = secret;
        options.RequireHttpsMetadata = !SingleSignOnRules.IsLoopback(new Uri(config.Authority));
    }

    private string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret)) return null;
        try
        {
            return protection.CreateProtector(SingleSignOnDefaults.SecretPurpose).Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            log.LogError(e, "The single sign-on client secret cannot be read (the data protection keys changed); enter it again in the settings.");
            return null;
        }
    }
}
