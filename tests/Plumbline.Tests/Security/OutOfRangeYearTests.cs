using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>A year no calendar can hold is the caller's mistake: a clear 400 naming the field, never a 500.</summary>
public sealed class OutOfRangeYearTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(9999)]
    [InlineData(10000)]
    public async Task Capacity_leave_holidays_and_visits_refuse_a_year_out_of_range(int year)
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");

        foreach (var url in new[]
        {
            $"/api/v1/users/{tam.Id}/capacity?year={year}", $"/api/v1/users/{tam.Id}/leave?year={year}",
            $"/api/v1/capacity?year={year}", $"/api/v1/holidays?year={year}", $"/api/v1/visits?year={year}",
        })
            await (await admin.GetAsync(url)).ValidationProblemAsync("year");
    }

    [Fact]
    public async Task A_year_in_range_still_answers()
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync("/api/v1/holidays?year=2027")).ExpectAsync(System.Net.HttpStatusCode.OK);
        await (await admin.GetAsync("/api/v1/capacity?year=2100")).ExpectAsync(System.Net.HttpStatusCode.OK);
    }
}
