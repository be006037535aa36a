using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Plumbline.Features.Reports;

/// <summary>
/// File names for reports named after clients, who are often called Müller or Søn: the name keeps its letters, and the
/// Content-Disposition header carries it as RFC 6266 <c>filename*</c> with a plain ASCII <c>filename</c> for older programs.
/// </summary>
public static class ReportFileNames
{
    // Latin letters with accents, spelt as people type them without the key. A table, not Unicode normalisation,
    // because the app runs with invariant globalization, which does not decompose letters.
    private static readonly Dictionary<char, string> Spelt = new (string Letters, string Ascii)[]
    {
        ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"), ("ďđð", "d"), ("ĎĐÐ", "D"), ("èéêëēĕėęě", "e"),
        ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "G"), ("ĥħ", "h"), ("ĤĦ", "H"), ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "I"),
        ("ĵ", "j"), ("Ĵ", "J"), ("ķ", "k"), ("Ķ", "K"), ("ĺľļł", "l"), ("ĹĽĻŁ", "L"), ("ñńņň", "n"), ("ÑŃŅŇ", "N"),
        ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "O"), ("ŕřŗ", "r"), ("ŔŘŖ", "R"), ("śŝşšș", "s"), ("ŚŜŞŠȘ", "S"), ("ťţț", "t"),
        ("ŤŢȚ", "T"), ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ŵ", "w"), ("Ŵ", "W"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y"),
        ("źżž", "z"), ("ŹŻŽ", "Z"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ß", "ss"), ("þ", "th"), ("Þ", "Th"),
    }.SelectMany(g => g.Letters.Select(c => (c, g.Ascii))).ToDictionary(x => x.c, x => x.Ascii);

    public static string Join(IEnumerable<string> parts) =>
        string.Join('-', parts.Select(p => Dashed(p, c => char.IsLetterOrDigit(c) || IsAccent(c))).Where(p => p.Length > 0));

    /// <summary>The header value: <c>inline; filename=...</c>, plus <c>filename*=UTF-8''...</c> when the name is not plain ASCII.</summary>
    public static string Inline(string fileName)
    {
        var header = new ContentDispositionHeaderValue("inline") { FileName = Ascii(fileName) };
        if (header.FileName != fileName) header.FileNameStar = fileName;
        return header.ToString();
    }

    /// <summary>The name in ASCII letters and digits: accented Latin letters spelt plainly (ü to u, ø to o), anything else a dash.</summary>
    public static string Ascii(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        var spelt = new StringBuilder();
        foreach (var c in Path.GetFileNameWithoutExtension(fileName))
            if (!IsAccent(c)) spelt.Append(Spelt.GetValueOrDefault(c) ?? c.ToString());
        var name = Dashed(spelt.ToString(), char.IsAsciiLetterOrDigit);
        return (name.Length > 0 ? name : "report") + (extension.All(char.IsAscii) ? extension : "");
    }

    // A name typed as "u" followed by a combining diaeresis keeps the accent with its letter.
    private static bool IsAccent(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static string Dashed(string text, Func<char, bool> keep)
    {
        var result = new StringBuilder();
        foreach (var c in text)
            if (keep(c)) result.Append(c);
            else if (result.Length > 0 && result[^1] != '-') result.Append('-');
        return result.ToString().TrimEnd('-');
    }
}
