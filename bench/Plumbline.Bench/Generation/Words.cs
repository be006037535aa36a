namespace Plumbline.Bench.Generation;

/// <summary>Word lists for names and notes that read like a real provider's data.</summary>
public static class Words
{
    public static readonly string[] FirstNames =
    [
        "Aisha", "Ben", "Carla", "Dev", "Elena", "Femi", "Grace", "Hugo", "Ines", "Jamal", "Kiri", "Liam", "Maya", "Nikhil", "Olga",
        "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Marco", "Hana", "Luca", "Nora",
    ];

    public static readonly string[] LastNames =
    [
        "Abbott", "Brennan", "Castillo", "Dimitrov", "Eriksen", "Fischer", "Gallagher", "Haddad", "Ito", "Jovanovic", "Kowalski",
        "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Schmidt", "Tanaka", "Usman", "Vargas", "Weber",
        "Xu", "Yilmaz", "Zielinski", "Murphy", "Novak", "Costa", "Hughes",
    ];

    public static readonly string[] CompanyWords =
    [
        "Harbor", "Summit", "Cedar", "Northgate", "Bluewater", "Ironwood", "Lakeside", "Meridian", "Oakridge", "Pinecrest", "Redstone",
        "Silverline", "Westbrook", "Granite", "Riverbend", "Foxglove", "Highland", "Brightwell", "Stonebridge", "Maple", "Copperfield",
        "Evergreen", "Falcon", "Goldleaf", "Hawthorn", "Juniper", "Kingsley", "Larkspur", "Moorland", "Newhaven", "Orchard", "Prairie",
        "Quarry", "Rosewood", "Sandpiper", "Thornbury", "Upland", "Valley", "Willow", "Yardley",
    ];

    public static readonly string[] CompanyKinds =
    [
        "Dental", "Law", "Accounting", "Logistics", "Manufacturing", "Architects", "Veterinary", "Realty", "Insurance", "Engineering",
        "Clinic", "Construction", "Foods", "Marketing", "Wealth", "Pharmacy", "Schools", "Credit Union", "Hotels", "Printing",
    ];

    public static readonly string[] CompanySuffixes = ["LLC", "Inc.", "Group", "Partners", "Ltd", "& Co.", "Associates", "Services"];

    public static readonly string[] NoNotes =
    [
        "Backups for the file server last succeeded 12 days ago; the job fails on a locked VSS writer.",
        "Two of the eleven laptops are missing from the RMM; the office manager will bring them in next week.",
        "MFA is on for staff but not for the two shared front-desk accounts.",
        "The firewall firmware is three releases behind; the vendor lists two high-severity fixes since.",
        "No written procedure; the owner says it lives in her head.",
        "Local admin rights are still granted to all users on the design team.",
        "The UPS battery self-test failed last month and nobody replaced the battery.",
        "Guest Wi-Fi shares the office VLAN.",
        "Old domain admin account of a former employee is still enabled.",
        "Licences expire in five weeks and the renewal quote is not approved yet.",
        "Server 2012 R2 box still runs the line-of-business database.",
        "Antivirus reports three endpoints with definitions older than 30 days.",
        "The documentation is two years old and lists equipment that is gone.",
        "Security awareness training was skipped this year for budget reasons.",
        "Email forwarding to personal mailboxes is allowed in the tenant.",
        "Printer admin page uses the default password.",
        "Restore test has not been done since the NAS was replaced.",
        "Conditional access policies are in report-only mode.",
        "No alerting on failed sign-ins; the log is kept for only 7 days.",
        "Patches are approved by hand and the last batch is six weeks old.",
    ];

    public static readonly string[] YesNotes =
    [
        "Checked in the RMM dashboard.", "Confirmed with the office manager.", "Verified in the admin portal.", "Screenshot attached to the ticket.",
        "Fixed during the visit.", "Vendor confirmed by e-mail.",
    ];

    public static readonly string[] NotApplicableNotes =
    [
        "", "", "No on-premises servers.", "The client has no wireless network.", "Not used at this client.", "Handled by the landlord's IT.",
    ];

    public static readonly string[] AcceptedRisks =
    [
        "The client accepts the risk until the office move next year.",
        "Budget declined this year; the owner signed the risk acceptance.",
        "Compensating control: the system is isolated on its own VLAN.",
    ];

    /// <summary>Who at a client signs a risk acceptance.</summary>
    public static readonly string[] ClientSignatories = ["The managing partner", "The office manager", "The owner", "The finance director"];

    public static readonly string[] ExceptionReasons =
    [
        "Legacy lab equipment that the vendor cannot update.",
        "Client's cyber insurer accepted this gap in writing.",
        "Replaced by the landlord's managed service until the lease ends.",
    ];

    public static readonly string[] FlagComments =
    [
        "The question asks two things at once.", "Nobody at small clients knows what this means.", "How-to-check refers to an old console.",
        "Not worth asking every quarter for this kind of client.",
    ];

    public static readonly (string Title, string Question)[] GeneratedTopics =
    [
        ("Named owner for {0}", "Is a named person at the client recorded as the owner of {0}, with a deputy for when they are away?"),
        ("{0} alerts reach the service desk", "Do alerts about {0} create tickets in the service desk queue without anyone forwarding them by hand?"),
        ("{0} reviewed after major changes", "Was {0} checked against the standards after the last major change at the client?"),
        ("{0} configuration backed up", "Is the configuration of {0} backed up automatically, with a copy kept away from the client's site?"),
        ("{0} support contracts current", "Are all licences and support contracts for {0} valid for at least the next 90 days?"),
        ("{0} admin access reviewed", "Is administrative access to {0} limited to named accounts that the MSP reviewed in the last quarter?"),
        ("{0} documented", "Is {0} documented in the documentation platform with a diagram, the credential location and vendor contacts?"),
        ("{0} monitored", "Is {0} monitored by the RMM, with thresholds that alert before users notice a problem?"),
        ("{0} vendor support", "Is every product used for {0} still supported by its vendor, with security updates available?"),
        ("{0} changes recorded", "Are changes to {0} recorded in tickets that say who changed what and why?"),
    ];
}
