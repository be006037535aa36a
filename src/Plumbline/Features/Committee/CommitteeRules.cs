namespace Plumbline.Features.Committee;

/// <summary>The committee's calendar rules: how a year of meetings is spread.</summary>
public static class CommitteeRules
{
    public const int DefaultMeetingsPerYear = 4;
    public const int MaxMeetingsPerYear = 52;
    public const int MinutesMaxLength = 20_000;

    /// <summary>Monday to Friday and not one of the provider's holidays.</summary>
    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly> holidays) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>
    /// <paramref name="count"/> meeting days spread evenly over the year: the year is cut into equal periods and each meeting lands in
    /// the middle of its period, or on the nearest working day of the year not taken yet (later first when two are as near).
    /// Four meetings fall in mid-February, mid-May, mid-August and mid-November.
    /// </summary>
    public static List<DateOnly> Spread(int year, int count, Func<DateOnly, bool> isWorkingDay)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var days = last.DayNumber - first.DayNumber + 1;
        var chosen = new List<DateOnly>();
        for (var i = 0; i < count; i++)
        {
            var target = first.AddDays((int)Math.Floor((i + 0.5) * days / count));
            for (var offset = 0; offset < days; offset++)
            {
                if (Pick(target.AddDays(offset)) || (offset > 0 && Pick(target.AddDays(-offset)))) break;
            }
        }
        return chosen.Order().ToList();

        bool Pick(DateOnly day)
        {
            if (day < first || day > last || !isWorkingDay(day) || chosen.Contains(day)) return false;
            chosen.Add(day);
            return true;
        }
    }
}
