using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Plumbline.Features.Schedule;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Schedule;

/// <summary>An instance whose clock the test moves, starting on a whole second so times survive PostgreSQL unchanged.</summary>
public class ClockedFactory(TestDatabase database) : PlumblineFactory(database)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteClockedFactory() : ClockedFactory(TestDatabase.Sqlite);

public sealed class PostgresClockedFactory() : ClockedFactory(TestDatabase.Postgres);

/// <summary>What calendar programs rely on to notice a change, and to poll a feed cheaply.</summary>
public abstract class CalendarFeedChangeTests(ClockedFactory factory)
{
    [Fact]
    public async Task A_moved_or_cancelled_visit_gets_a_higher_sequence_and_a_new_last_modified_and_the_feed_a_new_etag()
    {
        var (admin, feedPath, moving, staying) = await FeedWithTwoVisitsAsync();
        var created = factory.Clock.GetUtcNow().UtcDateTime;
        var anonymous = factory.CreateClient();

        var first = await anonymous.GetAsync(feedPath);
        var text = await first.ExpectAsync(HttpStatusCode.OK);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H", text);
        Assert.Contains("X-PUBLISHED-TTL:PT1H", text);
        var before = Calendar.Load(text)!.Events.Single(e => e.Uid == $"visit-{moving.Id}@plumbline");
        Assert.Equal((0, created), (before.Sequence, before.LastModified!.AsUtc));
        var unchanged = await anonymous.SendAsync(Conditional(feedPath, etag));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(etag, unchanged.Headers.ETag);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await admin.PostAsJsonAsync($"/api/v1/visits/{moving.Id}/move", new { date = moving.Date.AddDays(1) })).ExpectAsync(HttpStatusCode.OK);
        var afterMove = await anonymous.SendAsync(Conditional(feedPath, etag));

        var moved = Calendar.Load(await afterMove.ExpectAsync(HttpStatusCode.OK))!.Events.Single(e => e.Uid == $"visit-{moving.Id}@plumbline");
        Assert.NotEqual(etag, afterMove.Headers.ETag);
        Assert.Equal((1, created.AddMinutes(10), moving.Date.AddDays(1)), (moved.Sequence, moved.LastModified!.AsUtc, moved.DtStart!.Date));
        Assert.Equal("OPAQUE", moved.Transparency);

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await admin.PostAsync($"/api/v1/visits/{moving.Id}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        var calendar = Calendar.Load(await (await anonymous.SendAsync(Conditional(feedPath, afterMove.Headers.ETag!))).ExpectAsync(HttpStatusCode.OK))!;

        var cancelled = calendar.Events.Single(e => e.Uid == $"visit-{moving.Id}@plumbline");
        Assert.Equal((2, created.AddMinutes(20)), (cancelled.Sequence, cancelled.LastModified!.AsUtc));
        Assert.Equal(("CANCELLED", "TRANSPARENT"), (cancelled.Status, cancelled.Transparency));
        var untouched = calendar.Events.Single(e => e.Uid == $"visit-{staying.Id}@plumbline");
        Assert.Equal((0, created, "OPAQUE"), (untouched.Sequence, untouched.LastModified!.AsUtc, untouched.Transparency));
    }

    [Fact]
    public async Task A_feed_answers_head_with_the_get_headers_and_no_body()
    {
        var (_, feedPath, _, _) = await FeedWithTwoVisitsAsync();
        var anonymous = factory.CreateClient();
        var get = await anonymous.GetAsync(feedPath);
        var body = await get.Content.ReadAsByteArrayAsync();

        var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, feedPath));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal("text/calendar", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        var missing = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/calendar/not-a-real-token-at-all-000.ics"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<(HttpClient Admin, string FeedPath, VisitDetails Moving, VisitDetails Staying)> FeedWithTwoVisitsAsync()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var day = ScheduleData.On(DayOfWeek.Tuesday, DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(30));
        var moving = await admin.CreateVisitAsync(client.Id, day);
        var staying = await admin.CreateVisitAsync(client.Id, day.AddDays(7));
        var feed = await (await admin.PostAsync($"/api/v1/users/{tam.Id}/calendar-feed", null)).ReadAsync<CalendarFeedDetails>();
        return (admin, new Uri(feed.Url).PathAndQuery, moving, staying);
    }

    private static HttpRequestMessage Conditional(string path, System.Net.Http.Headers.EntityTagHeaderValue etag) =>
        new(HttpMethod.Get, path) { Headers = { IfNoneMatch = { etag } } };
}

public sealed class CalendarFeedChangeOnSqlite(SqliteClockedFactory factory) : CalendarFeedChangeTests(factory), IClassFixture<SqliteClockedFactory>;

public sealed class CalendarFeedChangeOnPostgres(PostgresClockedFactory factory) : CalendarFeedChangeTests(factory), IClassFixture<PostgresClockedFactory>;
