using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.Meetings;

/// <summary>
/// When a review is submitted, a TAM-vCIO debrief is proposed with the review's TAM and the client's vCIO, its agenda built from the
/// review. Only added to the context: the submit's own save writes it. A review sent back and submitted again keeps its one debrief.
/// </summary>
public static class DebriefProposal
{
    public static async Task AddAsync(AppDbContext db, Review review, DateTime now, CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(m => m.ReviewId == review.Id && m.Kind == MeetingKind.TamVcioDebrief, ct)) return;
        var vcio = await db.Clients.Where(c => c.Id == review.ClientId).Select(c => c.VcioUserId).FirstOrDefaultAsync(ct) ?? review.VcioUserId;
        var ids = new[] { review.TamUserId, vcio }.OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Email }).ToListAsync(ct);
        db.Meetings.Add(new Meeting
        {
            Kind = MeetingKind.TamVcioDebrief,
            ClientId = review.ClientId,
            ReviewId = review.Id,
            Date = DateOnly.FromDateTime(now).AddDays(MeetingRules.DebriefAfterDays),
            Status = MeetingStatus.Proposed,
            Attendees = people.OrderBy(p => ids.IndexOf(p.Id)).Select(p => new MeetingAttendee(p.Id, p.Name.Length > 0 ? p.Name : p.Email ?? "", p.Email))
                .ToList(),
            Agenda = await MeetingAgendaBuilder.DebriefAsync(db, review.Id, ct),
            AgendaBuiltAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }
}
