using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Features.Schedule;

namespace Plumbline.Tests.TestSupport;

/// <summary>TAMs, clients and visits for the schedule tests, made through the API.</summary>
public static class ScheduleData
{
    /// <summary>Plans are only allowed for this year and later; next year is always wholly in the future.</summary>
    public static int NextYear => DateTime.UtcNow.Year + 1;

    /// <summary>The first given weekday on or after the date.</summary>
    public static DateOnly On(DayOfWeek day, DateOnly from)
    {
        while (from.DayOfWeek != day) from = from.AddDays(1);
        return from;
    }

    public static async Task<ClientDetails> ClientOfAsync(this HttpClient admin, string tamUserId, int visitsPerYear, decimal mrr = 5000m) =>
        await admin.CreateClientAsync(new
        {
            // Digits rather than hex: every digit is as wide as the next, so a name wraps the same way in every run (the PDF tests).
            name = $"Visited {Random.Shared.Next(10_000_000, 100_000_000)}",
            mrr,
            seats = 20,
            workstations = 18,
            servers = 2,
            storageGb = 500,
            tamUserId,
            visitsPerYear,
            salesRep = "Sam Sales"
        });

    public static async Task<VisitDetails> CreateVisitAsync(this HttpClient api, Guid clientId, DateOnly date) =>
        await (await api.PostAsJsonAsync("/api/v1/visits", new { clientId, date })).ReadAsync<VisitDetails>(HttpStatusCode.Created);

    public static async Task<PlanSummary> PlanAsync(this HttpClient api, int year) =>
        await (await api.PostAsJsonAsync("/api/v1/schedule/plan", new { year })).ReadAsync<PlanSummary>();

    public static async Task<List<VisitDetails>> VisitsAsync(this HttpClient api, Guid clientId, int year) =>
        (await (await api.GetAsync($"/api/v1/visits?year={year}&clientId={clientId}&pageSize=500")).ReadAsync<Paged<VisitDetails>>()).Items;
}
