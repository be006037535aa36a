using Plumbline.Features.Library;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

/// <summary>The starter library in content/standards is complete, consistent and passes the question rules.</summary>
public sealed class StarterLibraryContentTests
{
    private static readonly LibraryDocument Starter = StarterLibrary.Load(Repository.StarterFolder);

    private static IEnumerable<(LibrarySection Section, LibraryCategory Category, LibraryStandard Standard)> All =>
        from section in Starter.Sections from category in section.Categories from standard in category.Standards select (section, category, standard);

    [Fact]
    public void It_holds_at_least_300_standards_with_unique_codes()
    {
        var codes = All.Select(x => x.Standard.Code!.Trim().ToUpperInvariant()).ToList();

        Assert.True(codes.Count >= 300, $"The starter library has {codes.Count} standards.");
        Assert.Empty(codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Every_standard_has_every_field()
    {
        var incomplete = All.Where(x => new[] { x.Standard.Code, x.Standard.Title, x.Standard.Question, x.Standard.WhyWeAsk, x.Standard.HowToCheck,
                x.Standard.Priority, x.Standard.Kind }.Any(string.IsNullOrWhiteSpace)
            || x.Standard.References.Count == 0 || x.Standard.Tags.Count == 0 || x.Standard.ReviewIntervalMonths is null)
            .Select(x => x.Standard.Code);

        Assert.Empty(incomplete);
    }

    [Fact]
    public void Every_standard_passes_the_field_checks_of_the_api()
    {
        var invalid = All.Select(x => (x.Standard.Code, StandardValidation.Check(new StandardRequest(x.Standard.Code, Guid.NewGuid(), x.Standard.Title,
                x.Standard.Question, x.Standard.WhyWeAsk, x.Standard.HowToCheck, x.Standard.References, x.Standard.Priority,
                x.Standard.ReviewIntervalMonths, x.Standard.Kind, x.Standard.Tags, x.Standard.Status)).Errors))
            .Where(x => x.Errors.Count > 0)
            .Select(x => $"{x.Code}: {string.Join("; ", x.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))}");

        Assert.Empty(invalid);
    }

    [Fact]
    public void No_question_has_a_lint_error()
    {
        var broken = All.Select(x => (x.Standard.Code, Lint: QuestionLinter.Lint(x.Standard.Question, x.Standard.WhyWeAsk, x.Standard.HowToCheck,
            x.Standard.References.Count)))
            .Where(x => !x.Lint.Ok)
            .Select(x => $"{x.Code}: {string.Join(" ", x.Lint.Errors.Select(e => e.Rule))}");

        Assert.Empty(broken);
    }

    [Fact]
    public void Every_reference_names_an_authority_and_a_citation()
    {
        var incomplete = All.SelectMany(x => x.Standard.References.Select(r => (x.Standard.Code, r)))
            .Where(x => string.IsNullOrWhiteSpace(x.r.Authority) || string.IsNullOrWhiteSpace(x.r.Citation))
            .Select(x => x.Code);

        Assert.Empty(incomplete);
    }

    [Fact]
    public void Every_category_has_at_least_5_standards()
    {
        var thin = Starter.Sections.SelectMany(s => s.Categories.Select(c => (s.Name, c.Name, c.Standards.Count))).Where(c => c.Count < 5);

        Assert.Empty(thin);
    }

    [Fact]
    public void Review_intervals_are_1_3_6_or_12_months_for_standards_and_categories()
    {
        int[] allowed = [1, 3, 6, 12];

        Assert.All(All, x => Assert.Contains(x.Standard.ReviewIntervalMonths!.Value, allowed));
        Assert.All(Starter.Sections.SelectMany(s => s.Categories),
            c => Assert.True(c.ReviewIntervalMonths is null || allowed.Contains(c.ReviewIntervalMonths.Value), c.Name));
    }

    [Fact]
    public void Priorities_and_intervals_vary_with_the_standard()
    {
        Assert.Equal(["High", "Low", "Medium"], All.Select(x => x.Standard.Priority!).Distinct().Order(StringComparer.Ordinal));
        Assert.True(All.Select(x => x.Standard.ReviewIntervalMonths).Distinct().Count() >= 3, "Every standard has nearly the same review interval.");
        Assert.Equal(["Compliance", "Technology"], All.Select(x => x.Standard.Kind!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sections_and_categories_have_names_and_distinct_orders()
    {
        Assert.All(Starter.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Name)));
        Assert.Equal(Starter.Sections.Count, Starter.Sections.Select(s => s.Order).Distinct().Count());
        Assert.All(Starter.Sections, s => Assert.Equal(s.Categories.Count, s.Categories.Select(c => c.Order).Distinct().Count()));
    }
}
