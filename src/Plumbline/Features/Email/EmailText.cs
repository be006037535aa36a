namespace Plumbline.Features.Email;

/// <summary>Words for people about e-mail kinds and choices.</summary>
public static class EmailText
{
    public static string Kind(EmailKind kind) => kind switch
    {
        EmailKind.Test => "Test e-mail",
        EmailKind.PasswordReset => "Password reset",
        EmailKind.Invitation => "Invitation",
        EmailKind.Notification => "Notification",
        EmailKind.DailySummary => "Daily summary",
        EmailKind.WeeklyDue => "Due this week",
        _ => kind.ToString(),
    };

    public static string Frequency(EmailFrequency frequency) => frequency switch
    {
        EmailFrequency.Off => "Off",
        EmailFrequency.AtOnce => "At once",
        EmailFrequency.Daily => "In a daily summary",
        _ => frequency.ToString(),
    };
}
