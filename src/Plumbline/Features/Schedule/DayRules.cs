namespace Plumbline.Features.Schedule;

/// <summary>Why a day cannot take a visit, in words; shared by moving a visit by hand and by the planner's tests.</summary>
public static class DayRules
{
    public static bool Includes(int bits, DayOfWeek day) => (bits & (1 << (int)day)) != 0;

    public static int ToBits(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (bits, d) => bits | (1 << (int)d));

    public static IReadOnlySet<DayOfWeek> FromBits(int bits) => Enum.GetValues<DayOfWeek>().Where(d => Includes(bits, d)).ToHashSet();

    /// <summary>Every date from first to last inclusive that falls in the year.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last, int year)
    {
        var from = first.Year < year ? new DateOnly(year, 1, 1) : first;
        var to = last.Year > year ? new DateOnly(year, 12, 31) : last;
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    /// <summary>Null when the day is fine; otherwise the first reason it is not, as a sentence.</summary>
    public static string? Problem(DateOnly day, string? holiday, bool tamOnLeave, string tamName, string clientName, int clientNoVisitBits,
        string? clientBlackout, string? tamBusyAt)
    {
        var date = Infrastructure.Format.Date(day);
        if (!YearPlanner.IsWeekday(day)) return $"{date} is a {day.DayOfWeek}. Visits are on working days, Monday to Friday.";
        if (holiday is not null) return $"{date} is a holiday ({holiday}).";
        if (tamOnLeave) return $"{tamName} is on leave on {date}.";
        if (Includes(clientNoVisitBits, day.DayOfWeek)) return $"{clientName} cannot host visits on {day.DayOfWeek}s.";
        if (clientBlackout is not null) return $"{clientName} cannot host a visit on {date}: {clientBlackout}.";
        if (tamBusyAt is not null) return $"{tamName} already has a visit at {tamBusyAt} on {date}.";
        return null;
    }
}
