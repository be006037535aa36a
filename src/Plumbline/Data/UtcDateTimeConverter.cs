using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Plumbline.Data;

/// <summary>
/// Keeps every stored <see cref="DateTime"/> in UTC on both databases. SQLite keeps times as text without a zone and hands
/// them back as <see cref="DateTimeKind.Unspecified"/>, which JSON writes without a "Z" and a client reads as its local time;
/// Npgsql hands them back as UTC. Reads are marked UTC on both. Writes: a local time is converted, and an unspecified one is
/// taken to be UTC already, because the app makes its times from the injected TimeProvider's UTC clock.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => ToUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
