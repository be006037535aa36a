using Plumbline.Features.Committee;

namespace Plumbline.Features.Standards;

public static class StandardsServices
{
    public static IServiceCollection AddStandards(this IServiceCollection services) =>
        services.AddScoped<LibraryService>().AddScoped<StandardLinks>().AddScoped<SectionEditor>().AddScoped<SimilarStandards>()
            .AddScoped<LibraryChanges>()
            // The committee's yearly reviews and meetings (issue 15) keep the library, so they come with it.
            .AddCommittee();
}
