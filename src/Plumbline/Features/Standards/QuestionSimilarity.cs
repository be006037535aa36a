using System.Text.RegularExpressions;

namespace Plumbline.Features.Standards;

/// <summary>A standard whose question is close to another text, with how close (0 to 1).</summary>
public sealed record SimilarStandard(Guid Id, string Code, string Title, double Score);

/// <summary>
/// How close two standards' questions are (PRODUCT.md, Standards governance: no two active standards check the same control).
/// Each standard's title and question become a bag of words without the yes/no scaffolding ("Is there...", "at least",
/// "every"), light suffixes stripped so "backups" and "backed up" meet; words are weighed by how rare they are in the library
/// (TF-IDF), so "firewall" and "configuration" count for more than "update"; the score is the cosine of the two vectors.
/// Rare words decide, which is what a reader does: two questions about firewall configuration backups are the same control
/// even when one says "weekly" and the other "after each change".
/// </summary>
public sealed partial class QuestionSimilarity
{
    /// <summary>At or above this score, two questions are taken to check the same control (tuned on the starter library).</summary>
    public const double SameControl = 0.5;

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "has", "have", "had", "there", "this",
        "that", "these", "those", "it", "its", "they", "their", "them", "our", "your", "we", "you", "of", "to", "for", "on", "in",
        "at", "by", "with", "from", "as", "and", "or", "but", "if", "then", "than", "so", "such", "every", "each", "all", "any",
        "some", "least", "most", "more", "less", "no", "not", "within", "after", "before", "over", "under", "into", "per", "can",
        "may", "must", "should", "will", "would", "who", "which", "what", "when", "where", "how", "why", "one", "only", "also",
        "other", "client", "clients", "client's", "kept", "keep", "used", "use", "using",
    ];

    /// <summary>Short forms the library's writers use, taken as the word they stand for.</summary>
    private static readonly Dictionary<string, string> Short = new(StringComparer.Ordinal)
    {
        ["config"] = "configuration",
        ["configs"] = "configuration",
        ["admin"] = "administrator",
        ["admins"] = "administrator",
        ["mfa"] = "multi-factor",
        ["2fa"] = "multi-factor",
        ["os"] = "operating",
        ["av"] = "antivirus",
    };

    private readonly Dictionary<string, double> idf;
    private readonly double unseen;

    /// <summary>An index over a body of texts (usually the library's standards), which sets how rare each word is.</summary>
    public QuestionSimilarity(IEnumerable<string> corpus)
    {
        var documents = corpus.Select(text => Terms(text).Distinct().ToList()).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in documents.SelectMany(d => d)) counts[term] = counts.GetValueOrDefault(term) + 1;
        var n = documents.Count;
        idf = counts.ToDictionary(c => c.Key, c => Math.Log((n + 1.0) / (c.Value + 1.0)) + 1.0, StringComparer.Ordinal);
        unseen = Math.Log(n + 1.0) + 1.0;
    }

    /// <summary>The text a standard is compared by: its title and its question.</summary>
    public static string TextOf(string title, string question) => $"{title}. {question}";

    /// <summary>How close two texts are, from 0 (no rare word in common) to 1 (the same words).</summary>
    public double Score(string a, string b) => Cosine(Vector(a), Vector(b));

    /// <summary>The candidates closest to the text, best first, leaving out the one with the given id.</summary>
    public IReadOnlyList<SimilarStandard> Closest(string text, IEnumerable<(Guid Id, string Code, string Title, string Question)> candidates,
        int count = 3, Guid? except = null)
    {
        var vector = Vector(text);
        return [.. candidates.Where(c => c.Id != except)
            .Select(c => new SimilarStandard(c.Id, c.Code, c.Title, Math.Round(Cosine(vector, Vector(TextOf(c.Title, c.Question))), 3)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Take(count)];
    }

    /// <summary>The words that count, lower-cased and with light suffixes stripped.</summary>
    public static IEnumerable<string> Terms(string text)
    {
        var lower = BackUp().Replace(text.ToLowerInvariant(), " backup ");
        foreach (Match word in Word().Matches(lower))
        {
            var w = word.Value.Trim('\'', '-');
            if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
            if (w.Length < 2 || StopWords.Contains(w)) continue;
            yield return Stem(Short.GetValueOrDefault(w, w));
        }
    }

    private static string Stem(string w) =>
        w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4 ? w[..^3] + "y"
        : w.EndsWith("sses", StringComparison.Ordinal) ? w[..^2]
        : w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5 ? w[..^3]
        : w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 ? w[..^2]
        : w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3 ? w[..^1]
        : w;

    private Dictionary<string, double> Vector(string text)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in Terms(text)) vector[term] = vector.GetValueOrDefault(term) + idf.GetValueOrDefault(term, unseen);
        return vector;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var dot = a.Sum(x => b.TryGetValue(x.Key, out var y) ? x.Value * y : 0);
        var norm = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norm == 0 ? 0 : dot / norm;
    }

    [GeneratedRegex(@"\bback(?:ed|s|ing)?[\s-]*ups?\b")]
    private static partial Regex BackUp();

    [GeneratedRegex(@"[a-z0-9][a-z0-9'\-]*")]
    private static partial Regex Word();
}
