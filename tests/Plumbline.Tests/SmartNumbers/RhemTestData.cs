using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>Time entries written straight through the DbContext, then the month totals rebuilt, as an import would.</summary>
public static class RhemTestData
{
    public const string ReactiveWorkType = "Reactive";

    /// <summary>The last complete month (UTC): the charts end there.</summary>
    public static DateOnly LastMonth => SmartNumberRules.MonthOf(DateOnly.FromDateTime(DateTime.UtcNow)).AddMonths(-1);

    /// <summary>
    /// One reactive entry and one hour of planned work per month, for the given months (offset back from <see cref="LastMonth"/>)
    /// and reactive hours. Marks the "Reactive" work type reactive (keeping whatever else is classified).
    /// </summary>
    public static async Task AddHoursAsync(this PlumblineFactory factory, Guid clientId, IEnumerable<(int MonthsBack, decimal Reactive)> months)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var classification = await db.Set<ReactiveClassification>().FirstOrDefaultAsync();
        if (classification is null) db.Add(classification = new ReactiveClassification { UpdatedAt = DateTime.UtcNow, UpdatedBy = "test" });
        var reclassified = !classification.ReactiveWorkTypes.Contains(ReactiveWorkType);
        if (reclassified) classification.ReactiveWorkTypes = [.. classification.ReactiveWorkTypes, ReactiveWorkType];
        var touched = new List<DateOnly>();
        foreach (var (back, reactive) in months)
        {
            var month = LastMonth.AddMonths(-back);
            touched.Add(month);
            db.AddRange(Entry(clientId, month, reactive, ReactiveWorkType), Entry(clientId, month, 1m, "Maintenance"));
        }
        await db.SaveChangesAsync();
        await MonthTotals.RebuildAsync(db, touched, CancellationToken.None);
        if (reclassified) await MonthTotals.ApplyClassificationAsync(db, CancellationToken.None);
    }

    /// <summary>Gives a client <paramref name="endpoints"/> endpoints for every month (its history replaced by one early value).</summary>
    public static async Task SetEndpointsAsync(this PlumblineFactory factory, Guid clientId, int endpoints)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Endpoints, endpoints));
        await db.Set<ClientEndpointCount>().Where(h => h.ClientId == clientId).ExecuteDeleteAsync();
        db.Add(new ClientEndpointCount { ClientId = clientId, Month = LastMonth.AddMonths(-36), Endpoints = endpoints });
        await db.SaveChangesAsync();
    }

    private static TimeEntry Entry(Guid clientId, DateOnly month, decimal hours, string workType) => new()
    {
        Source = "test",
        ExternalId = Guid.NewGuid().ToString("N"),
        ClientId = clientId,
        Company = "Test company",
        Date = month.AddDays(9),
        Month = month,
        Hours = hours,
        WorkType = workType,
        Board = "Service desk",
        TicketType = "Incident",
        ImportedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    /// <summary>A review of every standard of the library answered Yes, submitted and completed: score 100.</summary>
    public static async Task<Guid> AlignedReviewAsync(this HttpClient admin, Guid clientId, TestLibrary library, DateOnly asOf, string? tamUserId = null)
    {
        var review = await admin.CreateReviewAsync(clientId, library.Ids, asOf, tamUserId: tamUserId);
        foreach (var id in library.Ids) await admin.AnswerAsync(review.Id, id, "Yes");
        await admin.SubmitAsync(review.Id);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(System.Net.HttpStatusCode.NoContent);
        return review.Id;
    }
}
