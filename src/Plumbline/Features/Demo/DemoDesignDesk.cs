using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Clients;
using Plumbline.Features.DesignDesk;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Settings;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Demo;

/// <summary>
/// The design desk of the demo (issue 16): the provider's labour rates per phase, the starter templates, and priced proposals for the
/// first clients' recommendations in every state: a draft, one sent, one sent then changed and sent again as version 2, one accepted
/// (its recommendations approved and professional services handed the steps), one declined and one past its validity date, plus a draft
/// opened from the demo's hand-off to the design desk. Made through the same services as people use; what happened weeks ago is done
/// through the same service on a clock set back by those weeks, so the sent dates, frozen versions and validity dates agree.
/// </summary>
public sealed class DemoDesignDesk(AppDbContext db, ProposalTemplates starters, ProviderSettingsService provider, DeskSettingsService desk,
    RecommendationService recommendations, HandoffService handoffs, IWebhookOutbox outbox, TimeProvider clock)
{
    private const string Designer = "Dana Design";
    private const string Exclusions = "Cabling, new internet lines, and work outside business hours are not included.";
    private readonly HashSet<Guid> linked = [];

    public async Task SeedAsync(CancellationToken ct)
    {
        // Different rates per phase: project management and close-out cost more an hour than standing by.
        Check(await desk.UpdateAsync(new DeskSettingsRequest(TargetMargin: 30m, LaborRates:
        [
            new(nameof(ProposalPhase.ProjectManagement), 70m, 165m), new(nameof(ProposalPhase.Implementation), 62m, 150m),
            new(nameof(ProposalPhase.Standby), 45m, 115m), new(nameof(ProposalPhase.CloseOut), 55m, 135m),
        ]), ct), "design desk settings");
        var templates = (await starters.AddStartersAsync(ct)).ToDictionary(t => t.Name, t => t.Id);
        var clients = await db.Clients.AsNoTracking().Where(c => c.Status == ClientStatus.Active).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Seats, c.FiscalYearStartMonth }).ToListAsync(ct);
        if (clients.Count < 4) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        string NextQuarter(int fiscalStart) => FiscalQuarter.Containing(today, fiscalStart).Next().ToString();
        var (acme, harbor, cedar, dunmore) = (clients[0], clients[1], clients[2], clients[3]);

        // Accepted: sent three weeks ago, accepted today by the client's decision maker.
        var firewall = await FromTemplateAsync(At(24), acme.Id, templates["Firewall replacement"], "Replace the office firewall",
            NextQuarter(acme.FiscalYearStartMonth),
            await PickAsync(acme.Id, "firewall", ct), ct,
            new LineRequest(Description: "FortiGate 100F firewall appliance", Vendor: "Fortinet", PartNumber: "FG-100F", UnitCost: 2950m),
            new LineRequest(Description: "FortiGuard unified threat protection and support (per month)", Vendor: "Fortinet",
                PartNumber: "FC-10-F100F-950-02-12",
                UnitCost: 95m));
        Check(await At(24).Proposals.SendAsync(firewall, Designer, ct), "send the firewall proposal");
        var decisionMaker = await db.Set<ClientEnvironment.Contact>().AsNoTracking().Where(c => c.ClientId == acme.Id && c.IsDecisionMaker).Select(c => c.Name)
            .FirstOrDefaultAsync(ct) ?? "The client's owner";
        Check(await At(0).Answers.AcceptAsync(firewall, new AcceptProposalRequest(decisionMaker), await DesignerAsync(ct), ct), "accept the firewall proposal");

        // Draft: the design desk is pricing a migration for an approved recommendation.
        await FromTemplateAsync(At(0), acme.Id, templates["Microsoft 365 migration"], null, NextQuarter(acme.FiscalYearStartMonth),
            await PickAsync(acme.Id, "cloud", ct, RecommendationStatus.Approved), ct, MicrosoftLicences(acme.Seats), MigrationTool(acme.Seats));

        // Sent last week, below the target margin with a reason: the hardware is priced close to cost.
        var server = await FromTemplateAsync(At(6), harbor.Id, templates["Server refresh"], null, NextQuarter(harbor.FiscalYearStartMonth),
            await PickAsync(harbor.Id, "server", ct), ct, ServerLines);
        Check(await At(6).Proposals.UpdateAsync(server, new UpdateProposalRequest(TargetMarginOverride: 25m,
            OverrideReason: "Long-standing client: the server is priced close to cost and the labour carries the margin."), ct), "override");
        Check(await At(6).Proposals.SendAsync(server, Designer, ct), "send the server proposal");

        // Declined: sent six weeks ago, the client said no four weeks ago.
        var migration = await FromTemplateAsync(At(42), harbor.Id, templates["Microsoft 365 migration"], null, NextQuarter(harbor.FiscalYearStartMonth),
            await PickAsync(harbor.Id, "cloud", ct), ct, MicrosoftLicences(harbor.Seats), MigrationTool(harbor.Seats));
        Check(await At(42).Proposals.SendAsync(migration, Designer, ct), "send the migration proposal");
        Check(await At(28).Answers.DeclineAsync(migration, ct), "decline the migration proposal");

        // Sent and changed: version 1 (one firewall) went out three weeks ago; the client asked for a pair that fails over, so version 2
        // went out today and the client sees that one.
        var pair = await FromTemplateAsync(At(21), cedar.Id, templates["Firewall replacement"], "Replace the head office firewall",
            NextQuarter(cedar.FiscalYearStartMonth), await PickAsync(cedar.Id, "firewall", ct), ct,
            new LineRequest(Description: "FortiGate 100F firewall appliance", Vendor: "Fortinet", PartNumber: "FG-100F", UnitCost: 2950m,
                PricingPercent: 25m),
            new LineRequest(Description: "FortiGuard unified threat protection and support (per month)", Vendor: "Fortinet",
                PartNumber: "FC-10-F100F-950-02-12",
                UnitCost: 95m));
        Check(await At(21).Proposals.SendAsync(pair, Designer, ct), "send version 1");
        var current = Check(await At(0).Proposals.UpdateAsync(pair, new UpdateProposalRequest(Title: "Replace the head office firewall with a fail-over pair",
            ValidUntil: today.AddDays(ProposalRules.DefaultValidDays)), ct), "version 2");
        var steps = current.Steps.Select(s => new StepRequest(s.Order, s.Title, s.Phase.ToString(), s.Hours)).ToList();
        steps.Insert(3, new StepRequest(4, "Pair the two firewalls and test a fail-over", nameof(ProposalPhase.Implementation), 4m));
        Check(await At(0).Proposals.UpdateAsync(pair, new UpdateProposalRequest(Steps: [.. steps.Select((s, i) => s with { Order = i + 1 })]), ct), "HA step");
        Check(await At(0).Lines.UpdateLineAsync(pair, current.Lines[0].Id, new LineRequest(Description: "FortiGate 100F firewall appliances (a pair)",
            Quantity: 2m), ct), "two firewalls");
        Check(await At(0).Lines.UpdateLineAsync(pair, current.Lines[1].Id, new LineRequest(Quantity: 2m), ct), "two subscriptions");
        Check(await At(0).Proposals.SendAsync(pair, Designer, ct), "send version 2");

        // Expired: sent seven weeks ago, valid for 30 days, and the client never answered.
        var stale = await FromTemplateAsync(At(49), dunmore.Id, templates["Server refresh"], "Replace the warehouse server",
            NextQuarter(dunmore.FiscalYearStartMonth), await PickAsync(dunmore.Id, "server", ct), ct,
            [ServerLines[0] with { PricingMode = nameof(PricingMode.Margin), PricingPercent = 25m }, .. ServerLines[1..]]);
        Check(await At(49).Proposals.SendAsync(stale, Designer, ct), "send the expired proposal");

        await FromHandoffAsync(ct);
    }

    private static readonly LineRequest[] ServerLines =
    [
        new(Description: "Dell PowerEdge R660xs server with five years of next-business-day warranty", Vendor: "Dell", PartNumber: "PER660XS-5Y",
            UnitCost: 6500m),
        new(Description: "Windows Server 2025 Standard, 16 cores", Vendor: "Microsoft", PartNumber: "P73-08328", UnitCost: 1100m),
        new(Description: "APC Smart-UPS 1500 VA rack-mount", Vendor: "APC", PartNumber: "SMT1500RMI2UC", UnitCost: 700m),
    ];

    private static LineRequest MicrosoftLicences(int seats) =>
        new(Description: "Microsoft 365 Business Premium (per user per month)", Vendor: "Microsoft", PartNumber: "CFQ7TTC0LCHC",
            Quantity: Math.Max(1, seats), UnitCost: 22m);

    private static LineRequest MigrationTool(int seats) =>
        new(Description: "MigrationWiz user migration bundle (per user)", Vendor: "BitTitan", PartNumber: "MW-UMB", Quantity: Math.Max(1, seats),
            UnitCost: 15m);

    /// <summary>
    /// The demo's hand-off to the design desk (laptops for new partners) opens a draft, as "Open a proposal" on the hand-off does,
    /// priced with its own steps and lines.
    /// </summary>
    private async Task FromHandoffAsync(CancellationToken ct)
    {
        var handoff = await db.Handoffs.AsNoTracking().Where(h => h.Area == HandoffArea.DesignDesk).OrderBy(h => h.CreatedAt).Select(h => (Guid?)h.Id)
            .FirstOrDefaultAsync(ct);
        if (handoff is null) return;
        Check(await At(0).Proposals.CreateAsync(new CreateProposalRequest(HandoffId: handoff, Steps:
        [
            new(1, "Confirm the partners' start dates and software needs", nameof(ProposalPhase.ProjectManagement), 1m),
            new(2, "Build and enrol the laptops, install the practice software", nameof(ProposalPhase.Implementation), 6m),
            new(3, "Hand each partner their laptop and set up sign-in", nameof(ProposalPhase.Implementation), 3m),
            new(4, "Record the laptops in the asset list", nameof(ProposalPhase.CloseOut), 1m),
        ], Lines:
        [
            new(nameof(LineKind.Hardware), "Lenovo ThinkPad T14 Gen 5, 32 GB, 1 TB, three years on-site warranty", "Lenovo", "21ML003UUS", 3m, 1480m),
            new(nameof(LineKind.Hardware), "Lenovo ThinkPad Universal Thunderbolt 4 dock", "Lenovo", "40B00135US", 3m, 260m),
            new(nameof(LineKind.Software), "Microsoft 365 Business Premium (per user per month)", "Microsoft", "CFQ7TTC0LCHC", 3m, 22m, Recurring: true),
        ]), ct), "the laptop proposal");
    }

    /// <summary>A proposal from a starter template, its lines filled in with real products (in the template's line order).</summary>
    private async Task<Guid> FromTemplateAsync(Desk service, Guid clientId, Guid templateId, string? title, string quarter,
        Guid? recommendationId, CancellationToken ct, params LineRequest[] lines)
    {
        var created = Check(await service.Proposals.CreateAsync(new CreateProposalRequest(clientId, title, TargetQuarter: quarter,
            RecommendationIds: recommendationId is { } r ? [r] : null, TemplateId: templateId), ct), "a proposal");
        for (var i = 0; i < lines.Length && i < created.Lines.Count; i++)
            Check(await service.Lines.UpdateLineAsync(created.Id, created.Lines[i].Id, lines[i], ct), "a line");
        Check(await service.Proposals.UpdateAsync(created.Id, new UpdateProposalRequest(Exclusions: Exclusions), ct), "exclusions");
        return created.Id;
    }

    /// <summary>
    /// A recommendation of the client no other demo proposal prices: one about the topic if there is one, Proposed before Approved
    /// (unless asked otherwise), else any that is Proposed or Approved.
    /// </summary>
    private async Task<Guid?> PickAsync(Guid clientId, string topic, CancellationToken ct, RecommendationStatus first = RecommendationStatus.Proposed)
    {
        var open = await db.Recommendations.AsNoTracking()
            .Where(r => r.ClientId == clientId && (r.Status == RecommendationStatus.Proposed || r.Status == RecommendationStatus.Approved))
            .OrderBy(r => r.Title).Select(r => new { r.Id, r.Title, r.Status }).ToListAsync(ct);
        var pick = open.Where(r => !linked.Contains(r.Id))
            .OrderBy(r => r.Title.Contains(topic, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(r => r.Status == first ? 0 : 1).FirstOrDefault();
        if (pick is null) return null;
        linked.Add(pick.Id);
        return pick.Id;
    }

    /// <summary>The design desk's services as they work on a given day.</summary>
    private sealed record Desk(ProposalService Proposals, ProposalLines Lines, ProposalAnswers Answers);

    /// <summary>The design desk's services on a clock set back by some days, for what happened before today.</summary>
    private Desk At(int daysAgo)
    {
        TimeProvider then = daysAgo == 0 ? clock : new Earlier(clock, TimeSpan.FromDays(daysAgo));
        var queries = new ProposalQueries(db, desk, provider, then);
        return new Desk(new ProposalService(db, then, queries, desk), new ProposalLines(db, then, queries, desk),
            new ProposalAnswers(db, then, queries, desk, recommendations, handoffs, outbox));
    }

    private async Task<Actor> DesignerAsync(CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Email == $"design@{DemoData.Domain}", ct);
        return new Actor(user.Id, user.Name, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, Roles.DesignDesk)], "demo")));
    }

    private static T Check<T>(Outcome<T> outcome, string what) => outcome.Succeeded ? outcome.Value!
        : throw new InvalidOperationException($"Demo design desk, {what}: {outcome.Conflict} "
            + string.Join("; ", outcome.Errors?.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")) ?? []));

    private sealed class Earlier(TimeProvider clock, TimeSpan back) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow() - back;
    }
}
