using Plumbline.Features.Standards;

namespace Plumbline.Tests.Standards;

/// <summary>The revision view's word diff: what it marks, and that both texts can be read back from its parts.</summary>
public sealed class TextDiffTests
{
    [Fact]
    public void A_replaced_word_is_shown_struck_out_and_then_its_replacement()
    {
        var parts = TextDiff.Words("Check the firewall rules weekly.", "Check the router rules weekly.");

        Assert.Equal(
            [new(DiffOp.Same, "Check the "), new(DiffOp.Removed, "firewall "), new(DiffOp.Added, "router "), new(DiffOp.Same, "rules weekly.")],
            parts);
    }

    [Fact]
    public void Unchanged_text_is_one_part_and_empty_sides_are_all_added_or_all_removed()
    {
        Assert.Equal([new DiffPart(DiffOp.Same, "Is MFA on? ")], TextDiff.Words("Is MFA on? ", "Is MFA on? "));
        Assert.Equal([new DiffPart(DiffOp.Added, "Is MFA on?")], TextDiff.Words("", "Is MFA on?"));
        Assert.Equal([new DiffPart(DiffOp.Removed, "Is MFA on?")], TextDiff.Words("Is MFA on?", ""));
        Assert.Empty(TextDiff.Words("", ""));
    }

    [Theory]
    [InlineData("Are backups tested every quarter?", "Are backups restored and tested every month?")]
    [InlineData("a b c d e f", "f e d c b a")]
    [InlineData("Line one\nline two\n\nline three", "Line one\nline 2\nline three\n")]
    [InlineData("  leading and trailing  ", "leading and  trailing")]
    public void Joining_the_parts_gives_back_both_texts(string before, string after)
    {
        var parts = TextDiff.Words(before, after);

        Assert.Equal(before, string.Concat(parts.Where(p => p.Op != DiffOp.Added).Select(p => p.Text)));
        Assert.Equal(after, string.Concat(parts.Where(p => p.Op != DiffOp.Removed).Select(p => p.Text)));
        Assert.All(parts.Zip(parts.Skip(1)), pair => Assert.NotEqual(pair.First.Op, pair.Second.Op));
    }
}
