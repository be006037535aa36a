namespace Plumbline.Features.Reports;

public static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        services.AddSingleton<ReportPdf>();
        services.AddScoped<ReportBrandingSource>();
        return services;
    }
}
