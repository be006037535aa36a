using System.Globalization;

namespace Plumbline.Infrastructure;

/// <summary>
/// How people read dates and money in Plumbline (UX.md: "12 Dec 2026"). Times are stored in UTC and shown in the provider's
/// time zone (Settings), which Settings.ProviderTimeZone sets for each page request; outside a request they stay in UTC.
/// </summary>
public static class Format
{
    private static readonly AsyncLocal<TimeZoneInfo?> CurrentZone = new();

    /// <summary>The zone times are shown in for the current request (UTC unless the provider chose another).</summary>
    public static TimeZoneInfo Zone
    {
        get => CurrentZone.Value ?? TimeZoneInfo.Utc;
        set => CurrentZone.Value = value;
    }

    /// <summary>A stored UTC time as the clock on the wall reads in a zone.</summary>
    public static System.DateTime Local(System.DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The day a UTC time falls on in the provider's zone: "12 Dec 2026".</summary>
    public static string Date(System.DateTime utc) => Date(utc, Zone);

    public static string Date(System.DateTime utc, TimeZoneInfo zone) => Local(utc, zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// A UTC time in the provider's zone: "12 Dec 2026, 14:05". While the provider keeps UTC the time says so ("14:05 UTC"),
    /// since people would otherwise take it for their own.
    /// </summary>
    public static string DateTime(System.DateTime utc) => DateTime(utc, Zone);

    public static string DateTime(System.DateTime utc, TimeZoneInfo zone) =>
        Local(utc, zone).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + (IsUtc(zone) ? " UTC" : "");

    /// <summary>A UTC time in the provider's zone with the zone named, where it matters who reads it where: "12 Dec 2026, 14:05 (Europe/London)".</summary>
    public static string DateTimeWithZone(System.DateTime utc) => DateTimeWithZone(utc, Zone);

    public static string DateTimeWithZone(System.DateTime utc, TimeZoneInfo zone) =>
        IsUtc(zone) ? DateTime(utc, zone) : $"{DateTime(utc, zone)} ({zone.Id})";

    private static bool IsUtc(TimeZoneInfo zone) => zone.Id == TimeZoneInfo.Utc.Id;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date, string empty = "—") => date is { } d ? Date(d) : empty;

    /// <summary>A percentage with two decimals, as pricing shows margins and markups: "23.08%".</summary>
    public static string Percent(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>Money with the provider's currency symbol and two decimals: "$6,250.50".</summary>
    public static string Money(decimal amount, string symbol) =>
        (amount < 0 ? "-" : "") + symbol + Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A score as people read it: one decimal, or a dash when nothing counts yet.</summary>
    public static string Score(decimal? score) => score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
