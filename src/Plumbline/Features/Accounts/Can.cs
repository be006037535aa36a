using System.Security.Claims;

namespace Plumbline.Features.Accounts;

/// <summary>Who may do what, by role: the policies in <see cref="Policies"/> use these, and pages use them to show or hide buttons.</summary>
public static class Can
{
    /// <summary>The standards committee's work (ADR-004).</summary>
    public static bool EditLibrary(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio) || user.IsInRole(Roles.ServiceLead);

    public static bool ManageClients(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio) || user.IsInRole(Roles.ServiceLead);

    public static bool AnswerReviews(ClaimsPrincipal user) => ManageClients(user) || user.IsInRole(Roles.Tam);

    public static bool RateReviews(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio);

    /// <summary>Plan the year's visits, add or remove them for anyone, and keep TAMs' leave.</summary>
    public static bool PlanSchedule(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ServiceLead) || user.IsInRole(Roles.Vcio);

    /// <summary>Run a visit day: move, confirm, mark remote, cancel and complete visits, and keep the agenda and summary.</summary>
    public static bool RunVisits(ClaimsPrincipal user) => PlanSchedule(user) || user.IsInRole(Roles.Tam);

    /// <summary>Write recommendations, shape the roadmap and record the client's decisions: the vCIO's work.</summary>
    public static bool ManageRecommendations(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio);
}
