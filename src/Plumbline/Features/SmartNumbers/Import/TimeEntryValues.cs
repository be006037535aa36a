using System.Globalization;
using System.Text.RegularExpressions;

namespace Plumbline.Features.SmartNumbers.Import;

/// <summary>Parses the dates and hours PSA exports write. Pure functions, unit-tested.</summary>
public static partial class TimeEntryValues
{
    public const decimal MaxHours = 24m;

    /// <summary>
    /// Reads a date as written (any time of day or time zone after it is ignored: the day the PSA shows is the day counted).
    /// Accepted without a format: yyyy-MM-dd and yyyy/MM/dd (ISO, with or without a time such as "T09:30:00Z"), M/d/yyyy (the US
    /// form ConnectWise, Autotask and HaloPSA use in US-English exports, with or without a time such as "3:15 PM") and d.M.yyyy.
    /// A saved mapping may give its own .NET format (e.g. "dd/MM/yyyy"), tried first.
    /// </summary>
    public static bool TryParseDate(string? text, string? format, out DateOnly date)
    {
        date = default;
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return false;
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
                return Valid(DateOnly.FromDateTime(exact), out date);
            // The format names the date only: accept a time after it.
            var space = s.IndexOf(' ');
            if (space > 0 && DateTime.TryParseExact(s[..space], format, CultureInfo.InvariantCulture, DateTimeStyles.None, out exact))
                return Valid(DateOnly.FromDateTime(exact), out date);
        }
        if (Iso().Match(s) is { Success: true } iso) return Make(iso, "y", "m", "d", out date);
        if (Us().Match(s) is { Success: true } us) return Make(us, "y", "m", "d", out date);
        if (Dotted().Match(s) is { Success: true } dot) return Make(dot, "y", "m", "d", out date);
        return false;
    }

    private static bool Make(Match m, string y, string mo, string d, out DateOnly date)
    {
        date = default;
        var year = int.Parse(m.Groups[y].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[mo].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[d].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month)) return false;
        return Valid(new DateOnly(year, month, day), out date);
    }

    private static bool Valid(DateOnly value, out DateOnly date)
    {
        date = value;
        return value.Year is >= 1990 and <= 2100;
    }

    /// <summary>
    /// Reads hours: a decimal number with a point or a comma as the decimal separator ("1.5", "1,5"), or hours and minutes ("1:30").
    /// The result is rounded to two places and must be more than 0 and at most 24.
    /// </summary>
    public static HoursResult ParseHours(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) return new(null, "The hours are empty.");
        decimal value;
        if (HoursMinutes().Match(s) is { Success: true } hm)
        {
            var minutes = int.Parse(hm.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (minutes > 59) return new(null, $"'{Short(s)}' is not a number of hours.");
            value = int.Parse(hm.Groups["h"].Value, CultureInfo.InvariantCulture) + minutes / 60m;
        }
        else
        {
            var normal = s.Contains(',') && !s.Contains('.') && s.Count(c => c == ',') == 1 ? s.Replace(',', '.') : s;
            if (!decimal.TryParse(normal, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                return new(null, $"'{Short(s)}' is not a number of hours.");
        }
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (rounded <= 0) return new(null, $"The hours must be more than 0 (found {Short(s)}).");
        if (rounded > MaxHours) return new(null, $"The hours must be at most 24 for one entry (found {Short(s)}).");
        return new(rounded, null);
    }

    /// <summary>Trims a text value and cuts it to the column's length.</summary>
    public static string Text(string? value, int max)
    {
        var s = (value ?? "").Trim();
        return s.Length <= max ? s : s[..max].TrimEnd();
    }

    public static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";

    public readonly record struct HoursResult(decimal? Hours, string? Error);

    [GeneratedRegex(@"^(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})([T ].*)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4})( .*)?$")]
    private static partial Regex Us();

    [GeneratedRegex(@"^(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4})( .*)?$")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})$")]
    private static partial Regex HoursMinutes();
}
