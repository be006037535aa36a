using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Clients;

/// <summary>The field names an exception's errors are reported under: the template's "exceptions[0].reason", the rating's "acceptedRiskReason".</summary>
public sealed record ExceptionFields(string Reason, string AcceptedBy, string ExpiresOn);

/// <summary>The rules every exception keeps, wherever it is recorded (PRODUCT.md, Exceptions).</summary>
public static class ExceptionRules
{
    public const int ReasonMax = 1000;
    public const int AcceptedByMax = 200;

    /// <summary>
    /// Checks one exception. A new or changed expiry must be after <paramref name="today"/>; <paramref name="kept"/> is the expiry already
    /// stored, which may stay as it is once past (the template lists expired exceptions until someone removes them).
    /// </summary>
    public static void Check(string? reason, string? acceptedBy, DateOnly? expiresOn, DateOnly today, DateOnly? kept, ExceptionFields fields,
        Dictionary<string, string[]> e)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMax)
            e[fields.Reason] = ["Give the reason the client accepts this risk (up to 1,000 characters)."];
        if (acceptedBy?.Trim().Length > AcceptedByMax) e[fields.AcceptedBy] = ["Keep the name of who accepted it to 200 characters or fewer."];
        SingleLine.Check(acceptedBy?.Trim(), fields.AcceptedBy, e);
        if (expiresOn is not { } on)
            e[fields.ExpiresOn] = ["Give the date the client's acceptance ends: the standard is left out of the score until then and asked again after it."];
        else if (on <= today && on != kept)
            e[fields.ExpiresOn] = [$"Give an expiry date after today ({Format.Date(today)}): an acceptance that has already ended would be due again at once."];
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Writes the client's exceptions, one per client and standard: the template replaces them as a list, the vCIO pass records or
/// withdraws one while rating a finding. Changes are tracked; the caller saves them with its own work.
/// </summary>
public sealed class ClientExceptions(AppDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The client accepts the risk of a standard: a new exception, or the existing one changed (the review that created it stays).</summary>
    public async Task<ClientException> AcceptAsync(Guid clientId, Guid standardId, string reason, string? acceptedBy, DateOnly expiresOn, string who,
        Guid? reviewId, CancellationToken ct)
    {
        var exception = await db.ClientExceptions.FirstOrDefaultAsync(x => x.ClientId == clientId && x.StandardId == standardId, ct);
        if (exception is null)
        {
            exception = new ClientException { ClientId = clientId, StandardId = standardId, ReviewId = reviewId };
            db.ClientExceptions.Add(exception);
        }
        Record(exception, reason, acceptedBy, expiresOn, who);
        return exception;
    }

    /// <summary>The vCIO chose another follow-up after all: the exception this review created goes; one set elsewhere stays.</summary>
    public async Task WithdrawAsync(Guid clientId, Guid standardId, Guid reviewId, CancellationToken ct)
    {
        var exception = await db.ClientExceptions.FirstOrDefaultAsync(x => x.ClientId == clientId && x.StandardId == standardId && x.ReviewId == reviewId, ct);
        if (exception is not null) db.ClientExceptions.Remove(exception);
    }

    /// <summary>The template's list replaces the client's exceptions; one left as it was keeps who recorded it and when.</summary>
    public async Task ReplaceAsync(Guid clientId, IReadOnlyList<ExceptionDto> wanted, string who, CancellationToken ct)
    {
        var stored = (await db.ClientExceptions.Where(x => x.ClientId == clientId).ToListAsync(ct)).ToDictionary(x => x.StandardId);
        foreach (var w in wanted)
        {
            var (reason, acceptedBy) = (ExceptionRules.Clean(w.Reason)!, ExceptionRules.Clean(w.AcceptedBy));
            if (stored.Remove(w.StandardId, out var exception))
            {
                if (exception.Reason != reason || exception.AcceptedBy != acceptedBy || exception.ExpiresOn != w.ExpiresOn)
                    Record(exception, reason, acceptedBy, w.ExpiresOn!.Value, who);
            }
            else
            {
                exception = new ClientException { ClientId = clientId, StandardId = w.StandardId };
                Record(exception, reason, acceptedBy, w.ExpiresOn!.Value, who);
                db.ClientExceptions.Add(exception);
            }
        }
        db.ClientExceptions.RemoveRange(stored.Values);
    }

    private void Record(ClientException exception, string reason, string? acceptedBy, DateOnly expiresOn, string who)
    {
        exception.Reason = reason;
        exception.AcceptedBy = acceptedBy;
        exception.ExpiresOn = expiresOn;
        exception.RecordedBy = who;
        exception.RecordedAt = Now;
    }

    /// <summary>The exception as the API and pages show it.</summary>
    public static ExceptionDetails Details(ClientException x) =>
        new(x.StandardId, x.Reason, x.ExpiresOn, x.AcceptedBy, x.RecordedBy, x.RecordedAt, x.ReviewId);
}
