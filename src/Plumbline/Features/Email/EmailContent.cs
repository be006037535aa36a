using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Plumbline.Features.Email.Pages;

namespace Plumbline.Features.Email;

/// <summary>A link in an e-mail; the address is absolute, built from App:PublicUrl.</summary>
public sealed record EmailLink(string Label, string Url);

/// <summary>A heading and its lines, such as "Visits" and one line per visit.</summary>
public sealed record EmailSection(string Heading, IReadOnlyList<EmailLine> Lines);

public sealed record EmailLine(string Text, string? Url = null);

/// <summary>
/// What one e-mail says, in words only: <see cref="EmailBody"/> renders it as HTML and <see cref="EmailRenderer.Text"/> as the
/// plain-text alternative, so the two never drift apart.
/// </summary>
public sealed record EmailContent(string Subject, string Greeting, IReadOnlyList<string> Paragraphs, EmailLink? Action = null,
    IReadOnlyList<EmailSection>? Sections = null, string? Closing = null);

/// <summary>Renders e-mail bodies with the same component model as the pages (HtmlRenderer), outside any request.</summary>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory logs)
{
    public async Task<(string Html, string Text)> RenderAsync(EmailContent content)
    {
        await using var renderer = new HtmlRenderer(services, logs);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<EmailBody>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Content"] = content })))
            .ToHtmlString());
        return ("<!DOCTYPE html>\n" + html, Text(content));
    }

    public static string Text(EmailContent content)
    {
        var text = new StringBuilder();
        text.Append(content.Greeting).Append("\n\n");
        foreach (var p in content.Paragraphs) text.Append(p).Append("\n\n");
        if (content.Action is { } action) text.Append(action.Label).Append(":\n").Append(action.Url).Append("\n\n");
        foreach (var section in content.Sections ?? [])
        {
            text.Append(section.Heading).Append('\n');
            foreach (var line in section.Lines) text.Append("- ").Append(line.Text).Append(line.Url is { } url ? $"\n  {url}" : "").Append('\n');
            text.Append('\n');
        }
        if (content.Closing is { } closing) text.Append(closing).Append("\n\n");
        text.Append("-- \nPlumbline\n");
        return text.ToString();
    }
}
