using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Plumbline.Features.Accounts;

namespace Plumbline.Features.Email;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity { None, StartTls, TlsOnConnect }

/// <summary>
/// The SMTP server Plumbline sends through: one row, kept in the database so every app node has it. The password is kept
/// protected with ASP.NET Core Data Protection (whose keys are in the database too, optionally under a certificate).
/// </summary>
public sealed class EmailSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    /// <summary>The password as Data Protection protected it; never shown back, never logged.</summary>
    public string? ProtectedPassword { get; set; }
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "Plumbline";
    public DateTime UpdatedAt { get; set; }
}

public enum EmailKind { Test, PasswordReset, Invitation, Notification, DailySummary, WeeklyDue }

public enum EmailStatus { Pending, Sent, Failed, Dropped }

/// <summary>
/// One e-mail in the outbox. Most are rendered when they are queued; a password reset or an invitation carries no body,
/// because its link holds a token: the dispatcher makes the token and the message when it sends, so no token sits in the table.
/// </summary>
public sealed class EmailMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public EmailKind Kind { get; set; }
    public string To { get; set; } = "";
    public string? ToName { get; set; }
    public string? UserId { get; set; }
    /// <summary>The in-app notification this e-mail repeats; the person's choice is read when it is sent.</summary>
    public Guid? NotificationId { get; set; }
    public string? Subject { get; set; }
    public string? HtmlBody { get; set; }
    public string? TextBody { get; set; }
    public EmailStatus Status { get; set; } = EmailStatus.Pending;
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public Guid? LeaseId { get; set; }
    public DateTime? LeaseUntil { get; set; }
}

/// <summary>How often a person wants an e-mail about one kind of event.</summary>
public enum EmailFrequency { Off, AtOnce, Daily }

/// <summary>Which notification e-mails one person wants; a person without a row gets the defaults below.</summary>
public sealed class EmailPreferences
{
    public string UserId { get; set; } = "";
    public EmailFrequency ReviewSubmitted { get; set; } = EmailFrequency.AtOnce;
    public EmailFrequency RecommendationApproved { get; set; } = EmailFrequency.AtOnce;
    public EmailFrequency HandoffAssigned { get; set; } = EmailFrequency.AtOnce;
    public bool WeeklyDue { get; set; } = true;
    /// <summary>When the last daily summary was made for this person (also the claim that stops two nodes making it twice).</summary>
    public DateTime? LastDailySummaryAt { get; set; }
    public DateTime? LastWeeklyDueAt { get; set; }
}

internal sealed class EmailSettingsConfiguration : IEntityTypeConfiguration<EmailSettings>
{
    public void Configure(EntityTypeBuilder<EmailSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Host).HasMaxLength(255);
        b.Property(s => s.Security).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.UserName).HasMaxLength(255);
        b.Property(s => s.ProtectedPassword).HasMaxLength(4000);
        b.Property(s => s.FromAddress).HasMaxLength(256);
        b.Property(s => s.FromName).HasMaxLength(200);
    }
}

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> b)
    {
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.To).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(500);
        // The dispatcher's question: what is pending and due?
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class EmailPreferencesConfiguration : IEntityTypeConfiguration<EmailPreferences>
{
    public void Configure(EntityTypeBuilder<EmailPreferences> b)
    {
        b.HasKey(p => p.UserId);
        b.Property(p => p.ReviewSubmitted).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.RecommendationApproved).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.HandoffAssigned).HasConversion<string>().HasMaxLength(10);
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
