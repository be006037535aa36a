using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Tests.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>
/// A sent proposal expires when its validity date has passed in the provider's time zone, not in UTC. The zones have no daylight saving
/// time (Kiritimati is UTC+14 and Honolulu UTC-10 all year), and the instance is the test class's own, since the zone covers it all.
/// </summary>
public abstract class ProposalExpiryTests(ClockedFactory factory)
{
    private static Dictionary<string, string> ZoneForm(string timeZone) => TestSupport.SettingsForm.With(("TimeZoneId", timeZone));

    private async Task<HttpClient> InZoneAsync(string timeZone)
    {
        var api = await factory.AdminAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        Assert.Contains("Settings saved.", await (await browser.SubmitAsync("/settings", "/settings", ZoneForm(timeZone), "settings"))
            .ExpectAsync(HttpStatusCode.OK));
        return api;
    }

    /// <summary>Moves the clock forward (it never goes back) to that UTC day at that hour, on the first such day from tomorrow.</summary>
    private DateOnly MoveTo(int hour, int daysAhead = 1)
    {
        var day = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(daysAhead);
        factory.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero));
        return day;
    }

    private static async Task<Guid> SentProposalAsync(HttpClient api, Guid clientId, DateOnly validUntil)
    {
        var proposal = (await (await api.PostAsJsonAsync("/api/v1/proposals", new
        {
            clientId,
            title = "Replace the edge firewall",
            validUntil = validUntil.ToString("yyyy-MM-dd"),
            lines = new[] { new { kind = "Hardware", description = "Firewall", quantity = 1, unitCost = 3000, pricingMode = "Margin", pricingPercent = 40 } },
        })).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal("Sent", (await (await api.PostAsync($"/api/v1/proposals/{proposal}/send", null)).ReadJsonAsync()).GetProperty("status").GetString());
        return proposal;
    }

    private static async Task<string?> StatusAsync(HttpClient api, Guid proposal) =>
        (await (await api.GetAsync($"/api/v1/proposals/{proposal}")).ReadJsonAsync()).GetProperty("status").GetString();

    private static async Task<List<Guid>> ListedAsync(HttpClient api, Guid clientId, string status) =>
        [.. (await (await api.GetAsync($"/api/v1/proposals?clientId={clientId}&status={status}")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];

    [Fact]
    public async Task A_proposal_expires_at_the_providers_midnight_even_while_the_UTC_date_is_still_its_last_day()
    {
        var api = await InZoneAsync("Pacific/Kiritimati");
        var client = await api.CreateClientAsync();
        // 12:00 UTC is 02:00 the next day in Kiritimati: the provider's date is already the validity date.
        var validUntil = MoveTo(12).AddDays(1);
        var proposal = await SentProposalAsync(api, client.Id, validUntil);

        // 11:00 UTC on the validity date is 01:00 the day after it in Kiritimati.
        factory.Clock.SetUtcNow(new DateTimeOffset(validUntil.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero));

        Assert.Equal("Expired", await StatusAsync(api, proposal));
        Assert.Contains(proposal, await ListedAsync(api, client.Id, "Expired"));
        Assert.DoesNotContain(proposal, await ListedAsync(api, client.Id, "Sent"));
        var refused = await (await api.PostAsJsonAsync($"/api/v1/proposals/{proposal}/accept", new { acceptedBy = "Chris Client" }))
            .ValidationProblemAsync("status");
        Assert.Contains("expired", refused.GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task A_proposal_stays_open_on_its_last_day_in_the_providers_zone_after_the_UTC_date_has_moved_on()
    {
        var api = await InZoneAsync("Pacific/Honolulu");
        var client = await api.CreateClientAsync();
        // 12:00 UTC is 02:00 the same day in Honolulu.
        var validUntil = MoveTo(12);
        var proposal = await SentProposalAsync(api, client.Id, validUntil);

        // 05:00 UTC the day after is still 19:00 on the validity date in Honolulu.
        factory.Clock.SetUtcNow(new DateTimeOffset(validUntil.AddDays(1).ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));

        Assert.Equal("Sent", await StatusAsync(api, proposal));
        Assert.Contains(proposal, await ListedAsync(api, client.Id, "Sent"));
        Assert.DoesNotContain(proposal, await ListedAsync(api, client.Id, "Expired"));
        var accepted = await (await api.PostAsJsonAsync($"/api/v1/proposals/{proposal}/accept", new { acceptedBy = "Chris Client" })).ReadJsonAsync();
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
    }
}

public sealed class ProposalExpiryOnSqlite(SqliteClockedFactory factory) : ProposalExpiryTests(factory), IClassFixture<SqliteClockedFactory>;

public sealed class ProposalExpiryOnPostgres(PostgresClockedFactory factory) : ProposalExpiryTests(factory), IClassFixture<PostgresClockedFactory>;
