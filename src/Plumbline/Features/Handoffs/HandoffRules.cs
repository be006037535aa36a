using System.Security.Claims;
using System.Text;
using Plumbline.Features.Accounts;

namespace Plumbline.Features.Handoffs;

/// <summary>Who may own a hand-off of each area, when two titles are "the same thing", and when a hand-off is overdue.</summary>
public static class HandoffRules
{
    public const int PsaTicketMaxLength = 50;

    /// <summary>
    /// The roles whose people may own a hand-off of an area. Professional and centralized services have no role of their own:
    /// the service desk and its service leads do that work. The standards committee is its own role plus the others who
    /// edit the library (vCIOs and service leads). Admin alone is not an area's role: an admin who also works a queue holds its role too.
    /// </summary>
    public static IReadOnlyList<string> OwnerRoles(HandoffArea area) => area switch
    {
        HandoffArea.Vcio => [Roles.Vcio],
        HandoffArea.ServiceDesk or HandoffArea.ProfessionalServices or HandoffArea.CentralizedServices => [Roles.ServiceDesk, Roles.ServiceLead],
        HandoffArea.DesignDesk => [Roles.DesignDesk],
        HandoffArea.StandardsCommittee => [Roles.StandardsCommittee, Roles.Vcio, Roles.ServiceLead],
        HandoffArea.Tam => [Roles.Tam],
        _ => [],
    };

    public static bool CanOwn(ClaimsPrincipal user, HandoffArea area) => OwnerRoles(area).Any(user.IsInRole);

    /// <summary>"Take it" is for people who may own the area's work, on a hand-off nobody else owns that is not done.</summary>
    public static bool CanTake(ClaimsPrincipal user, HandoffArea area, string? ownerUserId, HandoffStatus status) =>
        status != HandoffStatus.Done && ownerUserId is null && CanOwn(user, area);

    public static bool IsOverdue(DateOnly? dueOn, HandoffStatus status, DateOnly today) => status != HandoffStatus.Done && dueOn is { } due && due < today;

    /// <summary>
    /// Two titles are similar when, in lower case with punctuation and extra spaces taken out, they are equal, or one holds the
    /// other as whole words and the shorter has at least two words ("Replace the UPS battery" and "Replace the UPS battery at
    /// the front desk"). One shared word ("Printer") is not enough.
    /// </summary>
    public static bool Similar(string a, string b)
    {
        var (x, y) = (Normalize(a), Normalize(b));
        if (x.Length == 0 || y.Length == 0) return false;
        if (x == y) return true;
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return shorter.Contains(' ') && $" {longer} ".Contains($" {shorter} ", StringComparison.Ordinal);
    }

    public static string Normalize(string title)
    {
        var text = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant()) text.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
