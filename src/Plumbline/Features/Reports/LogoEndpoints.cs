using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Reports;

/// <summary>The logo on reports: a form post from the settings page, and the same through the API.</summary>
public static class LogoEndpoints
{
    public static IEndpointRouteBuilder MapLogo(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/settings/logo").RequireAuthorization(Policies.Admin).ExcludeFromDescription()
            .RequireFormToken(_ => Back("logoError=expired"));
        page.MapPost("/", async (HttpContext http, ProviderLogo logos, CancellationToken ct) =>
        {
            var form = await http.Request.ReadFormAsync(ct);
            if (form.Files.GetFile("logo") is not { Length: > 0 } logo) return Back("logoError=missing");
            await using var stream = logo.OpenReadStream();
            var problem = await logos.SaveAsync(logo.FileName, logo.ContentType, stream, ct);
            return Back(problem is null ? "logo=saved" : "logoError=" + problem);
        });
        page.MapPost("/remove", async (ProviderLogo logos, CancellationToken ct) =>
        {
            await logos.RemoveAsync(ct);
            return Back("logo=removed");
        });

        var api = app.MapGroup("/api/v1/settings/logo").WithTags("Settings").RequireAuthorization(Policies.Admin);
        api.MapPut("/", PutAsync).DisableAntiforgery().WithName("setLogo")
            .WithSummary("Upload the logo for reports: the file itself as the body with its Content-Type, or a multipart upload with a 'file' field (PNG, " +
                "JPEG or SVG, up to 256 KB).");
        api.MapDelete("/", DeleteAsync).WithName("deleteLogo").WithSummary("Remove the logo: reports show the provider's name instead.");
        return app;
    }

    private static async Task<NoContent> DeleteAsync(ProviderLogo logos, CancellationToken ct)
    {
        await logos.RemoveAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> PutAsync(HttpRequest request, ProviderLogo logos, CancellationToken ct)
    {
        string? problem;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file) return ApiErrors.Validation("file", ProviderLogo.Problems["missing"]);
            await using var stream = file.OpenReadStream();
            problem = await logos.SaveAsync(file.FileName, file.ContentType, stream, ct);
        }
        else problem = await logos.SaveAsync(null, request.ContentType, request.Body, ct);
        return problem is null ? TypedResults.NoContent() : ApiErrors.Validation("file", ProviderLogo.Problems[problem]);
    }

    private static IResult Back(string query) => Results.Redirect($"/settings?{query}#logo");
}
