namespace Plumbline.Features.DesignDesk;

/// <summary>
/// Three common projects to start from ("Add the starter templates"). Costs are round placeholder figures the design desk replaces with
/// its distributor's prices; vendors and part numbers are left for the engineer to fill in.
/// </summary>
public static class StarterProposalTemplates
{
    public sealed record Starter(string Name, string Description, IReadOnlyList<TemplateStep> Steps, IReadOnlyList<TemplateLine> Lines);

    private static TemplateStep Step(int order, string title, ProposalPhase phase, decimal hours) => new(order, title, phase, hours);

    private static TemplateLine Line(LineKind kind, string description, decimal quantity, decimal unitCost, decimal markup, bool recurring = false) =>
        new(kind, description, "", "", quantity, unitCost, PricingMode.Markup, markup, recurring);

    public static readonly IReadOnlyList<Starter> All =
    [
        new("Firewall replacement",
            "Swap an ageing or unsupported firewall for a current model with a support subscription, with the rules reviewed and moved across.",
            [
                Step(1, "Agree the cut-over window and contacts with the client", ProposalPhase.ProjectManagement, 2),
                Step(2, "Review the current rules and remove the ones nobody needs", ProposalPhase.Implementation, 3),
                Step(3, "Configure the new firewall and load the reviewed rules", ProposalPhase.Implementation, 4),
                Step(4, "Cut over on site and test every site-to-site and remote link", ProposalPhase.Implementation, 3),
                Step(5, "Stand by the morning after the cut-over", ProposalPhase.Standby, 2),
                Step(6, "Update the documentation and hand over to the service desk", ProposalPhase.CloseOut, 1),
            ],
            [
                Line(LineKind.Hardware, "Firewall appliance sized for the site", 1, 1800, 20),
                Line(LineKind.Software, "Security services and support subscription (per month)", 1, 45, 30, recurring: true),
            ]),
        new("Server refresh",
            "Replace an out-of-warranty server with a new host, move the workloads and retire the old hardware safely.",
            [
                Step(1, "Plan the migration order and the downtime with the client", ProposalPhase.ProjectManagement, 3),
                Step(2, "Rack, cable and build the new host", ProposalPhase.Implementation, 6),
                Step(3, "Move the workloads and check each one with its owner", ProposalPhase.Implementation, 10),
                Step(4, "Stand by for the first business day on the new host", ProposalPhase.Standby, 4),
                Step(5, "Wipe and retire the old server, update the asset list", ProposalPhase.CloseOut, 2),
            ],
            [
                Line(LineKind.Hardware, "Server with five years of next-business-day warranty", 1, 6500, 18),
                Line(LineKind.Software, "Server operating system licences", 1, 1100, 12),
                Line(LineKind.Hardware, "Uninterruptible power supply", 1, 700, 20),
            ]),
        new("Microsoft 365 migration",
            "Move mail and files from an on-premises server to Microsoft 365, with sign-in protection switched on from the first day.",
            [
                Step(1, "Agree the user list, the licence mix and the cut-over date", ProposalPhase.ProjectManagement, 3),
                Step(2, "Prepare the tenant, the domain and multi-factor sign-in", ProposalPhase.Implementation, 5),
                Step(3, "Copy mailboxes and shared files ahead of the cut-over", ProposalPhase.Implementation, 8),
                Step(4, "Cut over and set up every user's devices", ProposalPhase.Implementation, 8),
                Step(5, "Stand by for questions in the first week", ProposalPhase.Standby, 4),
                Step(6, "Switch off the old mail service and document the tenant", ProposalPhase.CloseOut, 2),
            ],
            [
                Line(LineKind.Software, "Microsoft 365 business licence (per user per month)", 20, 20, 15, recurring: true),
                Line(LineKind.Service, "Mailbox and file migration tool (per user)", 20, 12, 30),
            ]),
    ];
}
