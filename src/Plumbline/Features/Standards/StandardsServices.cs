namespace Plumbline.Features.Standards;

public static class StandardsServices
{
    public static IServiceCollection AddStandards(this IServiceCollection services) =>
        services.AddScoped<LibraryService>().AddScoped<SectionEditor>().AddScoped<SimilarStandards>()
            .AddScoped<LibraryChanges>();
}
