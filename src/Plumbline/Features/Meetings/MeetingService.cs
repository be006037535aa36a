using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Committee;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Meetings;

/// <summary>Debriefs, strategy meetings and service-lead syncs; the committee's meetings are listed from their own table (ADR-029).</summary>
public sealed class MeetingService(AppDbContext db, MeetingAgendaBuilder agenda, RecommendationService recommendations, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<PagedList<MeetingSummary>> ListAsync(MeetingFilter f, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Meetings.AsNoTracking();
        if (f.ClientId is { } clientId) query = query.Where(m => m.ClientId == clientId);
        if (f.Kind is { } kind) query = query.Where(m => m.Kind == kind);
        if (f.From is { } from) query = query.Where(m => m.Date >= from);
        if (f.To is { } to) query = query.Where(m => m.Date <= to);
        var committee = db.CommitteeMeetings.AsNoTracking().Where(_ => f.ClientId == null && (f.Kind == null || f.Kind == MeetingKind.CommitteeMeeting));
        if (f.From is { } cFrom) committee = committee.Where(m => m.Date >= cFrom);
        if (f.To is { } cTo) committee = committee.Where(m => m.Date <= cTo);
        var total = await query.CountAsync(ct) + await committee.CountAsync(ct);
        // Newest first. Both lists are read up to the end of the page and merged; the committee meets a dozen times a year.
        var take = (page - 1) * pageSize + pageSize;
        var own = await (from m in query
                         join c in db.Clients on m.ClientId equals c.Id into cs
                         from c in cs.DefaultIfEmpty()
                         orderby m.Date descending, m.Id descending
                         select new MeetingSummary(m.Id, m.Kind, m.ClientId, c.Name, m.ReviewId, m.Date, m.StartsAt, m.Status, ""))
            .Take(take).ToListAsync(ct);
        var held = await committee.OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.Date, m.Status }).ToListAsync(ct);
        var merged = own.Concat(held.Select(m => new MeetingSummary(m.Id, MeetingKind.CommitteeMeeting, null, null, null, m.Date, null,
                m.Status switch
                {
                    CommitteeMeetingStatus.Held => MeetingStatus.Held,
                    CommitteeMeetingStatus.Cancelled => MeetingStatus.Cancelled,
                    _ => MeetingStatus.Planned
                }, $"/api/v1/committee/meetings/{m.Id}")))
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => m.Link.Length > 0 ? m : m with { Link = $"/api/v1/meetings/{m.Id}" }).ToList();
        return new(merged, page, pageSize, total);
    }

    public async Task<MeetingDetails?> GetAsync(Guid id, CancellationToken ct) =>
        await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? await DetailsAsync(m, ct) : null;

    public Task<Guid?> ReviewClientAsync(Guid reviewId, CancellationToken ct) =>
        db.Reviews.Where(r => r.Id == reviewId).Select(r => (Guid?)r.ClientId).FirstOrDefaultAsync(ct);

    public Task<bool> IsCommitteeMeetingAsync(Guid id, CancellationToken ct) => db.CommitteeMeetings.AnyAsync(m => m.Id == id, ct);

    public async Task<Outcome<MeetingDetails>> CreateAsync(MeetingRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        MeetingKind kind = default;
        if (string.IsNullOrWhiteSpace(r.Kind)) errors["kind"] = ["Say what kind of meeting this is: TamVcioDebrief, ClientStrategy or ServiceLeadSync."];
        else if (!ApiEnum.TryParse(r.Kind, out kind))
            errors["kind"] = [$"\"{r.Kind}\" is not a kind of meeting. Use TamVcioDebrief, ClientStrategy or ServiceLeadSync."];
        else if (kind == MeetingKind.CommitteeMeeting)
            errors["kind"] = ["The standards committee keeps its meetings itself: plan them with POST /api/v1/committee/meetings."];
        if (r.Date is not { } date) errors["date"] = ["Give the meeting's date (yyyy-mm-dd)."];
        else if (date.Year is < 2000 or > 2100) errors["date"] = ["Give a date between the years 2000 and 2100."];
        MeetingStatus status = MeetingStatus.Planned;
        if (r.Status is not null && (!ApiEnum.TryParse(r.Status, out status) || status == MeetingStatus.Held && r.Date > Today))
            errors["status"] = [$"\"{r.Status}\" is not a status for a new meeting. Use Proposed, Planned, Held (a past meeting) or Cancelled."];
        CheckTiming(r.DurationMinutes, r.Minutes, errors);
        if (errors.Count == 0) await CheckClientAndReviewAsync(kind, r.ClientId, r.ReviewId, errors, ct);
        var attendees = await AttendeesAsync(r.Attendees, r.ClientId, errors, ct) ?? [];
        if (errors.Count > 0) return Outcome<MeetingDetails>.Invalid(errors);
        // A strategy meeting is held with the client's decision maker: invited unless the request names its own list.
        if (kind == MeetingKind.ClientStrategy && r.Attendees is null && await DecisionMakerAsync(r.ClientId, ct) is { } decisionMaker)
            attendees.Add(decisionMaker);

        var meeting = new Meeting
        {
            Kind = kind,
            ClientId = r.ClientId,
            ReviewId = kind == MeetingKind.TamVcioDebrief ? r.ReviewId : null,
            Date = r.Date!.Value,
            StartsAt = r.StartsAt,
            DurationMinutes = r.DurationMinutes ?? 60,
            Status = status,
            Attendees = attendees,
            Minutes = Text(r.Minutes),
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        await BuildAgendaAsync(meeting, ct);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Outcome<MeetingDetails>.Ok(await DetailsAsync(meeting, ct));
    }

    /// <summary>A held meeting stays held (its minutes can still be corrected); only a meeting not yet held moves to another day.</summary>
    public async Task<Outcome<MeetingDetails>> UpdateAsync(Guid id, MeetingUpdate r, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return Outcome<MeetingDetails>.Missing();
        var errors = new Dictionary<string, string[]>();
        MeetingStatus? status = null;
        if (r.Status is not null)
        {
            if (ApiEnum.TryParse<MeetingStatus>(r.Status, out var parsed)) status = parsed;
            else errors["status"] = [$"\"{r.Status}\" is not a meeting status. Use Proposed, Planned, Held or Cancelled."];
        }
        if (r.Date is { Year: < 2000 or > 2100 }) errors["date"] = ["Give a date between the years 2000 and 2100."];
        CheckTiming(r.DurationMinutes, r.Minutes, errors);
        var attendees = await AttendeesAsync(r.Attendees, meeting.ClientId, errors, ct);
        var items = AgendaItems(r.Agenda, errors);
        if (errors.Count > 0) return Outcome<MeetingDetails>.Invalid(errors);
        if (r.Version is { } version && version != meeting.Version)
            return Outcome<MeetingDetails>.Clash("Someone else changed this meeting after you opened it. Reload it, then apply your change again.");
        if (meeting.Status == MeetingStatus.Held && status is { } s && s != MeetingStatus.Held)
            return Outcome<MeetingDetails>.Clash("The meeting was held, so it stays held. Correct its minutes if something is wrong.");
        var moves = (r.Date is { } d && d != meeting.Date) || (r.StartsAt is { } t && t != meeting.StartsAt);
        if (moves && (status ?? meeting.Status) is MeetingStatus.Held or MeetingStatus.Cancelled)
            return Outcome<MeetingDetails>.Clash("Only a proposed or planned meeting can move to another day or time.");
        if (moves || (status is { } changed && changed != meeting.Status)) meeting.Sequence++;
        if (r.Date is { } day) meeting.Date = day;
        if (r.StartsAt is { } time) meeting.StartsAt = time;
        if (r.DurationMinutes is { } minutes) meeting.DurationMinutes = minutes;
        // A meeting held before the day it was proposed or planned for took place today: its record and decisions name that day.
        if (status == MeetingStatus.Held && meeting.Status != MeetingStatus.Held && meeting.Date > Today) meeting.Date = Today;
        if (status is { } newStatus) meeting.Status = newStatus;
        if (attendees is not null) meeting.Attendees = attendees;
        if (items is not null) meeting.Agenda = items;
        if (r.Minutes is not null) meeting.Minutes = Text(r.Minutes);
        meeting.UpdatedAt = Now;
        meeting.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<MeetingDetails>.Ok(await DetailsAsync(meeting, ct));
    }

    /// <summary>Builds the agenda afresh from the data; a held or cancelled meeting keeps the agenda it had.</summary>
    public async Task<Outcome<MeetingDetails>> RebuildAgendaAsync(Guid id, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return Outcome<MeetingDetails>.Missing();
        if (meeting.Status is MeetingStatus.Held or MeetingStatus.Cancelled)
            return Outcome<MeetingDetails>.Clash($"The meeting was {meeting.Status.ToString().ToLowerInvariant()}: its agenda is kept as it was.");
        if (!MeetingRules.NeedsClient(meeting.Kind))
            return Outcome<MeetingDetails>.Clash("Only a debrief's and a strategy meeting's agendas are built from the data; write this one by hand.");
        await BuildAgendaAsync(meeting, ct);
        meeting.UpdatedAt = Now;
        meeting.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<MeetingDetails>.Ok(await DetailsAsync(meeting, ct));
    }

    /// <summary>
    /// Records a decision. Approve, Defer or Decline changes the recommendation through the recommendations' own status path, so its
    /// history shows the change with the meeting named in the comment.
    /// </summary>
    public async Task<Outcome<MeetingDetails>> DecideAsync(Guid id, MeetingDecisionRequest r, string who, bool mayDecideRecommendations,
        CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return Outcome<MeetingDetails>.Missing();
        var errors = new Dictionary<string, string[]>();
        var text = Text(r.Text);
        if (text.Length == 0) errors["text"] = ["Write down what was decided."];
        else if (text.Length > MeetingRules.TextMaxLength) errors["text"] = [$"Keep a decision to {MeetingRules.TextMaxLength:N0} characters or fewer."];
        var outcome = DecisionOutcome.None;
        if (r.Outcome is not null && !ApiEnum.TryParse(r.Outcome, out outcome))
            errors["outcome"] = [$"\"{r.Outcome}\" is not an outcome. Use Approve, Defer, Decline or None."];
        if (outcome != DecisionOutcome.None && r.RecommendationId is null)
            errors["recommendationId"] = ["Name the recommendation to approve, defer or decline."];
        if (r.RecommendationId is { } recommendationId)
        {
            var owner = await db.Recommendations.Where(x => x.Id == recommendationId).Select(x => (Guid?)x.ClientId).FirstOrDefaultAsync(ct);
            if (owner is null) errors["recommendationId"] = ["There is no recommendation with that id."];
            else if (owner != meeting.ClientId) errors["recommendationId"] = ["That recommendation belongs to another client than this meeting's."];
        }
        if (errors.Count > 0) return Outcome<MeetingDetails>.Invalid(errors);
        // The meeting does not widen who may change a recommendation: the client's decision is recorded by a vCIO or an admin.
        if (outcome != DecisionOutcome.None && !mayDecideRecommendations)
            return Outcome<MeetingDetails>.Refused("Only a vCIO or an admin records the client's decision on a recommendation. Record the decision as None.");
        if (meeting.Status == MeetingStatus.Cancelled) return Outcome<MeetingDetails>.Clash("The meeting was cancelled: it decides nothing.");

        meeting.Decisions = [.. meeting.Decisions, new MeetingDecision(Guid.CreateVersion7(), text, r.RecommendationId, outcome, Now, who)];
        meeting.UpdatedAt = Now;
        meeting.Version = Guid.NewGuid();
        if (outcome != DecisionOutcome.None)
        {
            var to = outcome switch
            {
                DecisionOutcome.Approve => RecommendationStatus.Approved,
                DecisionOutcome.Defer => RecommendationStatus.Deferred,
                _ => RecommendationStatus.Declined,
            };
            // The recommendation's save writes the meeting's decision with it, so neither is kept without the other.
            var changed = await recommendations.UpdateAsync(r.RecommendationId!.Value,
                new RecommendationRequest(Status: to.ToString(), Comment: MeetingRules.DecisionComment(meeting.Kind, meeting.Date, text)), who, ct);
            if (!changed.Succeeded)
                return changed.Errors is { Count: > 0 } e ? Outcome<MeetingDetails>.Invalid(e) : Outcome<MeetingDetails>.Clash(changed.Conflict ?? "");
        }
        else await db.SaveChangesAsync(ct);
        return Outcome<MeetingDetails>.Ok(await DetailsAsync(meeting, ct));
    }

    private DateOnly Today => DateOnly.FromDateTime(Now);

    private async Task BuildAgendaAsync(Meeting meeting, CancellationToken ct)
    {
        if (!MeetingRules.NeedsClient(meeting.Kind)) return;
        meeting.Agenda = await agenda.BuildAsync(meeting, ct);
        meeting.AgendaBuiltAt = Now;
    }

    private async Task CheckClientAndReviewAsync(MeetingKind kind, Guid? clientId, Guid? reviewId, Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        if (clientId is null)
        {
            if (MeetingRules.NeedsClient(kind)) errors["clientId"] = [$"A {MeetingRules.Label(kind)} is held for one client: give its clientId."];
        }
        else if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) errors["clientId"] = ["There is no client with that id."];
        if (kind != MeetingKind.TamVcioDebrief) return;
        if (reviewId is null) { errors["reviewId"] = ["A debrief follows a review: give the reviewId of the review it discusses."]; return; }
        var owner = await db.Reviews.Where(x => x.Id == reviewId).Select(x => (Guid?)x.ClientId).FirstOrDefaultAsync(ct);
        if (owner is null) errors["reviewId"] = ["There is no review with that id."];
        else if (clientId is not null && owner != clientId) errors["reviewId"] = ["That review is of another client than this meeting's."];
    }

    /// <summary>The client's decision maker as an attendee; null without a client or a decision maker.</summary>
    private async Task<MeetingAttendee?> DecisionMakerAsync(Guid? clientId, CancellationToken ct) =>
        clientId is null ? null : await db.Set<Contact>().AsNoTracking().Where(c => c.ClientId == clientId && c.IsDecisionMaker)
            .Select(c => new MeetingAttendee(null, c.Name, c.Email == "" ? null : c.Email, c.Id)).FirstOrDefaultAsync(ct);

    /// <summary>The attendees of a request; null when the request leaves them out (an update then keeps the list it had).</summary>
    private async Task<List<MeetingAttendee>?> AttendeesAsync(List<MeetingAttendeeRequest>? list, Guid? clientId, Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        if (list is null) return null;
        if (list.Count > MeetingRules.MaxAttendees) { errors["attendees"] = [$"Invite at most {MeetingRules.MaxAttendees} people."]; return null; }
        var ids = list.Select(a => a.UserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.Name, u.Email }, ct);
        var contactIds = list.Select(a => a.ContactId).OfType<Guid>().Distinct().ToList();
        var contacts = await db.Set<Contact>().AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.ClientId, c.Name, c.Email }, ct);
        var result = new List<MeetingAttendee>();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            var name = (a.Name ?? "").Trim();
            var email = string.IsNullOrWhiteSpace(a.Email) ? null : a.Email.Trim();
            if (a.UserId is { } userId)
            {
                if (users.TryGetValue(userId, out var user)) result.Add(new(userId, user.Name.Length > 0 ? user.Name : user.Email ?? "", user.Email));
                else errors[$"attendees[{i}].userId"] = ["There is no user with that id."];
            }
            else if (a.ContactId is { } contactId)
            {
                if (!contacts.TryGetValue(contactId, out var contact)) errors[$"attendees[{i}].contactId"] = ["There is no contact with that id."];
                else if (clientId is null)
                    errors[$"attendees[{i}].contactId"] = ["This meeting is not held with a client: invite people by user, or by name and e-mail."];
                else if (contact.ClientId != clientId) errors[$"attendees[{i}].contactId"] = ["That contact belongs to another client than this meeting's."];
                else result.Add(new(null, contact.Name, contact.Email.Length > 0 ? contact.Email : null, contactId));
            }
            else if (name.Length is 0 or > 200 || SingleLine.IsBroken(name))
                errors[$"attendees[{i}].name"] = ["Give the person's name on one line (up to 200 characters), or the userId of a user."];
            else if (email is not null && !MeetingRules.IsEmail(email))
                errors[$"attendees[{i}].email"] = [$"\"{email}\" is not an e-mail address."];
            else result.Add(new(null, name, email));
        }
        return result.DistinctBy(a => a.UserId ?? (a.ContactId is { } c ? "contact:" + c : "name:" + a.Name + a.Email)).ToList();
    }

    private static List<MeetingAgendaItem>? AgendaItems(List<MeetingAgendaItemRequest>? list, Dictionary<string, string[]> errors)
    {
        if (list is null) return null;
        if (list.Count > MeetingRules.MaxAgendaItems) { errors["agenda"] = [$"Keep the agenda to {MeetingRules.MaxAgendaItems} items."]; return null; }
        var items = new List<MeetingAgendaItem>();
        for (var i = 0; i < list.Count; i++)
        {
            var title = (list[i].Title ?? "").Trim();
            var source = MeetingAgendaSource.Custom;
            if (title.Length is 0 or > 500) errors[$"agenda[{i}].title"] = ["Give each agenda item a title of up to 500 characters."];
            else if (list[i].Source is { } s && !ApiEnum.TryParse(s, out source)) errors[$"agenda[{i}].source"] = [$"\"{s}\" is not an agenda source."];
            else items.Add(new(title, source, list[i].SourceId));
        }
        return items;
    }

    private static void CheckTiming(int? duration, string? minutes, Dictionary<string, string[]> errors)
    {
        if (duration is < 5 or > 720) errors["durationMinutes"] = ["A meeting lasts from 5 minutes to 12 hours (720 minutes)."];
        if (Text(minutes).Length > MeetingRules.MinutesMaxLength)
            errors["minutes"] = [$"Keep the minutes to {MeetingRules.MinutesMaxLength:N0} characters or fewer."];
    }

    private async Task<MeetingDetails> DetailsAsync(Meeting m, CancellationToken ct) => MeetingDetails.Of(m,
        m.ClientId is { } clientId ? await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.Name).FirstOrDefaultAsync(ct) : null);

    private static string Text(string? value) => (value ?? "").Trim().ReplaceLineEndings("\n");
}
