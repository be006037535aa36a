using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Plumbline.Infrastructure;

/// <summary>
/// The address people and other systems use to reach Plumbline (`App:PublicUrl`, for example
/// `https://plumbline.example.com`). Everything that leaves the app (webhook payloads, calendar feed addresses,
/// e-mail links) is built from it, never from the request's Host header, which a caller controls.
/// </summary>
public sealed class AppOptions
{
    public const string Section = "App";

    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5000";
}

public sealed class PublicUrl(IOptions<AppOptions> options)
{
    private readonly Uri root = new(options.Value.PublicUrl.TrimEnd('/') + "/");

    /// <summary>The absolute address of a path of ours, such as `/reviews/123`.</summary>
    public string For(string path) => new Uri(root, path.TrimStart('/')).ToString();

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<PublicUrl>();
    }
}
