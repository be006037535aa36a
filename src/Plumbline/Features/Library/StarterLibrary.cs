using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Plumbline.Features.Library;

/// <summary>The starter standards library shipped in content/standards/*.yaml, one file per section.</summary>
public sealed class StarterLibrary(AppDbContext db, LibraryImporter importer, IConfiguration configuration, IHostEnvironment environment,
    ILogger<StarterLibrary> logger)
{
    public string Folder => ResolveFolder(configuration["Library:StarterPath"], environment.ContentRootPath);

    public static string ResolveFolder(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);
        var beside = Path.Combine(AppContext.BaseDirectory, "content", "standards");
        return Directory.Exists(beside) ? beside : Path.GetFullPath(Path.Combine(contentRoot, "..", "..", "content", "standards"));
    }

    public static LibraryDocument Load(string folder)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var doc = new LibraryDocument();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                doc.Sections.Add(deserializer.Deserialize<LibrarySection>(File.ReadAllText(file)));
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new LibraryFileException($"{Path.GetFileName(file)} ({e.Start}): {e.InnerException?.Message ?? e.Message}");
            }
        }
        doc.Sections = doc.Sections.OrderBy(s => s.Order).ToList();
        return doc;
    }

    public async Task<ImportReport> ApplyAsync(CancellationToken ct)
    {
        // The starter library waits for its turn, so it always has a report.
        var report = (await importer.ImportAsync(Load(Folder), ImportMode.Starter, [], ct))!;
        logger.LogInformation("Starter library applied: {Created} created, {Updated} updated, {Skipped} skipped, {Invalid} invalid",
            report.Created, report.Updated, report.Skipped, report.Invalid);
        return report;
    }

    /// <summary>On first run, an empty library receives the starter library.</summary>
    public async Task LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Standards.AnyAsync(ct) || !Directory.Exists(Folder)) return;
        await ApplyAsync(ct);
    }
}
