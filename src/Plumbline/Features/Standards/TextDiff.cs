using System.Text.RegularExpressions;

namespace Plumbline.Features.Standards;

public enum DiffOp { Same, Removed, Added }

public sealed record DiffPart(DiffOp Op, string Text);

/// <summary>Word-level differences between two texts (longest common subsequence), for the revision view.</summary>
public static partial class TextDiff
{
    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var a = Tokens().Matches(before).Select(m => m.Value).ToArray();
        var b = Tokens().Matches(after).Select(m => m.Value).ToArray();
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var parts = new List<DiffPart>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { Add(parts, DiffOp.Same, a[x]); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { Add(parts, DiffOp.Added, b[y]); y++; }
            else { Add(parts, DiffOp.Removed, a[x]); x++; }
        }
        return parts;
    }

    private static void Add(List<DiffPart> parts, DiffOp op, string token)
    {
        if (parts.Count > 0 && parts[^1].Op == op) parts[^1] = parts[^1] with { Text = parts[^1].Text + token };
        else parts.Add(new DiffPart(op, token));
    }

    // Words with their trailing white space, so joining the parts gives back the text.
    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Tokens();
}
