using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Plumbline.Features.Audit;
using Plumbline.Features.Settings;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Settings;

/// <summary>Times are stored in UTC and shown in the provider's zone, across the changes of daylight saving time.</summary>
public sealed class TimeZoneFormatTests
{
    private static readonly TimeZoneInfo London = ProviderTimeZone.Find("Europe/London")!;
    private static readonly TimeZoneInfo NewYork = ProviderTimeZone.Find("America/New_York")!;

    private static DateTime Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void London_is_an_hour_ahead_in_summer_and_on_UTC_in_winter()
    {
        Assert.Equal("1 Jul 2026, 14:05", Format.DateTime(Utc(7, 1, 13, 5), London));
        Assert.Equal("1 Dec 2026, 13:05", Format.DateTime(Utc(12, 1, 13, 5), London));
    }

    [Fact]
    public void The_clocks_go_forward_in_London_at_one_in_the_morning_UTC_on_29_March_2026()
    {
        Assert.Equal("29 Mar 2026, 00:59", Format.DateTime(Utc(3, 29, 0, 59), London));
        Assert.Equal("29 Mar 2026, 02:00", Format.DateTime(Utc(3, 29, 1, 0), London));
    }

    [Fact]
    public void The_hour_New_York_repeats_when_its_clocks_go_back_shows_the_same_wall_time_twice()
    {
        Assert.Equal("1 Nov 2026, 01:30", Format.DateTime(Utc(11, 1, 5, 30), NewYork));
        Assert.Equal("1 Nov 2026, 01:30", Format.DateTime(Utc(11, 1, 6, 30), NewYork));
    }

    [Fact]
    public void A_time_late_in_the_UTC_evening_is_the_next_day_in_Auckland()
    {
        Assert.Equal("29 Mar 2026", Format.Date(Utc(3, 28, 23, 30), ProviderTimeZone.Find("Pacific/Auckland")!));
    }

    [Fact]
    public void UTC_says_so_and_a_chosen_zone_is_named_where_it_matters()
    {
        Assert.Equal("1 Jul 2026, 13:05 UTC", Format.DateTime(Utc(7, 1, 13, 5), TimeZoneInfo.Utc));
        Assert.Equal("1 Jul 2026, 14:05 (Europe/London)", Format.DateTimeWithZone(Utc(7, 1, 13, 5), London));
        Assert.Equal("1 Jul 2026, 13:05 UTC", Format.DateTimeWithZone(Utc(7, 1, 13, 5), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Europe/Londn")]
    [InlineData("")]
    public void A_name_that_is_no_zone_is_not_found(string id) => Assert.Null(ProviderTimeZone.Find(id));

    [Fact]
    public void UTC_is_the_default_and_found_by_name() => Assert.Equal(TimeZoneInfo.Utc, ProviderTimeZone.Find(ProviderTimeZone.Default));
}

/// <summary>The settings page's time zone, on an instance of its own each time since the setting covers every page.</summary>
public abstract class TimeZoneSettingTests(PlumblineFactory factory)
{
    private static Dictionary<string, string> Form(string timeZone) => SettingsForm.With(("TimeZoneId", timeZone));

    [Fact]
    public async Task An_unknown_zone_is_refused_with_a_message_that_says_what_to_enter()
    {
        await using var instance = factory.NewInstance();
        await instance.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail);

        var page = await (await admin.SubmitAsync("/settings", "/settings", Form("Mars/Olympus_Mons"), "settings")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("\"Mars/Olympus_Mons\" is not a time zone Plumbline knows. Use the zone's IANA name, such as Europe/London",
            WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("Settings saved.", page);
        Assert.Contains("value=\"UTC\"", await (await admin.GetAsync("/settings")).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Pages_show_times_in_the_chosen_zone_while_the_API_keeps_UTC()
    {
        await using var instance = factory.NewInstance();
        var api = await instance.AdminAsync();
        var admin = await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail);

        Assert.Contains("Settings saved.", await (await admin.SubmitAsync("/settings", "/settings", Form("Europe/London"), "settings"))
            .ExpectAsync(HttpStatusCode.OK));

        var entry = (await (await api.GetAsync("/api/v1/audit?entityType=ProviderSettings")).ReadAsync<Paged<AuditEntryDetails>>()).Items[0];
        Assert.Equal(DateTimeKind.Utc, entry.At.Kind);
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var shown = TimeZoneInfo.ConvertTimeFromUtc(entry.At, london).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        var html = await (await admin.GetAsync("/audit?entityType=ProviderSettings")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"{shown} (Europe/London)", html);
        var text = Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")), @"\s+", " ");
        Assert.Contains("Time zone: UTC → changed to Europe/London", text);
        Assert.Contains("value=\"Europe/London\"", await (await admin.GetAsync("/settings")).ExpectAsync(HttpStatusCode.OK));
    }
}

public sealed class TimeZoneSettingOnSqlite(SqliteFactory factory) : TimeZoneSettingTests(factory), IClassFixture<SqliteFactory>;

public sealed class TimeZoneSettingOnPostgres(PostgresFactory factory) : TimeZoneSettingTests(factory), IClassFixture<PostgresFactory>;
