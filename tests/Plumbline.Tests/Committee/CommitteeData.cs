using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Committee;

/// <summary>Dates the yearly review depends on, set in the database: the tests cannot wait a year.</summary>
internal static class CommitteeData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task SetNextReviewAsync(this PlumblineFactory factory, Guid standardId, DateOnly? next)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Standards.Where(s => s.Id == standardId).ExecuteUpdateAsync(u => u.SetProperty(s => s.NextReviewOn, next));
    }
}
