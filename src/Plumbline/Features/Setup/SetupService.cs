using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Settings;

namespace Plumbline.Features.Setup;

public sealed record SetupRequest(string? ProviderName, string? AdminEmail, string? AdminPassword, string? AdminName = null);

/// <summary>Remembers, per app node, once the instance has users, so the first-run check costs a query only until then.</summary>
public sealed class SetupState
{
    private volatile bool _done;
    public bool IsDone => _done;
    public void MarkDone() => _done = true;
}

public sealed class SetupService(AppDbContext db, UserAdministration admin, SetupState state, ProviderSettingsService providerSettings, TimeProvider clock)
{
    public async Task<bool> IsNeededAsync(CancellationToken ct)
    {
        if (state.IsDone) return false;
        if (await admin.AnyUserAsync(ct)) { state.MarkDone(); return false; }
        return true;
    }

    /// <summary>Creates the provider and its first admin. Returns null errors on success; "conflict" when already set up.</summary>
    public async Task<(bool Conflict, Dictionary<string, string[]> Errors)> RunAsync(SetupRequest request, CancellationToken ct)
    {
        if (!await IsNeededAsync(ct)) return (true, []);
        var errors = new Dictionary<string, string[]>();
        var providerName = (request.ProviderName ?? "").Trim();
        if (providerName.Length == 0) errors["providerName"] = ["Enter your company's name; it appears on client reports."];
        else if (providerName.Length > 200) errors["providerName"] = ["Keep the company name to 200 characters or fewer."];
        Infrastructure.SingleLine.Check(providerName, "providerName", errors);
        Infrastructure.SingleLine.Check(request.AdminName?.Trim(), "adminName", errors);
        if (errors.Count > 0) return (false, errors);

        // One transaction, provider row first: of two setups racing, the second either fails on the provider's key or,
        // once it holds the row, sees the first one's admin; either way it is told the instance is set up.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var settings = await providerSettings.EditAsync(ct);
        settings.ProviderName = providerName;
        // Always a real write, so this transaction takes the database's write lock before it looks for users.
        settings.CreatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (true, []);
        }
        // Having written, this transaction now holds the provider row; a setup that committed meanwhile shows up here.
        if (await db.Users.AnyAsync(ct)) return (true, []);

        var adminName = string.IsNullOrWhiteSpace(request.AdminName) ? (request.AdminEmail ?? "").Split('@')[0] : request.AdminName;
        var (user, userErrors) = await admin.CreateAsync(new CreateUserRequest(request.AdminEmail, adminName, request.AdminPassword, [Roles.Admin]), ct);
        if (user is null)
        {
            return (false, userErrors.ToDictionary(e =>
                e.Key switch { "email" => "adminEmail", "password" => "adminPassword", "name" => "adminName", _ => e.Key }, e => e.Value));
        }
        await tx.CommitAsync(ct);
        state.MarkDone();
        return (false, errors);
    }
}
