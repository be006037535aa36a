using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Setup;

public static class SetupApi
{
    public static IServiceCollection AddSetup(this IServiceCollection services) =>
        services.AddSingleton<SetupState>().AddScoped<SetupService>();

    public static IEndpointRouteBuilder MapSetupApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/setup", Run).AllowAnonymous().WithTags("Setup").WithName("runSetup").ProducesProblem(409)
            .WithSummary("Create the provider and its first admin. Allowed once, while the instance has no users.");
        return app;
    }

    private static async Task<Results<Created, ProblemHttpResult, ValidationProblem>> Run(SetupRequest request, SetupService setup, CancellationToken ct)
    {
        var (conflict, errors) = await setup.RunAsync(request, ct);
        if (conflict) return ApiErrors.Conflict("This instance is already set up. Sign in, or ask an admin for an account.");
        if (errors.Count > 0) return ApiErrors.Validation(errors);
        return TypedResults.Created("/api/v1/users");
    }

    /// <summary>While no user exists, every page leads to the setup page (the API answers for itself).</summary>
    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var exempt = path.StartsWithSegments("/setup") || path.StartsWithSegments("/api") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.Value?.Contains('.') == true;
        if (!exempt && HttpMethods.IsGet(context.Request.Method)
            && await context.RequestServices.GetRequiredService<SetupService>().IsNeededAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }
        await next(context);
    });
}
