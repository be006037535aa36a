using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Plumbline.Features.Accounts;

namespace Plumbline.Features.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/> entity,
/// inside the same SaveChanges so the trail can never disagree with the data.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    // Derived or technical columns: noise in a trail meant for people.
    private static readonly HashSet<string> Ignored = ["Version", "SearchText", "TagsText", "UpdatedAt", "CreatedAt", "StarterHash",
        "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "NormalizedEmail", "NormalizedUserName"];
    // Recorded as changed, never with their values.
    private static readonly HashSet<string> Secret = ["PasswordHash", "Secret"];

    /// <summary>
    /// Shared data: the library, the provider's settings, which work is reactive, users and their roles, and a person's two-factor
    /// recovery codes (recorded as how many are left, so using one or making new ones shows in the trail).
    /// </summary>
    private static bool IsAudited(object entity) =>
        entity is IAudited or Accounts.AppUser or Settings.ProviderSettings or SmartNumbers.ReactiveClassification
            or Microsoft.AspNetCore.Identity.IdentityUserRole<string>
        || IsRecoveryCodes(entity);

    private static bool IsRecoveryCodes(object entity) => entity is IdentityUserToken<string> { Name: RecoveryCodesEntity };

    private const string RecoveryCodesEntity = "RecoveryCodes";

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) AddEntries(context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) AddEntries(context);
        return base.SavingChanges(eventData, result);
    }

    private void AddEntries(DbContext context)
    {
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = AppClaimsFactory.DisplayName(user) ?? "system";
        var now = clock.GetUtcNow().UtcDateTime;

        var entries = context.ChangeTracker.Entries()
            .Where(e => IsAudited(e.Entity) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        foreach (var entry in entries)
        {
            var changes = IsRecoveryCodes(entry.Entity) ? CodesLeft(entry) : Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            context.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                UserName = userName,
                EntityType = entry.Entity switch
                {
                    IdentityUserRole<string> => "UserRole",
                    IdentityUserToken<string> => RecoveryCodesEntity,
                    _ => entry.Metadata.ClrType.Name,
                },
                EntityId = entry.Entity is IdentityUserToken<string> token
                    ? token.UserId
                    : string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(k => entry.Property(k.Name).CurrentValue)),
                Action = entry.State.ToString(),
                Changes = JsonSerializer.Serialize(changes),
            });
        }
    }

    private static Dictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var p in entry.Properties.Where(p => !Ignored.Contains(p.Metadata.Name) && (!p.Metadata.IsPrimaryKey() || p.Metadata.IsForeignKey())))
        {
            if (Secret.Contains(p.Metadata.Name))
            {
                if (entry.State == EntityState.Modified && p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)) changes[p.Metadata.Name] = "(changed)";
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[p.Metadata.Name] = Display(p.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changes[p.Metadata.Name] = Display(p.OriginalValue);
                    break;
                case EntityState.Modified when p.IsModified && !Equals(Display(p.OriginalValue), Display(p.CurrentValue)):
                    changes[p.Metadata.Name] = new { from = Display(p.OriginalValue), to = Display(p.CurrentValue) };
                    break;
            }
        }
        return changes;
    }

    /// <summary>The codes are hashed, and even hashes do not belong in a trail people read: only the count is recorded.</summary>
    private static Dictionary<string, object?> CodesLeft(EntityEntry entry)
    {
        static int Count(object? value) => (value as string ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Length;
        var value = entry.Property(nameof(IdentityUserToken<string>.Value));
        return entry.State switch
        {
            EntityState.Added => new() { ["Left"] = Count(value.CurrentValue) },
            EntityState.Deleted => new() { ["Left"] = new { from = Count(value.OriginalValue), to = 0 } },
            _ when Count(value.OriginalValue) == Count(value.CurrentValue) && Equals(value.OriginalValue, value.CurrentValue) => [],
            _ => new() { ["Left"] = new { from = Count(value.OriginalValue), to = Count(value.CurrentValue) } },
        };
    }

    private static object? Display(object? value) => value switch
    {
        null => null,
        string or int or bool or Guid or DateTime or DateOnly or decimal => value is string s ? s : value.ToString(),
        Enum e => e.ToString(),
        _ => JsonSerializer.Serialize(value),
    };
}
