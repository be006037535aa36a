using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Plumbline.Features.Reports.Charts;

/// <summary>
/// SVG text elements for the chart components: Razor reserves the &lt;text&gt; tag for itself, so charts write them as
/// encoded markup instead.
/// </summary>
public static class SvgText
{
    public static MarkupString Of(decimal x, decimal y, string css, string content, string anchor = "start", string? tooltip = null) =>
        new($"<text class=\"{css}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(content)}"
            + (tooltip is null ? "" : $"<title>{WebUtility.HtmlEncode(tooltip)}</title>") + "</text>");

    public static string N(decimal v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
