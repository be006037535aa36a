using System.Text.RegularExpressions;
using DiffPlex;

namespace Plumbline.Features.Standards;

public enum DiffOp { Same, Removed, Added }

public sealed record DiffPart(DiffOp Op, string Text);

/// <summary>Word-level differences between two texts for the revision view, computed by DiffPlex over whole words.</summary>
public static partial class TextDiff
{
    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordsWithSpace.Instance);
        var old = diff.PiecesOld.ToList();
        var added = diff.PiecesNew.ToList();
        var parts = new List<DiffPart>();
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++) Add(parts, DiffOp.Same, old[a]);
            for (var i = 0; i < block.DeleteCountA; i++) Add(parts, DiffOp.Removed, old[a++]);
            for (var i = 0; i < block.InsertCountB; i++) Add(parts, DiffOp.Added, added[block.InsertStartB + i]);
        }
        for (; a < old.Count; a++) Add(parts, DiffOp.Same, old[a]);
        return parts;
    }

    private static void Add(List<DiffPart> parts, DiffOp op, string token)
    {
        if (parts.Count > 0 && parts[^1].Op == op) parts[^1] = parts[^1] with { Text = parts[^1].Text + token };
        else parts.Add(new DiffPart(op, token));
    }

    // Words with their trailing white space, so joining the parts gives back the text (DiffPlex's own word chunker
    // makes the spaces separate pieces, which lets a diff pair unrelated words around a shared space).
    private sealed partial class WordsWithSpace : IChunker
    {
        public static readonly WordsWithSpace Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Tokens().Matches(text).Select(m => m.Value).ToArray();

        [GeneratedRegex(@"\S+\s*|\s+")]
        private static partial Regex Tokens();
    }
}
