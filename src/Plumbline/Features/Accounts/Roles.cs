namespace Plumbline.Features.Accounts;

/// <summary>The roles of API.md, spelled as the API spells them.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Vcio = "Vcio";
    public const string Tam = "Tam";
    public const string ServiceLead = "ServiceLead";
    public const string DesignDesk = "DesignDesk";
    public const string ServiceDesk = "ServiceDesk";
    /// <summary>Keeps the library: decides proposals, reviews every standard once a year (issue 15).</summary>
    public const string StandardsCommittee = "StandardsCommittee";
    public const string ReadOnly = "ReadOnly";

    public static readonly string[] All = [Admin, Vcio, Tam, ServiceLead, DesignDesk, ServiceDesk, StandardsCommittee, ReadOnly];

    public static string DisplayName(string role) => role switch
    {
        Vcio => "vCIO",
        Tam => "TAM",
        ServiceLead => "Service lead",
        DesignDesk => "Design desk",
        ServiceDesk => "Service desk",
        StandardsCommittee => "Standards committee",
        ReadOnly => "Read only",
        _ => role,
    };
}

/// <summary>Authorization policies; every page and endpoint names one.</summary>
public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string Admin = "Admin";
    /// <summary>The standards committee's work: admins, the committee, vCIOs and service leads (ADR-004).</summary>
    public const string EditLibrary = "EditLibrary";
    /// <summary>Propose changes to the library: TAMs, vCIOs, service leads, the committee and admins (issue 15).</summary>
    public const string ProposeStandards = "ProposeStandards";
    /// <summary>Decide proposals, record yearly reviews and run committee meetings: admins and the standards committee.</summary>
    public const string RunCommittee = "RunCommittee";
    /// <summary>Create and change clients and their templates: admins, vCIOs and service leads.</summary>
    public const string ManageClients = "ManageClients";
    /// <summary>Keep a client's contacts, sites and assets: TAMs, vCIOs, service leads and admins (issue 17).</summary>
    public const string EditClientEnvironment = "EditClientEnvironment";
    /// <summary>Plan reviews and answer them (the TAM pass): TAMs, vCIOs, service leads and admins.</summary>
    public const string AnswerReviews = "AnswerReviews";
    /// <summary>Rate findings, complete and deliver reviews (the vCIO pass): vCIOs and admins.</summary>
    public const string RateReviews = "RateReviews";
    /// <summary>Plan the year's visits and keep leave: admins, service leads and vCIOs.</summary>
    public const string PlanSchedule = "PlanSchedule";
    /// <summary>Run visit days (move, confirm, remote, cancel, complete): TAMs and everyone who may plan.</summary>
    public const string RunVisits = "RunVisits";
    /// <summary>Create hand-offs: whoever answers or rates reviews, and the service desk.</summary>
    public const string CreateHandoffs = "CreateHandoffs";
    /// <summary>Recommendations, initiatives, templates and roadmaps: vCIOs and admins.</summary>
    public const string ManageRecommendations = "ManageRecommendations";
    /// <summary>Import time entries, classify reactive work and match PSA companies: admins and service leads.</summary>
    public const string ManageSmartNumbers = "ManageSmartNumbers";
    /// <summary>Price, send and record the answer to the design desk's proposals: the design desk, vCIOs and admins (issue 16).</summary>
    public const string PriceProposals = "PriceProposals";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        // The role lists live in Can, so a page's buttons and the endpoints behind them can never disagree.
        options.AddPolicy(EditLibrary, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.EditLibrary(c.User)));
        options.AddPolicy(ProposeStandards, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.ProposeStandards(c.User)));
        options.AddPolicy(RunCommittee, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.RunCommittee(c.User)));
        options.AddPolicy(ManageClients, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.ManageClients(c.User)));
        options.AddPolicy(EditClientEnvironment, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.EditClientEnvironment(c.User)));
        options.AddPolicy(AnswerReviews, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.AnswerReviews(c.User)));
        options.AddPolicy(RateReviews, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.RateReviews(c.User)));
        options.AddPolicy(PlanSchedule, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.PlanSchedule(c.User)));
        options.AddPolicy(RunVisits, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.RunVisits(c.User)));
        options.AddPolicy(CreateHandoffs, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.CreateHandoffs(c.User)));
        options.AddPolicy(ManageRecommendations, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.ManageRecommendations(c.User)));
        options.AddPolicy(ManageSmartNumbers, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.ManageSmartNumbers(c.User)));
        options.AddPolicy(PriceProposals, p => p.RequireAuthenticatedUser().RequireAssertion(c => Can.PriceProposals(c.User)));
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
