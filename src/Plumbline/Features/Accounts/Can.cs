using System.Security.Claims;

namespace Plumbline.Features.Accounts;

/// <summary>Who may do what, by role: the policies in <see cref="Policies"/> use these, and pages use them to show or hide buttons.</summary>
public static class Can
{
    /// <summary>The standards committee's work (ADR-004): its own members, and the admins, vCIOs and service leads who kept it before.</summary>
    public static bool EditLibrary(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.StandardsCommittee)
        || user.IsInRole(Roles.Vcio) || user.IsInRole(Roles.ServiceLead);

    /// <summary>Propose a new standard, a change or a retirement to the committee (issue 15): anyone in delivery, and the committee itself.</summary>
    public static bool ProposeStandards(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.StandardsCommittee)
        || user.IsInRole(Roles.Vcio) || user.IsInRole(Roles.ServiceLead) || user.IsInRole(Roles.Tam);


    /// <summary>
    /// The committee's own decisions (issue 15): decide proposals, record the yearly review of a standard, plan and run committee meetings. Only the
    /// committee and admins; vCIOs and service leads still edit the library and propose changes.
    /// </summary>
    public static bool RunCommittee(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.StandardsCommittee);

    public static bool ManageClients(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio) || user.IsInRole(Roles.ServiceLead);

    /// <summary>
    /// Keep a client's contacts, sites and assets (issue 17): whoever may change the client, and the TAM, who sees the environment
    /// on every visit.
    /// </summary>
    public static bool EditClientEnvironment(ClaimsPrincipal user) => ManageClients(user) || user.IsInRole(Roles.Tam);

    public static bool AnswerReviews(ClaimsPrincipal user) => ManageClients(user) || user.IsInRole(Roles.Tam);

    public static bool RateReviews(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio);

    /// <summary>Plan the year's visits, add or remove them for anyone, and keep TAMs' leave.</summary>
    public static bool PlanSchedule(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ServiceLead) || user.IsInRole(Roles.Vcio);

    /// <summary>Run a visit day: move, confirm, mark remote, cancel and complete visits, and keep the agenda and summary.</summary>
    public static bool RunVisits(ClaimsPrincipal user) => PlanSchedule(user) || user.IsInRole(Roles.Tam);

    /// <summary>Hand work on: whoever answers or rates reviews, and the service desk (docs/guide/handoffs.md).</summary>
    public static bool CreateHandoffs(ClaimsPrincipal user) => AnswerReviews(user) || RateReviews(user) || user.IsInRole(Roles.ServiceDesk);

    /// <summary>
    /// Work an area's queue (take, assign, change status, add notes). Admins and service leads run every queue; professional
    /// and centralized services have no role of their own yet and sign in as service desk. The owner of a hand-off may
    /// always work it, whatever the area (see <see cref="WorkHandoff"/>).
    /// </summary>
    public static bool WorkHandoffs(ClaimsPrincipal user, Handoffs.HandoffArea area) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ServiceLead) || area switch
        {
            Handoffs.HandoffArea.Vcio => user.IsInRole(Roles.Vcio),
            Handoffs.HandoffArea.ServiceDesk or Handoffs.HandoffArea.ProfessionalServices or Handoffs.HandoffArea.CentralizedServices =>
                user.IsInRole(Roles.ServiceDesk),
            Handoffs.HandoffArea.DesignDesk => user.IsInRole(Roles.DesignDesk),
            Handoffs.HandoffArea.StandardsCommittee => EditLibrary(user),
            Handoffs.HandoffArea.Tam => user.IsInRole(Roles.Tam),
            _ => false,
        };

    public static bool WorkHandoff(ClaimsPrincipal user, Handoffs.HandoffArea area, string? ownerUserId) =>
        WorkHandoffs(user, area) || (ownerUserId is not null && ownerUserId == user.FindFirstValue(ClaimTypes.NameIdentifier));

    /// <summary>Price proposals, send them and record the client's answer (issue 16): the design desk, vCIOs and admins; everyone else reads.</summary>
    public static bool PriceProposals(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio) || user.IsInRole(Roles.DesignDesk);

    /// <summary>Write recommendations, shape the roadmap and record the client's decisions: the vCIO's work.</summary>
    public static bool ManageRecommendations(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Vcio);

    /// <summary>Bring PSA time entries in, classify them and match companies to clients: the service lead's smart numbers (issue 12).</summary>
    public static bool ManageSmartNumbers(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ServiceLead);
}
