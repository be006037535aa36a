using Plumbline.Features.Standards;

namespace Plumbline.Features.Reports.LibraryChanges;

/// <summary>One standard as the client reads it: what we ask and why, in the words of its latest revision in the period.</summary>
public sealed record ClientStandard(string Code, string Title, string Question, string WhyWeAsk, string SectionName);

/// <summary>
/// The change log seen from the client's side: each standard once, by where it ended the period. A standard that became active is new
/// (with its latest wording), one that only gained revisions is changed, one whose last event is its retirement is no longer checked.
/// </summary>
public sealed record LibraryChangesSummary(DateOnly From, DateOnly To, IReadOnlyList<ClientStandard> New, IReadOnlyList<ClientStandard> Changed,
    IReadOnlyList<ClientStandard> Retired)
{
    public bool IsEmpty => New.Count == 0 && Changed.Count == 0 && Retired.Count == 0;

    public static LibraryChangesSummary Of(LibraryChangeLog log)
    {
        List<ClientStandard> added = [], changed = [], retired = [];
        foreach (var events in log.Items.GroupBy(i => i.StandardId))
        {
            var last = events.MaxBy(e => e.At)!;
            var latest = events.MaxBy(e => (e.Revision, e.At))!;
            var standard = new ClientStandard(latest.Code, latest.Title, latest.Question, latest.WhyWeAsk, latest.SectionName);
            if (last.Kind == LibraryChangeKind.Retired) retired.Add(standard);
            else if (events.Any(e => e.Kind == LibraryChangeKind.New)) added.Add(standard);
            else changed.Add(standard);
        }
        return new(log.From, log.To, Sorted(added), Sorted(changed), Sorted(retired));
    }

    private static List<ClientStandard> Sorted(List<ClientStandard> list) =>
        [.. list.OrderBy(s => s.SectionName, StringComparer.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)];
}
