using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Schedule;

/// <summary>A TAM's home page starts with the coming visit days, each linked to its visit page.</summary>
public sealed class TamHomeTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_tams_home_lists_the_next_visits_but_not_cancelled_or_far_ones()
    {
        var admin = await factory.AdminAsync();
        var (tamApi, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, 4);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var soon = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Wednesday, today.AddDays(1)));
        var cancelled = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Thursday, today.AddDays(1)));
        await (await admin.PostAsync($"/api/v1/visits/{cancelled.Id}/cancel", null)).ExpectAsync(HttpStatusCode.OK);
        var far = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Tuesday, today.AddDays(60)));

        var home = await (await tamApi.GetAsync("/")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Your next visits", home);
        Assert.Contains($"/visits/{soon.Id}", home);
        Assert.DoesNotContain($"/visits/{cancelled.Id}", home);
        Assert.DoesNotContain($"/visits/{far.Id}", home);
    }
}
