using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Standards;

namespace Plumbline.Features.Committee;

/// <summary>The committee's work list: standards due for their yearly review by a day, and the most-flagged questions.</summary>
public sealed class CommitteeWorkList(AppDbContext db, CommitteeAgendaBuilder agenda)
{
    public const int FlaggedShown = 10;

    public sealed record DueStandard(Guid Id, string Code, string Title, DateOnly? NextReviewOn);

    /// <summary>Active standards due by <paramref name="by"/> (the overdue ones too), the longest overdue first.</summary>
    public async Task<List<DueStandard>> DueAsync(DateOnly by, CancellationToken ct) =>
        await db.Standards.AsNoTracking().Where(s => s.Status == StandardStatus.Active && s.NextReviewOn <= by)
            .OrderBy(s => s.NextReviewOn).ThenBy(s => s.Code).Select(s => new DueStandard(s.Id, s.Code, s.Title, s.NextReviewOn)).ToListAsync(ct);

    public Task<List<(Guid StandardId, string Code, string Title, int Unclear, int NotValuable)>> FlaggedAsync(CancellationToken ct) =>
        agenda.FlaggedAsync(FlaggedShown, ct);
}
