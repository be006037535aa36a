using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Handoffs;

namespace Plumbline.Features.Demo;

/// <summary>Hand-offs in several areas and states, some from the demo's open findings, made through the same service as people's.</summary>
public sealed class DemoHandoffs(AppDbContext db, HandoffService handoffs)
{
    private static readonly (string Client, HandoffArea Area, string Title, string Details, string? Owner, HandoffStatus Status, string? Note)[] Items =
    [
        ("Acme Explosives", HandoffArea.ServiceDesk, "Replace the UPS battery in the server closet", "The UPS runs 3 minutes on battery; it should run 15.",
            "desk", HandoffStatus.InProgress, "Battery ordered, fitting on Thursday."),
        ("Acme Explosives", HandoffArea.Vcio, "Budget a second internet line", "The office stops when the one line is down.", null, HandoffStatus.Open, null),
        ("Blue Harbor Dental", HandoffArea.ServiceDesk, "Turn on automatic updates on the front-desk PCs", "Two PCs were four months behind.", null,
            HandoffStatus.Open, null),
        ("Cedar Valley Credit Union", HandoffArea.ProfessionalServices, "Plan the firewall replacement project", "Approved at the last QBR; needs a date.",
            null, HandoffStatus.Open, null),
        ("Dunmore Logistics", HandoffArea.CentralizedServices, "Add the warehouse NAS to the backup monitoring",
            "The NAS backs up, but nobody is told when it fails.", "desk", HandoffStatus.Done, "Added to monitoring; alerts go to the NOC."),
        ("Evergreen Law Partners", HandoffArea.DesignDesk, "Quote laptops for the three new partners", "They start next quarter.", "design",
            HandoffStatus.InProgress, "First draft of the proposal sent to the vCIO."),
        ("Blue Harbor Dental", HandoffArea.StandardsCommittee, "Ask whether the printer standard fits dental offices",
            "The question does not fit imaging devices.", null, HandoffStatus.Open, null),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var users = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoData.Domain)).ToDictionaryAsync(u => u.Email!.Split('@')[0], ct);
        var clients = await db.Clients.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var tam = Actor(users["tam"], Roles.Tam);
        foreach (var item in Items)
        {
            if (!clients.TryGetValue(item.Client, out var clientId)) continue;
            // The first of a client's open findings, so some hand-offs link back to where they came from.
            var findingId = await db.Findings.Where(f => f.ClientId == clientId && f.ResolvedOn == null).OrderBy(f => f.OpenedOn).Select(f => (Guid?)f.Id)
                .FirstOrDefaultAsync(ct);
            var created = await handoffs.CreateAsync(new CreateHandoffRequest(item.Area.ToString(), item.Title, item.Details, clientId,
                FindingId: item.Area == HandoffArea.ServiceDesk ? findingId : null), tam, ct);
            if (created.Value is not { } handoff)
                throw new InvalidOperationException($"Demo hand-off {item.Title}: {string.Join("; ", created.Errors?.SelectMany(e => e.Value) ?? [])}");
            if (item.Owner is null) continue;
            var owner = users[item.Owner];
            var worker = Actor(owner, item.Owner == "desk" ? Roles.ServiceDesk : Roles.DesignDesk);
            await handoffs.UpdateAsync(handoff.Id, new UpdateHandoffRequest(Status: item.Status.ToString(), OwnerUserId: owner.Id,
                Note: item.Note), worker, ct);
        }
    }

    private static Actor Actor(AppUser user, string role) =>
        new(user.Id, user.Name,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, role)], "demo")));
}
