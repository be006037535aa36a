using Plumbline.Infrastructure;

namespace Plumbline.Features.Settings;

/// <summary>
/// The provider's time zone (an IANA name such as "Europe/London"). Storage and the API keep UTC; pages show times in this zone
/// through <see cref="Format"/>, which this sets for every signed-in page request.
/// </summary>
public static class ProviderTimeZone
{
    public const string Default = "UTC";
    public const int MaxLength = 64;

    /// <summary>The zone of that name, or null when this machine knows no such zone.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Trim().Length > MaxLength) return null;
        if (string.Equals(id.Trim(), Default, StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
        try { return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return null; }
    }

    /// <summary>The provider's date at that instant (UTC when the zone is unknown): a date that ends, such as a validity date, ends at the
    /// provider's midnight.</summary>
    public static DateOnly Today(DateTimeOffset now, string? id) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Find(id) ?? TimeZoneInfo.Utc).DateTime);

    /// <summary>What the settings page says about a name that is not a time zone.</summary>
    public static string Unknown(string id) =>
        $"\"{id.Trim()}\" is not a time zone Plumbline knows. Use the zone's IANA name, such as Europe/London, America/New_York or Australia/Sydney.";

    /// <summary>Every zone this machine knows, for the settings page's suggestions.</summary>
    public static IReadOnlyList<string> Known() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/')).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Shows the times of every signed-in page in the provider's zone. API calls, files and anonymous pages keep UTC and skip the
    /// settings read.
    /// </summary>
    public static IApplicationBuilder UseProviderTimeZone(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !ApiErrors.IsApi(context) && !Path.HasExtension(context.Request.Path.Value))
        {
            var settings = await context.RequestServices.GetRequiredService<ProviderSettingsService>().GetAsync(context.RequestAborted);
            Format.Zone = Find(settings.TimeZoneId) ?? TimeZoneInfo.Utc;
        }
        await next(context);
    });
}
