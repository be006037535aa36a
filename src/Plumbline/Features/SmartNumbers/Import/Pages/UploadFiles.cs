namespace Plumbline.Features.SmartNumbers.Import.Pages;

/// <summary>A file uploaded for the mapping step waits in the temporary folder between the two steps; files older than a day are removed.</summary>
internal static class UploadFiles
{
    private const string Prefix = "plumbline-time-import-";

    public static bool IsId(string id) => Guid.TryParseExact(id, "N", out _);

    public static string PathOf(string id) => Path.Combine(Path.GetTempPath(), $"{Prefix}{id}.csv");

    public static void CleanOld(TimeProvider clock)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), $"{Prefix}*.csv"))
            {
                if (File.GetLastWriteTimeUtc(file) < clock.GetUtcNow().UtcDateTime.AddDays(-1)) File.Delete(file);
            }
        }
        catch (IOException)
        {
            // Another request is cleaning up at the same time: nothing to do.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to delete.
        }
    }
}
