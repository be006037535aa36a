using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace Plumbline.Infrastructure;

/// <summary>
/// Static files (CSS, scripts, /_framework/blazor.web.js) live in wwwroot only in published output. The build output
/// (`dotnet run -c Release`, `dotnet bin/.../Plumbline.dll`) has a manifest that points at the project and NuGet folders
/// instead, which ASP.NET Core reads only in Development: elsewhere every page was unstyled and blazor.web.js a 500.
/// The manifest is read in every environment here, so the build output works, and a warning says to publish for a server.
/// </summary>
public static class BuildOutputAssets
{
    public static WebApplication UseDeploymentBasics(this WebApplication app)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, app.Environment.ApplicationName + ".staticwebassets.runtime.json");
        if (!app.Environment.IsDevelopment() && File.Exists(manifest))
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
            app.Logger.LogWarning(
                "Running from the build output: static files are read from the source and NuGet folders named in {Manifest}. "
                + "On a server, run the output of `dotnet publish -c Release -o out` instead (docs/deploy.md).", manifest);
        }
        else if (string.IsNullOrEmpty(app.Environment.WebRootPath) || !Directory.Exists(app.Environment.WebRootPath))
        {
            // Published output started from another folder (`dotnet /opt/plumbline/Plumbline.dll`): the content root is the
            // working directory, which has no wwwroot, and every static file would answer 200 with nothing in it.
            var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
            if (Directory.Exists(beside))
            {
                app.Environment.WebRootPath = beside;
                app.Environment.WebRootFileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(beside);
                app.Logger.LogWarning("The working directory {ContentRoot} has no wwwroot; static files come from {WebRoot}, beside the app.",
                    app.Environment.ContentRootPath, beside);
            }
            else
            {
                app.Logger.LogError("No static files were found (no wwwroot in {ContentRoot} or beside the app): pages will have no styles. "
                    + "Run the output of `dotnet publish -c Release -o out` (docs/deploy.md).", app.Environment.ContentRootPath);
            }
        }
        return app.UseProxyHeaders();
    }
}
