using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;

namespace Plumbline.Features.SmartNumbers.Charts;

/// <summary>
/// SVG text for the smart-number charts. Razor reserves &lt;text&gt;, so it is written as encoded markup. Colours and sizes are
/// attributes rather than classes, so a chart looks the same on a page, on paper and in the PDF without a second stylesheet.
/// </summary>
public static class Svg
{
    public const string Font = "system-ui, 'Segoe UI', 'Liberation Sans', Arial, sans-serif";
    public const string Ink = "#1d2733";
    public const string Muted = "#5b6775";
    public const string Grid = "#d8dee5";
    /// <summary>RHEM: a colour that means nothing else in Plumbline (green, amber and red are the ratings).</summary>
    public const string RhemColour = "#7a3e9d";
    public const string ScoreColour = "#1f5f8b";

    public static MarkupString Text(decimal x, decimal y, string content, string anchor = "start", decimal size = 11, string fill = Muted,
        string weight = "normal") =>
        new($"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" font-size=\"{N(size)}\" fill=\"{fill}\" font-weight=\"{weight}\" " +
            $"font-family=\"{Font}\">{WebUtility.HtmlEncode(content)}</text>");

    public static string N(decimal v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Points(IEnumerable<(decimal X, decimal Y)> points) => string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"));
}
