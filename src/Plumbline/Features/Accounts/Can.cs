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

    /// <summary>Write recommendations, shape the roadmap and record the client's decisions: the vCIO's work.</summary>
    public static bool ManageRecommendations(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio);
}
