using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Committee;

/// <summary>
/// Builds a meeting's agenda from the library as it stands: one method per source, in the order the agenda lists them: the
/// proposals waiting for a decision, the standards due for their yearly review, the most-flagged questions.
/// </summary>
public sealed class CommitteeAgendaBuilder(AppDbContext db)
{
    /// <summary>How many of the most-flagged questions an agenda lists.</summary>
    public const int MostFlaggedCount = 10;

    public async Task<List<CommitteeAgendaItem>> BuildAsync(DateOnly meetingDate, CancellationToken ct) =>
    [
        .. await ProposalsWaitingAsync(ct),
        .. await StandardsDueForReviewAsync(meetingDate, ct),
        .. await MostFlaggedQuestionsAsync(ct),
    ];

    /// <summary>Open and deferred proposals, the oldest first: the committee decides in the order they came.</summary>
    public async Task<List<CommitteeAgendaItem>> ProposalsWaitingAsync(CancellationToken ct)
    {
        var waiting = await db.StandardProposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Open || p.Status == ProposalStatus.Deferred)
            .OrderBy(p => p.ProposedAt).ToListAsync(ct);
        return waiting.Select(p => new CommitteeAgendaItem(
            $"Proposal: {p.Kind switch { ProposalKind.New => "new standard", ProposalKind.Change => "change to", _ => "retire" }} " +
            $"{p.Proposed.Code} {p.Proposed.Title}, from {p.ProposedByName}{(p.Status == ProposalStatus.Deferred ? " (deferred)" : "")}",
            CommitteeAgendaSource.Proposal, p.Id)).ToList();
    }

    /// <summary>Active standards whose yearly review falls due by the meeting day, the longest overdue first.</summary>
    public async Task<List<CommitteeAgendaItem>> StandardsDueForReviewAsync(DateOnly by, CancellationToken ct)
    {
        var due = await db.Standards.AsNoTracking().Where(s => s.Status == StandardStatus.Active && s.NextReviewOn <= by)
            .OrderBy(s => s.NextReviewOn).ThenBy(s => s.Code).Select(s => new { s.Id, s.Code, s.Title, s.NextReviewOn }).ToListAsync(ct);
        return due.Select(s => new CommitteeAgendaItem($"Yearly review: {s.Code} {s.Title} (due {s.NextReviewOn:yyyy-MM-dd})",
            CommitteeAgendaSource.StandardDueForReview, s.Id)).ToList();
    }

    /// <summary>The active questions with the most open flags from reviews (unclear or not valuable), the most-flagged first.</summary>
    public async Task<List<CommitteeAgendaItem>> MostFlaggedQuestionsAsync(CancellationToken ct) =>
        (await FlaggedAsync(MostFlaggedCount, ct)).Select(f => (f, Count: f.Unclear + f.NotValuable))
            .Select(x => new CommitteeAgendaItem($"Flagged question: {x.f.Code} {x.f.Title} ({x.Count} open flag{(x.Count == 1 ? "" : "s")})",
                CommitteeAgendaSource.FlaggedQuestion, x.f.StandardId))
            .ToList();

    /// <summary>The flagged questions with their open flag counts, for the committee's work list.</summary>
    public async Task<List<(Guid StandardId, string Code, string Title, int Unclear, int NotValuable)>> FlaggedAsync(int take, CancellationToken ct)
    {
        var counts = await db.QuestionFlags.AsNoTracking().Where(f => !f.Closed).GroupBy(f => new { f.StandardId, f.Reason })
            .Select(g => new { g.Key.StandardId, g.Key.Reason, Count = g.Count() }).ToListAsync(ct);
        var ids = counts.Select(c => c.StandardId).Distinct().ToList();
        var standards = await db.Standards.AsNoTracking().Where(s => ids.Contains(s.Id) && s.Status == StandardStatus.Active)
            .Select(s => new { s.Id, s.Code, s.Title }).ToDictionaryAsync(s => s.Id, ct);
        return counts.Where(c => standards.ContainsKey(c.StandardId)).GroupBy(c => c.StandardId)
            .Select(g => (g.Key, standards[g.Key].Code, standards[g.Key].Title,
                g.Where(c => c.Reason == Reviews.FlagReason.Unclear).Sum(c => c.Count),
                g.Where(c => c.Reason == Reviews.FlagReason.NotValuable).Sum(c => c.Count)))
            .OrderByDescending(x => x.Item4 + x.Item5).ThenBy(x => x.Code, StringComparer.Ordinal).Take(take).ToList();
    }
}
