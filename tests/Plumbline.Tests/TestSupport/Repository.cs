namespace Plumbline.Tests.TestSupport;

/// <summary>Finds files of the repository the tests were built from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>content/standards: the starter library as it ships.</summary>
    public static string StarterFolder => Path.Combine(Root, "content", "standards");

    /// <summary>The starter library as it stood before its near-duplicates were merged (issue 15), kept to test the upgrade.</summary>
    public static string StarterBeforeMergeFolder => Path.Combine(Root, "tests", "Plumbline.Tests", "Library", "Fixtures", "starter-before-merge");

    /// <summary>A copy of the starter library that a test may change.</summary>
    public static string CopyOfStarterFolder()
    {
        var copy = Directory.CreateTempSubdirectory("plumbline-starter-").FullName;
        foreach (var file in Directory.EnumerateFiles(StarterFolder, "*.yaml")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Plumbline.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Plumbline.slnx above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
