using System.Globalization;

namespace Plumbline.Features.Schedule.Pages;

/// <summary>
/// Links between the schedule pages that keep what the person chose: the year and the TAM travel in the query string, so the
/// calendar opens on the year the schedule showed and on the TAM the calendar showed last.
/// </summary>
public static class CalendarLinks
{
    /// <summary>The calendar of a year: this month when it is the current year, January otherwise.</summary>
    public static string Calendar(string? tamUserId, int year, DateOnly today) =>
        "/schedule/calendar?" + Tam(tamUserId) + string.Create(CultureInfo.InvariantCulture, $"month={year:0000}-{(year == today.Year ? today.Month : 1):00}");

    /// <summary>The schedule of a year, remembering the TAM for the way back to the calendar.</summary>
    public static string Schedule(string? tamUserId, int year) =>
        "/schedule?" + Tam(tamUserId) + string.Create(CultureInfo.InvariantCulture, $"year={year}");

    private static string Tam(string? tamUserId) => string.IsNullOrEmpty(tamUserId) ? "" : $"tam={Uri.EscapeDataString(tamUserId)}&";
}
