using System.Globalization;
using CsvHelper.Configuration;

namespace Plumbline.Infrastructure;

/// <summary>
/// CSV files we write are opened in spreadsheets, which run a cell that starts with `=`, `+`, `-` or `@` as a formula
/// (a standard's title typed by one person could then run on another's machine). Such cells get a leading apostrophe,
/// which spreadsheets show as text. A cell that already starts with an apostrophe gets one more, so reading our own
/// files back (`Unescape`) gives exactly what was written.
/// </summary>
public static class SafeCsv
{
    private const char Escape = '\'';
    private static readonly char[] Risky = ['=', '+', '-', '@', '\t', '\r', Escape];

    public static CsvConfiguration Writing() => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = Risky,
        InjectionEscapeCharacter = Escape,
    };

    /// <summary>A cell as it was before <see cref="Writing"/> escaped it.</summary>
    public static string Unescape(string cell) => cell.Length > 1 && cell[0] == Escape && Risky.Contains(cell[1]) ? cell[1..] : cell;
}
