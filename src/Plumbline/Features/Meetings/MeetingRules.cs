using System.Net.Mail;

namespace Plumbline.Features.Meetings;

/// <summary>Limits and words of meetings, shared by the API, the pages and the report.</summary>
public static class MeetingRules
{
    public const int MinutesMaxLength = 20_000;
    public const int MaxAttendees = 50;
    public const int MaxAgendaItems = 200;
    public const int TextMaxLength = 2_000;

    /// <summary>How many days after a review's submission its proposed debrief is pencilled in.</summary>
    public const int DebriefAfterDays = 7;

    public static string Label(MeetingKind kind) => kind switch
    {
        MeetingKind.TamVcioDebrief => "TAM-vCIO debrief",
        MeetingKind.ClientStrategy => "client strategy meeting",
        MeetingKind.CommitteeMeeting => "standards committee meeting",
        MeetingKind.ServiceLeadSync => "service-lead sync",
        _ => kind.ToString(),
    };

    public static string Title(MeetingKind kind, string? clientName) =>
        char.ToUpperInvariant(Label(kind)[0]) + Label(kind)[1..] + (clientName is null ? "" : $" with {clientName}");

    /// <summary>The comment the recommendation's history keeps, so it names the meeting that decided it.</summary>
    public static string DecisionComment(MeetingKind kind, DateOnly date, string text) =>
        $"Decided in the {Label(kind)} of {Infrastructure.Format.Date(date)}: {text}";

    public static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    /// <summary>Only the kinds that need one take a client; a debrief also needs the review it follows.</summary>
    public static bool NeedsClient(MeetingKind kind) => kind is MeetingKind.TamVcioDebrief or MeetingKind.ClientStrategy;
}
