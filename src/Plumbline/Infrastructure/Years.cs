using System.Diagnostics.CodeAnalysis;

namespace Plumbline.Infrastructure;

/// <summary>
/// The years Plumbline accepts in dates and year filters. A year outside them is a typing slip (20260 for 2026), and the
/// calendars and fiscal quarters are not built for it, so every feature refuses it with the same range and message.
/// </summary>
public static class Years
{
    public const int First = 2000, Last = 2100;

    public static bool Contains(int year) => year is >= First and <= Last;

    public static bool Contains([NotNullWhen(true)] DateOnly? date) => date is { } d && Contains(d.Year);
}
