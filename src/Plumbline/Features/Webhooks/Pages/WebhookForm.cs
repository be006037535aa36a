namespace Plumbline.Features.Webhooks.Pages;

/// <summary>The add-a-webhook form as posted.</summary>
public sealed class WebhookForm
{
    public string? Url { get; set; }
    public string? Description { get; set; }
    public List<string> Events { get; set; } = [];
}
