using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>
/// Who may call what, as the OpenAPI document says it (x-plumbline-roles, computed from each endpoint's real policy), must
/// equal the reviewed list in access-matrix.txt. A change of roles, or a new endpoint, then shows up in the diff of that
/// file and is reviewed like code instead of slipping in unseen.
/// </summary>
public sealed class AccessMatrixSnapshotTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    public static readonly string SnapshotFile = Path.Combine(Repository.Root, "tests", "Plumbline.Tests", "Security", "access-matrix.txt");

    [Fact]
    public async Task The_documented_roles_equal_the_reviewed_access_matrix()
    {
        var (_, operations) = await ApiSurface.ReadAsync(factory);
        var actual = operations.Select(o => o.MatrixLine).Order(StringComparer.Ordinal).ToList();
        var expected = File.ReadAllLines(SnapshotFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var added = actual.Except(expected).ToList();
        var removed = expected.Except(actual).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            $"Who may call what has changed. If that is on purpose, review it and update {Path.GetRelativePath(Repository.Root, SnapshotFile)}.\n" +
            $"Lines the document has that the file lacks:\n  {string.Join("\n  ", added)}\n" +
            $"Lines the file has that the document lacks:\n  {string.Join("\n  ", removed)}\n" +
            $"The whole list as the document has it now:\n{string.Join("\n", actual)}");
    }

    [Fact]
    public void The_snapshot_is_sorted_and_has_no_duplicates()
    {
        var lines = File.ReadAllLines(SnapshotFile).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Equal(lines.Order(StringComparer.Ordinal).Distinct(), lines);
    }
}
