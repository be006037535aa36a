using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.Notifications;
using Plumbline.Features.Standards;
using Plumbline.Features.Webhooks;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Handoffs;

/// <summary>Creates hand-offs and moves them along: status, owner, area and notes. The API and the pages both go through here.</summary>
public sealed class HandoffService(AppDbContext db, HandoffQueries queries, TimeProvider clock, Notifier notifier, IWebhookOutbox outbox)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<HandoffDetails>> CreateAsync(CreateHandoffRequest r, Actor actor, CancellationToken ct)
    {
        var e = new Dictionary<string, string[]>();
        if (!ApiEnum.TryParse<HandoffArea>(r.Area, out var area))
            e["area"] = [$"Route the hand-off to an area: {string.Join(", ", Enum.GetNames<HandoffArea>())}."];
        var title = (r.Title ?? "").Trim();
        if (title.Length == 0) e["title"] = ["Say in a few words what needs doing."];
        else if (title.Length > 200) e["title"] = ["Keep the title to 200 characters or fewer."];
        SingleLine.Check(title, "title", e);
        var details = (r.Details ?? "").Trim();
        if (details.Length > 4000) e["details"] = ["Keep the details to 4,000 characters or fewer."];
        var (clientId, findingStandardId) = await SourceAsync(r, e, ct);
        var priority = Priority.Medium;
        if (r.Priority is not null && !ApiEnum.TryParse(r.Priority, out priority)) e["priority"] = ["Choose a priority: High, Medium or Low."];
        var ticket = Ticket(r.PsaTicket, e);
        var owner = string.IsNullOrWhiteSpace(r.OwnerUserId) ? null : r.OwnerUserId.Trim();
        if (owner is not null && e.Count == 0 && await OwnerProblemAsync(owner, area, ct) is { } ownerProblem) e["ownerUserId"] = [ownerProblem];
        if (e.Count > 0 || clientId is null)
            return Outcome<HandoffDetails>.Invalid(e.Count > 0 ? e : new() { ["clientId"] = ["Say which client this is for."] });
        if (r.ConfirmDuplicate != true && await DuplicateAsync(clientId.Value, title, ct) is { } duplicate)
            return Outcome<HandoffDetails>.Clash($"{duplicate.ClientName} already has an open hand-off with a similar title: \"{duplicate.Title}\" " +
                $"(/handoffs/{duplicate.Id}). Add to that one, or send confirmDuplicate: true to create this one as well.", duplicate);

        var handoff = new Handoff
        {
            Area = area,
            Title = title,
            TitleSearch = title.ToLowerInvariant(),
            Details = details,
            ClientId = clientId.Value,
            OwnerUserId = owner,
            Priority = priority,
            DueOn = r.DueOn,
            PsaTicket = ticket,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.Name,
            CreatedAt = Now,
            UpdatedAt = Now,
            ReviewId = r.ReviewId,
            StandardId = r.StandardId ?? findingStandardId,
            FindingId = r.FindingId,
            VisitId = r.VisitId,
        };
        db.Handoffs.Add(handoff);
        if (owner is not null && owner != actor.UserId) NotifyOwner(handoff, owner);
        // The event joins this save: it goes out only if the hand-off is stored (ADR-008).
        var s = (await queries.SummariesAsync([handoff], ct))[0];
        await outbox.EnqueueAsync(new HandoffCreatedPayload(new HandoffCreatedData(s.Id, s.Area.ToString(), s.Title, s.Details, s.ClientId,
            s.ClientName, s.Status.ToString(),
            s.OwnerUserId, s.OwnerName, s.CreatedByUserId, s.CreatedByName, s.CreatedAt, s.UpdatedAt, s.DoneAt, s.ReviewId, s.StandardId, s.StandardCode,
            s.FindingId, s.VisitId, s.Version, s.Priority.ToString(), s.DueOn, s.PsaTicket)), ct);
        await db.SaveChangesAsync(ct);
        return new Outcome<HandoffDetails>(await queries.GetAsync(handoff.Id, ct));
    }

    /// <summary>
    /// The client the hand-off is for: as given, or the one its review, finding or visit belongs to; they must agree.
    /// Also the finding's standard, so a hand-off of a finding names its question.
    /// </summary>
    private async Task<(Guid? ClientId, Guid? FindingStandardId)> SourceAsync(CreateHandoffRequest r, Dictionary<string, string[]> e, CancellationToken ct)
    {
        var clientId = r.ClientId;
        Guid? findingStandardId = null;
        if (clientId is { } given && !await db.Clients.AnyAsync(c => c.Id == given, ct))
        {
            e["clientId"] = [$"There is no client with id '{given}'."];
            return (null, null);
        }
        if (r.ReviewId is { } reviewId)
        {
            var reviewClient = await db.Reviews.Where(x => x.Id == reviewId).Select(x => (Guid?)x.ClientId).FirstOrDefaultAsync(ct);
            if (reviewClient is null) e["reviewId"] = [$"There is no review with id '{reviewId}'."];
            else if (clientId is not null && clientId != reviewClient) e["reviewId"] = ["That review belongs to another client."];
            else clientId = reviewClient;
            if (reviewClient is not null && r.StandardId is { } standardId
                && !await db.ReviewItems.AnyAsync(i => i.ReviewId == reviewId && i.StandardId == standardId, ct))
                e["standardId"] = ["That standard is not part of the review."];
        }
        else if (r.StandardId is { } standardId && !await db.Standards.AnyAsync(s => s.Id == standardId, ct))
            e["standardId"] = [$"There is no standard with id '{standardId}'."];
        if (r.FindingId is { } findingId)
        {
            var finding = await db.Findings.Where(f => f.Id == findingId).Select(f => new { f.ClientId, f.StandardId }).FirstOrDefaultAsync(ct);
            if (finding is null) e["findingId"] = [$"There is no finding with id '{findingId}'."];
            else if (clientId is not null && clientId != finding.ClientId) e["findingId"] = ["That finding belongs to another client."];
            else (clientId, findingStandardId) = (finding.ClientId, finding.StandardId);
        }
        if (r.VisitId is { } visitId)
        {
            var visitClient = await db.Visits.Where(v => v.Id == visitId).Select(v => (Guid?)v.ClientId).FirstOrDefaultAsync(ct);
            if (visitClient is null) e["visitId"] = [$"There is no visit with id '{visitId}'."];
            else if (clientId is not null && clientId != visitClient) e["visitId"] = ["That visit is at another client."];
            else clientId = visitClient;
        }
        return (clientId, findingStandardId);
    }

    public async Task<Outcome<HandoffDetails>> UpdateAsync(Guid id, UpdateHandoffRequest r, Actor actor, CancellationToken ct)
    {
        var handoff = await db.Handoffs.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (handoff is null) return new(null, NotFound: true);
        if (!Can.WorkHandoff(actor.User, handoff.Area, handoff.OwnerUserId))
            return new(null,
                Forbidden: $"Only the {HandoffText.Area(handoff.Area)} queue's people, its owner, service leads and admins can change this hand-off.");
        if (r.Version is { } version && version != handoff.Version)
            return new(null, Conflict: "Someone else changed this hand-off after you opened it. Reload it and apply your change again.");

        var e = new Dictionary<string, string[]>();
        HandoffStatus? status = null;
        if (r.Status is not null)
        {
            if (ApiEnum.TryParse<HandoffStatus>(r.Status, out var parsed)) status = parsed;
            else e["status"] = [$"\"{r.Status}\" is not a status. Use Open, InProgress or Done."];
        }
        HandoffArea? area = null;
        if (r.Area is not null)
        {
            if (ApiEnum.TryParse<HandoffArea>(r.Area, out var parsed)) area = parsed;
            else e["area"] = [$"\"{r.Area}\" is not an area. Use {string.Join(", ", Enum.GetNames<HandoffArea>())}."];
        }
        Priority? priority = null;
        if (r.Priority is not null)
        {
            if (ApiEnum.TryParse<Priority>(r.Priority, out var parsed)) priority = parsed;
            else e["priority"] = ["Choose a priority: High, Medium or Low."];
        }
        var ticket = r.PsaTicket is null ? null : Ticket(r.PsaTicket, e) ?? "";
        var owner = r.OwnerUserId?.Trim();
        if (owner is { Length: > 0 } && e.Count == 0 && await OwnerProblemAsync(owner, area ?? handoff.Area, ct) is { } ownerProblem)
            e["ownerUserId"] = [ownerProblem];
        var note = r.Note?.Trim();
        if (note?.Length > 2000) e["note"] = ["Keep the note to 2,000 characters or fewer."];
        if (e.Count > 0) return Outcome<HandoffDetails>.Invalid(e);
        // Someone else's hand-off is theirs until they let it go: only they, or an admin, give it to someone else or take them off.
        if (owner is not null && handoff.OwnerUserId is { } current && current != actor.UserId && (owner.Length == 0 ? null : owner) != current
            && !actor.User.IsInRole(Roles.Admin))
        {
            var currentName = await db.Users.Where(u => u.Id == current).Select(u => u.Name).FirstOrDefaultAsync(ct);
            return new(null, Conflict: $"{currentName ?? "Someone else"} owns this hand-off. Ask them, or an admin, to hand it over.");
        }

        var changes = new List<string>();
        if (status is { } s && s != handoff.Status)
        {
            changes.Add($"Status changed from {HandoffText.Status(handoff.Status)} to {HandoffText.Status(s)}.");
            handoff.Status = s;
            handoff.DoneAt = s == HandoffStatus.Done ? Now : null;
            if (s == HandoffStatus.Done && handoff.CreatedByUserId is { } creator && creator != actor.UserId) NotifyCreator(handoff, creator, actor);
        }
        if (area is { } a && a != handoff.Area)
        {
            changes.Add($"Moved from the {HandoffText.Area(handoff.Area)} queue to {HandoffText.Area(a)}.");
            handoff.Area = a;
            // An owner who does not work the new area's queue lets it go, unless this change names the owner too.
            if (owner is null && handoff.OwnerUserId is { } kept && await OwnerProblemAsync(kept, a, ct) is not null)
            {
                changes.Add("Owner taken off: they do not work that queue.");
                handoff.OwnerUserId = null;
            }
        }
        if (priority is { } p && p != handoff.Priority)
        {
            changes.Add($"Priority changed from {handoff.Priority} to {p}.");
            handoff.Priority = p;
        }
        var dueOn = r.ClearDueOn == true ? null : r.DueOn ?? handoff.DueOn;
        if (dueOn != handoff.DueOn)
        {
            changes.Add(dueOn is { } d ? $"Due on {Format.Date(d)}." : "Due date taken off.");
            handoff.DueOn = dueOn;
        }
        if (ticket is not null && (ticket.Length == 0 ? null : ticket) != handoff.PsaTicket)
        {
            changes.Add(ticket.Length == 0 ? "PSA ticket taken off." : $"PSA ticket {ticket}.");
            handoff.PsaTicket = ticket.Length == 0 ? null : ticket;
        }
        if (owner is not null && (owner.Length == 0 ? null : owner) != handoff.OwnerUserId)
        {
            var newOwner = owner.Length == 0 ? null : owner;
            var name = newOwner is null ? null : await db.Users.Where(u => u.Id == newOwner).Select(u => u.Name).FirstAsync(ct);
            changes.Add(newOwner is null ? "Owner taken off." : newOwner == actor.UserId ? $"{actor.Name} took it." : $"Assigned to {name}.");
            handoff.OwnerUserId = newOwner;
            if (newOwner is not null && newOwner != actor.UserId) NotifyOwner(handoff, newOwner);
        }
        if (changes.Count > 0) AddNote(handoff.Id, actor, string.Join(" ", changes));
        if (!string.IsNullOrEmpty(note)) AddNote(handoff.Id, actor, note);
        if (changes.Count > 0 || !string.IsNullOrEmpty(note))
        {
            handoff.UpdatedAt = Now;
            handoff.Version = Guid.NewGuid();
            await db.SaveChangesAsync(ct);
        }
        return new Outcome<HandoffDetails>(await queries.GetAsync(id, ct));
    }

    private void AddNote(Guid handoffId, Actor actor, string text) =>
        db.HandoffNotes.Add(new HandoffNote { HandoffId = handoffId, At = Now, UserId = actor.UserId, UserName = actor.Name, Text = text });

    /// <summary>Why this person cannot own a hand-off of the area, or null when they can.</summary>
    private async Task<string?> OwnerProblemAsync(string userId, HandoffArea area, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Name }).FirstOrDefaultAsync(ct);
        if (user is null) return $"There is no user with id '{userId}'.";
        var allowed = HandoffRules.OwnerRoles(area).ToList();
        var holds = await (from ur in db.UserRoles
                           join role in db.Roles on ur.RoleId equals role.Id
                           where ur.UserId == userId && allowed.Contains(role.Name!)
                           select ur.UserId).AnyAsync(ct);
        return holds ? null
            : $"{user.Name} cannot own a {HandoffText.Area(area)} hand-off: choose one of the {HandoffText.Owners(area)}, or leave it in the queue.";
    }

    /// <summary>The people who may own a hand-off of the area, by name: the owner pickers list only them.</summary>
    public async Task<List<(string Id, string Name)>> OwnersAsync(HandoffArea area, CancellationToken ct)
    {
        var allowed = HandoffRules.OwnerRoles(area).ToList();
        var ids = from ur in db.UserRoles join role in db.Roles on ur.RoleId equals role.Id where allowed.Contains(role.Name!) select ur.UserId;
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Name).Take(500).Select(u => new { u.Id, u.Name })
            .ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>The client's open hand-off whose title is similar (<see cref="HandoffRules.Similar"/>), if there is one.</summary>
    private async Task<HandoffSummary?> DuplicateAsync(Guid clientId, string title, CancellationToken ct)
    {
        var open = await db.Handoffs.AsNoTracking().Where(h => h.ClientId == clientId && h.Status != HandoffStatus.Done)
            .OrderByDescending(h => h.CreatedAt).Take(500).ToListAsync(ct);
        var match = open.FirstOrDefault(h => HandoffRules.Similar(h.Title, title));
        return match is null ? null : (await queries.SummariesAsync([match], ct))[0];
    }

    private static string? Ticket(string? text, Dictionary<string, string[]> e)
    {
        var ticket = (text ?? "").Trim();
        if (ticket.Length > HandoffRules.PsaTicketMaxLength)
            e["psaTicket"] = [$"Keep the PSA ticket number to {HandoffRules.PsaTicketMaxLength} characters or fewer."];
        SingleLine.Check(ticket, "psaTicket", e);
        return ticket.Length == 0 ? null : ticket;
    }

    private void NotifyCreator(Handoff handoff, string creatorUserId, Actor actor) =>
        notifier.Add(creatorUserId, $"Done: {handoff.Title} (finished by {actor.Name})", $"/handoffs/{handoff.Id}", NotificationKind.HandoffDone);

    private void NotifyOwner(Handoff handoff, string ownerUserId) =>
        notifier.Add(ownerUserId, $"A hand-off was given to you: {handoff.Title}", $"/handoffs/{handoff.Id}", NotificationKind.HandoffAssigned);
}
