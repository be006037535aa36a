namespace Plumbline.Features.Recommendations;

/// <summary>
/// Ready-made remedies for the most common findings of each section of the starter library, with typical costs for
/// a small office. A provider adds them from the templates page and adjusts the figures to its own prices.
/// </summary>
public static class StarterTemplates
{
    public static readonly IReadOnlyList<(string Section, string Title, string Summary, string Priority, decimal OneTime, decimal Monthly,
        decimal Hours, string Initiative)> All =
    [
        ("Business Continuity", "Set up tested, off-site backups",
            "If a server failed or ransomware struck today, getting back to work would take days and some data would be gone for good. We will run managed " +
            "backups, keep a copy off site and prove a restore works every quarter.",
            "High", 3500m, 180m, 16m, "Resilience"),
        ("Cloud Tenants and Email", "Harden the Microsoft 365 tenant",
            "Mail and shared files are the first thing attackers go after. Tighter sign-in rules, mail filtering and sharing settings mean one stolen " +
            "password no longer opens the whole company.",
            "High", 1800m, 0m, 12m, "Security uplift"),
        ("Compliance", "Write and adopt the core IT policies",
            "Insurers, auditors and larger customers now ask to see written policies. We will draft the essential ones with you and set a yearly review so " +
            "they stay true.",
            "Medium", 2400m, 0m, 20m, "Running well"),
        ("Endpoints", "Bring every computer up to standard",
            "Some computers lack encryption, current protection or support from their maker. A lost laptop or an unpatched machine is an easy way in; we " +
            "will close those gaps on every device.",
            "Medium", 4800m, 0m, 32m, "Running well"),
        ("Identity and Access", "Turn on multi-factor sign-in for everyone",
            "Most break-ins start with a guessed or phished password. A second step at sign-in stops nearly all of them for a small monthly cost per person.",
            "High", 1200m, 60m, 10m, "Security uplift"),
        ("Management and Documentation", "Document the network and key systems",
            "Knowledge of how things are set up sits in a few heads. Written, current documentation makes every fix faster and protects you when people " +
            "change.",
            "Low", 1500m, 0m, 14m, "Running well"),
        ("Network", "Replace the out-of-support firewall",
            "The firewall no longer receives security updates, so new attacks pass through unseen. A supported model with active threat filtering restores " +
            "that front door.",
            "High", 4200m, 95m, 12m, "Security uplift"),
        ("Patching and Software Lifecycle", "Retire unsupported software and automate patching",
            "Out-of-date software is the most common route for attacks. Automated patching and a plan to retire what the maker no longer supports keep that " +
            "route closed.",
            "High", 2000m, 120m, 16m, "Security uplift"),
        ("Security Operations", "Add round-the-clock threat monitoring",
            "Attacks often happen at night and at weekends. A monitored detection service watches every device and acts within minutes, not on Monday " +
            "morning.",
            "High", 1000m, 450m, 8m, "Security uplift"),
        ("Servers and Applications", "Move the ageing file server to the cloud",
            "The file server is near the end of its life and a single point of failure. Moving files to the cloud removes the hardware risk and makes remote " +
            "work simpler.",
            "Medium", 6500m, 220m, 40m, "Resilience"),
    ];
}
