using Plumbline.Features.Committee;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.Committee;

public sealed class ProposalRulesTests
{
    private static readonly Standard Current = new()
    {
        Code = "SRV-001",
        CategoryId = Guid.NewGuid(),
        Title = "Free space",
        Question = "Is there at least 20% free space on every server?",
        WhyWeAsk = "Full drives stop updates.",
        HowToCheck = "Read the RMM disk report.",
        References = [new("CIS Controls v8", "Safeguard 4.1", null)],
        Priority = Priority.Medium,
        Tags = ["storage"],
        Status = StandardStatus.Active,
    };

    [Theory]
    [InlineData(ProposalStatus.Open, true)]
    [InlineData(ProposalStatus.Deferred, true)]
    [InlineData(ProposalStatus.Approved, false)]
    [InlineData(ProposalStatus.Rejected, false)]
    public void Only_open_and_deferred_proposals_can_be_decided(ProposalStatus status, bool expected) =>
        Assert.Equal(expected, ProposalRules.CanBeDecided(status));

    [Fact]
    public void Rejecting_and_deferring_need_a_note_approving_does_not()
    {
        Assert.False(ProposalRules.NeedsNote(ProposalDecision.Approved));
        Assert.True(ProposalRules.NeedsNote(ProposalDecision.Rejected));
        Assert.True(ProposalRules.NeedsNote(ProposalDecision.Deferred));
    }

    [Fact]
    public void A_change_keeps_every_field_it_leaves_out()
    {
        var merged = ProposalRules.Merge(new ProposedStandardRequest(Question: "Is at least 25% of the system drive free on every server?"), Current);

        Assert.Equal("Is at least 25% of the system drive free on every server?", merged.Question);
        Assert.Equal(Current.Code, merged.Code);
        Assert.Equal(Current.HowToCheck, merged.HowToCheck);
        Assert.Equal("Medium", merged.Priority);
        Assert.Equal(["storage"], merged.Tags);
        Assert.Equal("Active", merged.Status);
        Assert.Single(merged.References!);
    }

    [Fact]
    public void A_change_that_changes_nothing_is_noticed_even_with_other_line_endings()
    {
        var same = ProposedStandard.Of(Current) with { HowToCheck = "Read the RMM disk report." };
        var other = ProposedStandard.Of(Current) with { Priority = Priority.High };

        Assert.False(ProposalRules.Differs(same, Current));
        Assert.True(ProposalRules.Differs(other, Current));
        Assert.False(ProposalRules.Differs(ProposedStandard.Of(Current) with { Tags = ["storage"] }, Current));
    }

    [Theory]
    [InlineData("New", true, "standardId")]
    [InlineData("Change", false, "standardId")]
    [InlineData("Retire", false, "standardId")]
    [InlineData("Swap", false, "kind")]
    [InlineData(null, false, "kind")]
    public void The_kind_decides_whether_a_standard_is_named(string? kind, bool withStandard, string field)
    {
        var errors = ProposalRules.CheckRequest(new CreateProposalRequest(kind, withStandard ? Guid.NewGuid() : null, new ProposedStandardRequest(),
            "Because.", null), out _, out _);

        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void Evidence_must_name_a_kind_and_an_id_and_repeats_count_once()
    {
        var id = Guid.NewGuid();
        var errors = ProposalRules.CheckRequest(new CreateProposalRequest("Retire", Guid.NewGuid(), null, "Because.",
            [new("Handoff", id), new("handoff", id), new("Email", Guid.NewGuid()), new("Flag", null)]), out var kind, out var evidence);

        Assert.Equal(ProposalKind.Retire, kind);
        Assert.Equal([new EvidenceLink(EvidenceKind.Handoff, id)], evidence);
        Assert.Equal(["evidence[2]", "evidence[3]"], errors.Keys.Order());
    }

    [Fact]
    public void A_rationale_is_required()
    {
        var errors = ProposalRules.CheckRequest(new CreateProposalRequest("Retire", Guid.NewGuid(), null, " ", null), out _, out _);
        Assert.Equal(["rationale"], errors.Keys);
    }

    [Fact]
    public void The_linter_judges_the_proposed_question()
    {
        Assert.True(ProposalRules.Lint(ProposedStandard.Of(Current)).Ok);
        Assert.False(ProposalRules.Lint(ProposedStandard.Of(Current) with { Question = "Are restores of the backups tested where possible?" }).Ok);
    }
}
