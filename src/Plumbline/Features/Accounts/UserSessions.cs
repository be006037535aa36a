using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Accounts;

public sealed record SessionDetails(Guid Id, string Device, DateTime CreatedAt, DateTime LastSeenAt, DateTime ExpiresAt);

public sealed record TokenDetails(Guid Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt, DateTime ExpiresAt);

public sealed record UserSessionsDetails(string UserId, PagedList<SessionDetails> Sessions, PagedList<TokenDetails> Tokens);

/// <summary>One person on the admin's sessions page, with everything that lets them in.</summary>
public sealed record PersonSessions(string UserId, string Name, string Email, IReadOnlyList<SessionDetails> Sessions, IReadOnlyList<TokenDetails> Tokens);

/// <summary>
/// The one place that starts, checks and ends browser sessions and API tokens (ADR-014). Locking a user, changing their
/// roles or password, signing out, and an admin's "end all" call <see cref="EndAllAsync"/>.
/// </summary>
public sealed class UserSessions(AppDbContext db, TimeProvider clock)
{
    public const string ClaimType = "plumbline:session";
    public const int MaxDevice = 200;
    public const int MaxTokenName = 100;

    /// <summary>How stale "last seen" and "last used" may get: the price of not writing on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> StartAsync(string userId, string device, TimeSpan lifetime, CancellationToken ct)
    {
        var now = Now;
        // Expired rows of this person go here, so no background job is needed to keep the table small.
        await db.UserSessions.Where(s => s.UserId == userId && s.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        var session = new UserSession
        {
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
            Device = device.Length > MaxDevice ? device[..MaxDevice] : device,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>
    /// Whether the cookie's session still exists: one lookup by primary key on every request, plus a write at most once a
    /// minute that slides the expiry the way the cookie itself slides.
    /// </summary>
    public async Task<bool> IsActiveAsync(Guid id, TimeSpan lifetime, CancellationToken ct)
    {
        var now = Now;
        var lastSeen = await db.UserSessions.AsNoTracking().Where(s => s.Id == id && s.ExpiresAt > now)
            .Select(s => (DateTime?)s.LastSeenAt).FirstOrDefaultAsync(ct);
        if (lastSeen is null) return false;
        if (now - lastSeen.Value >= TouchInterval)
        {
            var stale = now - TouchInterval;
            await db.UserSessions.Where(s => s.Id == id && s.LastSeenAt <= stale)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, now + lifetime), ct);
        }
        return true;
    }

    /// <summary>Records that a token was used, at most once a minute; the condition keeps several nodes from all writing.</summary>
    public async Task TouchTokenAsync(Guid id, DateTime? lastUsed, CancellationToken ct)
    {
        var now = Now;
        if (lastUsed is { } last && now - last < TouchInterval) return;
        var stale = now - TouchInterval;
        await db.ApiTokens.Where(t => t.Id == id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), ct);
    }

    public Task EndAsync(Guid id, CancellationToken ct) => db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);

    /// <summary>Ends every session and deletes every token of the person: their next request is refused.</summary>
    public async Task EndAllAsync(string userId, CancellationToken ct)
    {
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Deletes one of the person's own tokens; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeTokenAsync(string userId, Guid id, CancellationToken ct) =>
        await db.ApiTokens.Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    public async Task<PagedList<SessionDetails>> SessionsAsync(string userId, int page, int pageSize, CancellationToken ct)
    {
        var now = Now;
        var query = db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.ExpiresAt > now);
        var rows = await query.OrderByDescending(s => s.LastSeenAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(ToDetails).ToList();
        return new(items, page, pageSize, await query.CountAsync(ct));
    }

    public async Task<PagedList<TokenDetails>> TokensAsync(string userId, int page, int pageSize, CancellationToken ct)
    {
        var now = Now;
        var query = db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId && t.ExpiresAt > now);
        var rows = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(ToDetails).ToList();
        return new(items, page, pageSize, await query.CountAsync(ct));
    }

    /// <summary>The most recent sessions and tokens of a person, for the admin's view; the totals say when there are more.</summary>
    public async Task<UserSessionsDetails> OfUserAsync(string userId, int pageSize, CancellationToken ct) =>
        new(userId, await SessionsAsync(userId, 1, pageSize, ct), await TokensAsync(userId, 1, pageSize, ct));

    /// <summary>Everyone who has a live session or token, a page of people at a time (or one person when <paramref name="userId"/> is given).</summary>
    public async Task<PagedList<PersonSessions>> EveryoneAsync(string? userId, int page, int pageSize, CancellationToken ct)
    {
        var now = Now;
        var people = db.Users.AsNoTracking().Where(u => db.UserSessions.Any(s => s.UserId == u.Id && s.ExpiresAt > now)
            || db.ApiTokens.Any(t => t.UserId == u.Id && t.ExpiresAt > now));
        if (!string.IsNullOrEmpty(userId)) people = people.Where(u => u.Id == userId);
        var found = await people.OrderBy(u => u.Name).ThenBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.Name, u.Email }).ToListAsync(ct);
        var ids = found.Select(u => u.Id).ToList();
        var sessions = await db.UserSessions.AsNoTracking().Where(s => ids.Contains(s.UserId) && s.ExpiresAt > now).ToListAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => ids.Contains(t.UserId) && t.ExpiresAt > now).ToListAsync(ct);
        var items = found.Select(u => new PersonSessions(u.Id, u.Name, u.Email ?? "",
            sessions.Where(s => s.UserId == u.Id).OrderByDescending(s => s.LastSeenAt).Select(ToDetails).ToList(),
            tokens.Where(t => t.UserId == u.Id).OrderByDescending(t => t.CreatedAt).Select(ToDetails).ToList())).ToList();
        return new(items, page, pageSize, await people.CountAsync(ct));
    }

    private static SessionDetails ToDetails(UserSession s) => new(s.Id, s.Device, s.CreatedAt, s.LastSeenAt, s.ExpiresAt);

    private static TokenDetails ToDetails(ApiToken t) => new(t.Id, t.Name, t.CreatedAt, t.LastUsedAt, t.ExpiresAt);
}
