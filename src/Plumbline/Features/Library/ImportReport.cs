namespace Plumbline.Features.Library;

/// <summary>Retired: a starter standard the starter library now retires, replaced by another (the reason names it).</summary>
public enum ImportOutcome { Created, Updated, Skipped, Invalid, Retired }

public sealed record ImportRowResult(int Row, string Code, ImportOutcome Outcome, string? Reason);

/// <summary>What an import did, row by row. When any row is invalid nothing was applied.</summary>
public sealed record ImportReport(bool Applied, int Created, int Updated, int Skipped, int Invalid, IReadOnlyList<ImportRowResult> Rows,
    int Retired = 0)
{
    public static ImportReport From(bool applied, List<ImportRowResult> rows) => new(applied,
        rows.Count(r => r.Outcome == ImportOutcome.Created), rows.Count(r => r.Outcome == ImportOutcome.Updated),
        rows.Count(r => r.Outcome == ImportOutcome.Skipped), rows.Count(r => r.Outcome == ImportOutcome.Invalid),
        rows.OrderBy(r => r.Row).ToList(), rows.Count(r => r.Outcome == ImportOutcome.Retired));
}

/// <summary>A file that cannot be read at all (not JSON, no header row, wrong columns).</summary>
public sealed class LibraryFileException(string message) : Exception(message);
