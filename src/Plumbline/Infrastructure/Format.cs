using System.Globalization;

namespace Plumbline.Infrastructure;

/// <summary>How people read dates and money in Plumbline (UX.md: "12 Dec 2026").</summary>
public static class Format
{
    public static string Date(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
