namespace Plumbline.Features.Reports;

/// <summary>The report stylesheet, compiled into the app so a report renders the same on every node and in a PDF.</summary>
public static class ReportStyles
{
    public static string Css { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(ReportStyles).Assembly.GetManifestResourceStream("Plumbline.Features.Reports.report.css")
            ?? throw new InvalidOperationException("The report stylesheet is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
