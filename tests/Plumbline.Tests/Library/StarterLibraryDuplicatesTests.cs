using Plumbline.Features.Library;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;
using Xunit.Abstractions;

namespace Plumbline.Tests.Library;

/// <summary>
/// The shipped library has no near-duplicates (issue 15, PRODUCT.md Standards governance): no two active standards score at or
/// above the editor's similarity threshold unless they are linked; every active standard passes the linter and cites a reference;
/// every retired one names the active standard that replaces it.
/// </summary>
public sealed class StarterLibraryDuplicatesTests(ITestOutputHelper output)
{
    private static readonly List<LibraryStandard> All = StarterLibrary.Load(Repository.StarterFolder).Sections
        .SelectMany(s => s.Categories).SelectMany(c => c.Standards).ToList();

    private static bool IsActive(LibraryStandard s) => !string.Equals(s.Status, "Retired", StringComparison.OrdinalIgnoreCase);

    private static List<LibraryStandard> Active => All.Where(IsActive).ToList();

    /// <summary>Active pairs at or above the threshold, scored as the editor scores them: every standard sets how rare a word is.</summary>
    public static List<(string A, string B, double Score)> SimilarPairs(IReadOnlyList<LibraryStandard> all)
    {
        var index = new QuestionSimilarity(all.Select(s => QuestionSimilarity.TextOf(s.Title!, s.Question!)));
        var active = all.Where(IsActive).ToList();
        var pairs = new List<(string, string, double)>();
        for (var i = 0; i < active.Count; i++)
            for (var j = i + 1; j < active.Count; j++)
            {
                var score = index.Score(QuestionSimilarity.TextOf(active[i].Title!, active[i].Question!),
                    QuestionSimilarity.TextOf(active[j].Title!, active[j].Question!));
                if (score >= QuestionSimilarity.SameControl) pairs.Add((active[i].Code!, active[j].Code!, Math.Round(score, 3)));
            }
        return pairs;
    }

    private static bool Linked(string a, string b)
    {
        var (x, y) = (All.Single(s => s.Code == a), All.Single(s => s.Code == b));
        return x.Related.Contains(b) || y.Related.Contains(a) || x.ReplacedBy == b || y.ReplacedBy == a;
    }

    [Fact]
    public void No_two_active_standards_check_the_same_control_unless_they_are_linked()
    {
        var unlinked = SimilarPairs(All).Where(p => !Linked(p.A, p.B)).ToList();
        foreach (var (a, b, score) in unlinked) output.WriteLine($"{a} ~ {b}: {score:0.000}");

        Assert.Empty(unlinked.Select(p => $"{p.A} ~ {p.B} ({p.Score:0.000})"));
    }

    [Fact]
    public void Every_active_standard_passes_the_linter_and_cites_a_reference()
    {
        var broken = Active.Where(s => s.References.Count == 0 || !QuestionLinter.Lint(s.Question, s.WhyWeAsk, s.HowToCheck, s.References.Count).Ok)
            .Select(s => s.Code);

        Assert.Empty(broken);
    }

    [Fact]
    public void Every_retired_standard_names_an_active_replacement_and_every_link_names_a_standard()
    {
        var codes = All.ToDictionary(s => s.Code!);
        var retired = All.Where(s => !IsActive(s)).ToList();

        Assert.NotEmpty(retired);
        Assert.All(retired, s => Assert.True(s.ReplacedBy is { } by && codes.TryGetValue(by, out var r) && IsActive(r), $"{s.Code} → {s.ReplacedBy}"));
        Assert.All(All.Where(s => s.ReplacedBy is not null), s => Assert.False(IsActive(s), $"{s.Code} is active but names a replacement"));
        Assert.All(All.SelectMany(s => s.Related.Select(r => (s.Code, Related: r))),
            l => Assert.True(codes.ContainsKey(l.Related) && l.Related != l.Code, $"{l.Code} → {l.Related}"));
    }

    [Fact]
    public void A_compliance_standard_that_links_a_technology_standard_cites_both_authorities()
    {
        var codes = All.ToDictionary(s => s.Code!);
        var missing = Active.Where(s => s.Kind == "Compliance")
            .SelectMany(s => s.Related.Select(r => codes[r]).Where(r => r.Kind == "Technology" && IsActive(r))
                .Where(r => !r.References.Any(rr => s.References.Any(sr => sr.Authority == rr.Authority)))
                .Select(r => $"{s.Code} → {r.Code}"));

        Assert.Empty(missing);
    }
}
