using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Email;

/// <summary>The SMTP server as the sender uses it, with the password unprotected. Never logged or shown.</summary>
public sealed record SmtpServer(string Host, int Port, SmtpSecurity Security, string? UserName, string? Password, string FromAddress, string FromName);

/// <summary>What the settings page shows and posts; the password is never shown back, and blank keeps the current one.</summary>
public sealed class EmailSettingsInput
{
    public string? Host { get; set; }
    public int? Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool ClearPassword { get; set; }
    public string? FromAddress { get; set; }
    public string? FromName { get; set; } = "Plumbline";
}

/// <summary>The one reader and writer of the SMTP settings row.</summary>
public sealed class EmailSettingsService(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock, SmtpSender smtp, EmailRenderer renderer)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Plumbline.Email.SmtpPassword");

    /// <summary>The server to send through, or null while e-mail is not set up (no host or no sender address).</summary>
    public async Task<SmtpServer?> ServerAsync(CancellationToken ct)
    {
        var s = await db.EmailSettings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == EmailSettings.SingletonId, ct);
        if (s is null || s.Host.Length == 0 || s.FromAddress.Length == 0) return null;
        var password = s.ProtectedPassword is { } p ? _protector.Unprotect(p) : null;
        return new SmtpServer(s.Host, s.Port, s.Security, s.UserName, password, s.FromAddress, s.FromName);
    }

    public async Task<bool> IsConfiguredAsync(CancellationToken ct) =>
        await db.EmailSettings.AnyAsync(s => s.Id == EmailSettings.SingletonId && s.Host != "" && s.FromAddress != "", ct);

    /// <summary>The form as the page shows it, and whether a password is stored.</summary>
    public async Task<(EmailSettingsInput Input, bool HasPassword)> ForEditAsync(CancellationToken ct)
    {
        var s = await db.EmailSettings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == EmailSettings.SingletonId, ct) ?? new EmailSettings();
        return (new EmailSettingsInput
        {
            Host = s.Host,
            Port = s.Port,
            Security = s.Security,
            UserName = s.UserName,
            FromAddress = s.FromAddress,
            FromName = s.FromName,
        }, s.ProtectedPassword is not null);
    }

    public async Task<Dictionary<string, string[]>> SaveAsync(EmailSettingsInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var host = (input.Host ?? "").Trim();
        var from = (input.FromAddress ?? "").Trim();
        var fromName = (input.FromName ?? "").Trim();
        var user = (input.UserName ?? "").Trim();
        if (host.Length is 0 or > 255 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':'))
            errors["host"] = ["Enter the SMTP server's host name or IP address, such as smtp.example.com (no port, no scheme)."];
        if (input.Port is not (>= 1 and <= 65535)) errors["port"] = ["The port is a number from 1 to 65535, usually 587 (STARTTLS), 465 (TLS) or 25."];
        if (!Enum.IsDefined(input.Security)) errors["security"] = ["Choose how the connection is secured."];
        if (from.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(from))
            errors["fromAddress"] = ["Enter the address e-mails come from, such as plumbline@example.com."];
        if (fromName.Length > 200 || fromName.Any(char.IsControl)) errors["fromName"] = ["Keep the sender's name on one line, up to 200 characters."];
        if (user.Length > 255) errors["userName"] = ["Keep the user name to 255 characters or fewer."];
        if ((input.Password ?? "").Length > 1000) errors["password"] = ["Keep the password to 1000 characters or fewer."];
        if (errors.Count > 0) return errors;

        var row = await db.EmailSettings.FirstOrDefaultAsync(x => x.Id == EmailSettings.SingletonId, ct);
        if (row is null) db.EmailSettings.Add(row = new EmailSettings());
        row.Host = host;
        row.Port = input.Port!.Value;
        row.Security = input.Security;
        row.UserName = user.Length == 0 ? null : user;
        row.FromAddress = from;
        row.FromName = fromName.Length == 0 ? "Plumbline" : fromName;
        if (input.ClearPassword || row.UserName is null) row.ProtectedPassword = null;
        else if (!string.IsNullOrEmpty(input.Password)) row.ProtectedPassword = _protector.Protect(input.Password);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// Sends a test e-mail straight away (not through the outbox), so the admin sees at once whether the settings work, and if
    /// not, why.
    /// </summary>
    public async Task<SendResult> SendTestAsync(string? to, CancellationToken ct)
    {
        var address = (to ?? "").Trim();
        if (address.Length is 0 or > 256 || !new EmailAddressAttribute().IsValid(address))
            return new SendResult("Enter a valid e-mail address to send the test to.");
        var server = await ServerAsync(ct);
        if (server is null) return new SendResult("E-mail is not set up yet: save the SMTP server first.");
        var content = new EmailContent("Plumbline test e-mail", "Hello,",
            [$"This is a test e-mail from Plumbline, sent through {server.Host}:{server.Port}. If you can read it, e-mail works."]);
        var (html, text) = await renderer.RenderAsync(content);
        return await smtp.SendAsync(server, SmtpSender.Build(server, address, null, content.Subject, html, text), ct);
    }
}
