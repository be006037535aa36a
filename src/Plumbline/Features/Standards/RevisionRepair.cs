using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Standards;

/// <summary>
/// The one-time repair of revisions recorded when a standard was saved without a real change (the form posted \r\n where the
/// stored text had \n). A revision whose question, how-to-check and priority equal the revision before it, once line endings and
/// trailing spaces are set aside, is folded into that revision, and the later revisions are renumbered so the numbers stay
/// 1, 2, 3 without gaps: the revision history and "changed since the last review" (which compares numbers) then tell the truth.
/// Answers, previous answers and question flags that named a folded or renumbered revision are moved with it.
/// </summary>
public static class RevisionRepair
{
    /// <summary>From each old revision number to the new one; folded revisions map to the revision they are folded into.</summary>
    public static Dictionary<int, int> Renumbering(IReadOnlyList<(int Revision, string Question, string HowToCheck, Priority Priority)> revisions)
    {
        var map = new Dictionary<int, int>();
        (string Question, string HowToCheck, Priority Priority)? kept = null;
        var number = 0;
        foreach (var r in revisions.OrderBy(r => r.Revision))
        {
            var meaning = (StandardValidation.Multiline(r.Question), StandardValidation.Multiline(r.HowToCheck), r.Priority);
            if (kept != meaning) { number++; kept = meaning; }
            map[r.Revision] = number;
        }
        return map;
    }

    public static async Task RunAsync(AppDbContext db, CancellationToken ct)
    {
        var standardIds = await db.StandardRevisions.AsNoTracking().GroupBy(r => r.StandardId).Where(g => g.Count() > 1).Select(g => g.Key)
            .ToListAsync(ct);
        foreach (var standardId in standardIds)
        {
            var revisions = await db.StandardRevisions.Where(r => r.StandardId == standardId).OrderBy(r => r.Revision).ToListAsync(ct);
            var map = Renumbering(revisions.Select(r => (r.Revision, r.Question, r.HowToCheck, r.Priority)).ToList());
            if (map.All(m => m.Key == m.Value)) { db.ChangeTracker.Clear(); continue; }
            var kept = revisions.GroupBy(r => map[r.Revision]).Select(g => g.First()).ToList();
            foreach (var folded in revisions.Except(kept))
            {
                // The later edit's title, why-we-ask and references are the ones to keep, as any edit that changes no meaning does.
                var into = kept.Single(k => map[k.Revision] == map[folded.Revision]);
                into.Title = folded.Title;
                into.WhyWeAsk = folded.WhyWeAsk;
                into.References = [.. folded.References];
                db.StandardRevisions.Remove(folded);
            }
            await db.SaveChangesAsync(ct);
            // Ascending: every new number is at most the old one, so a row never lands on a number another row still holds.
            foreach (var (old, now) in map.Where(m => m.Key != m.Value).OrderBy(m => m.Key))
            {
                if (kept.FirstOrDefault(k => k.Revision == old) is { } moved)
                    await db.StandardRevisions.Where(r => r.Id == moved.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Revision, now), ct);
                await db.ReviewItems.Where(i => i.StandardId == standardId && i.Revision == old)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.Revision, now), ct);
                await db.ReviewItems.Where(i => i.StandardId == standardId && i.PreviousRevision == old)
                    .ExecuteUpdateAsync(u => u.SetProperty(i => i.PreviousRevision, now), ct);
                await db.QuestionFlags.Where(f => f.StandardId == standardId && f.Revision == old)
                    .ExecuteUpdateAsync(u => u.SetProperty(f => f.Revision, now), ct);
            }
            var latest = map.Values.Max();
            await db.Standards.Where(s => s.Id == standardId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Revision, latest), ct);
            db.ChangeTracker.Clear();
        }
    }
}
