using Plumbline.Features.SmartNumbers.Import;

namespace Plumbline.Features.SmartNumbers;

public static class SmartNumbersServices
{
    public static IServiceCollection AddSmartNumbers(this IServiceCollection services) =>
        services.AddScoped<ReviewScores>().AddScoped<MetricsService>().AddScoped<Classification.ClassificationService>()
            .AddScoped<Home.PracticeDashboardQueries>().AddScoped<Charts.RhemTrends>()
            .AddScoped<TimeEntryImporter>().AddScoped<TimeEntryMappings>().AddScoped<HeldEntries>();
}
