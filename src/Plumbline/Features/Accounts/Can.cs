using System.Security.Claims;

namespace Plumbline.Features.Accounts;

/// <summary>For pages that show or hide buttons by role; the same roles as the policies in <see cref="Policies"/>, which endpoints still check.</summary>
public static class Can
{
    public static bool ManageClients(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio) || user.IsInRole(Roles.ServiceLead);

    public static bool AnswerReviews(ClaimsPrincipal user) => ManageClients(user) || user.IsInRole(Roles.Tam);

    public static bool RateReviews(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio);
}
