using System.Xml;

namespace Plumbline.Features.Reports;

/// <summary>
/// An SVG logo is a document, not a picture: it can carry scripts, event handlers, embedded HTML and links that load
/// other files. A logo is shown on every report, so it must be a plain drawing: well-formed XML whose root is an SVG
/// element, with no DTD, no scripts, no event handler attributes, no embedded HTML and no references outside itself.
/// </summary>
public static class SvgLogoCheck
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "animate", "set", "animateMotion", "animateTransform",
    };

    public static bool IsPlainDrawing(byte[] data)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = ReportBrandingSource.MaxLogoBytes * 2L,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(data), settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (root && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace)) return false;
                root = false;
                if (reader.NamespaceURI != SvgNamespace || Forbidden.Contains(reader.LocalName)) return false;
                if (!AttributesArePlain(reader)) return false;
            }
            return !root;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool AttributesArePlain(XmlReader reader)
    {
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            var name = reader.LocalName;
            var value = reader.Value.Trim();
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return false;
            // Links may point inside the drawing (#gradient) or hold an embedded raster image, nothing else.
            if (name is "href" or "src" && !(value.StartsWith('#') || value.StartsWith("data:image/png", StringComparison.OrdinalIgnoreCase)
                                              || value.StartsWith("data:image/jpeg", StringComparison.OrdinalIgnoreCase)))
                return false;
            if (value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !value.Replace(" ", "").Contains("url(#", StringComparison.OrdinalIgnoreCase))
                return false;
            if (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)) return false;
        }
        reader.MoveToElement();
        return true;
    }
}
