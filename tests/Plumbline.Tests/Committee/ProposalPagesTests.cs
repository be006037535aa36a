using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Committee;

/// <summary>The proposal pages (issue 15): the form from a review item, the decision form, the list, and the entry points.</summary>
public sealed class ProposalPagesTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_tam_proposes_better_wording_from_a_review_item_with_the_answer_as_evidence()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id]);
        await admin.AnswerAsync(review.Id, standard.Id, "Yes");
        const string wording = "Is at least 20% of the system drive free on each server?";

        var reviewPage = await (await admin.GetAsync($"/reviews/{review.Id}")).ExpectAsync(HttpStatusCode.OK);
        var formPath = $"/library/proposals/new?kind=Change&standardId={standard.Id}&reviewId={review.Id}&question={Uri.EscapeDataString(wording)}";
        var form = await (await tam.GetAsync(formPath)).ExpectAsync(HttpStatusCode.OK);
        var posted = await factory.PostFormAsync(tam, formPath, formPath, new()
        {
            ["_handler"] = "proposal",
            ["Form.ProposalKind"] = "Change",
            ["Form.StandardId"] = standard.Id.ToString(),
            ["Form.Evidence[0]"] = Between(form, "name=\"Form.Evidence[0]\" value=\"", "\""),
            ["Form.Code"] = standard.Code,
            ["Form.CategoryId"] = standard.CategoryId.ToString(),
            ["Form.Title"] = standard.Title,
            ["Form.Question"] = wording,
            ["Form.WhyWeAsk"] = standard.WhyWeAsk,
            ["Form.HowToCheck"] = standard.HowToCheck,
            ["Form.References[0].Authority"] = standard.References[0].Authority,
            ["Form.References[0].Citation"] = standard.References[0].Citation,
            ["Form.Priority"] = "Medium",
            ["Form.Kind"] = "Technology",
            ["Form.Tags"] = "storage",
            ["Form.Rationale"] = "Three TAMs asked which drive counts.",
        });

        Assert.Contains($"id=\"propose-change-{standard.Id}\"", reviewPage);
        Assert.Contains("hx-post=\"/library/lint?standardId=" + standard.Id, form);
        Assert.Contains(wording, form);
        Assert.Contains("Review answer", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var proposalId = Guid.Parse(posted.Headers.Location!.OriginalString.Split('?')[0].Split('/').Last());
        var proposal = await (await admin.GetAsync($"/api/v1/standard-proposals/{proposalId}")).ReadJsonAsync();
        Assert.Equal("Change", proposal.GetProperty("kind").GetString());
        Assert.Equal(wording, proposal.GetProperty("proposed").GetProperty("question").GetString());
        Assert.Equal("Answer", proposal.GetProperty("evidence")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_committee_sees_the_diff_and_approves_on_the_proposal_page_a_tam_sees_no_decision_form()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var (committee, _) = await factory.UserAsync("StandardsCommittee");
        var standard = await admin.CreateStandardAsync();
        var created = await (await tam.PostAsJsonAsync("/api/v1/standard-proposals", new
        {
            kind = "Change",
            standardId = standard.Id,
            proposed = new { question = "Is at least 35% of the system drive free on every server?" },
            rationale = "Updates need more room now.",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var page = $"/library/proposals/{created.GetProperty("id").GetGuid()}";

        var asTam = await (await tam.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        var asCommittee = await (await committee.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        var approved = await factory.PostFormAsync(committee, page, page, new() { ["_handler"] = "decision", ["Decision"] = "Approved", ["Note"] = "" });

        Assert.Contains("id=\"proposal-diff\"", asTam);
        Assert.Contains("<ins", asTam);
        Assert.DoesNotContain("id=\"decision-approve\"", asTam);
        Assert.Contains("id=\"decision-approve\"", asCommittee);
        Assert.Contains("id=\"decision-note\"", asCommittee);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal("Is at least 35% of the system drive free on every server?", (await admin.GetStandardAsync(standard.Id)).Question);
    }

    [Fact]
    public async Task Rejecting_without_a_note_on_the_page_says_why_and_changes_nothing()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/standard-proposals",
            new { kind = "Retire", standardId = standard.Id, rationale = "Replaced." })).ReadJsonAsync(HttpStatusCode.Created);
        var page = $"/library/proposals/{created.GetProperty("id").GetGuid()}";

        var refused = await (await factory.PostFormAsync(admin, page, page, new() { ["_handler"] = "decision", ["Decision"] = "Rejected" }))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("id=\"decision-problem\"", refused);
        Assert.Contains("Say why", refused);
        Assert.Equal("Open", (await (await admin.GetAsync($"/api/v1/standard-proposals/{created.GetProperty("id").GetGuid()}")).ReadJsonAsync())
            .GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_list_has_an_empty_state_and_the_entry_points_show_for_those_who_may_propose()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var reader = await factory.SignedInAsAsync("ReadOnly");
        var standard = await admin.CreateStandardAsync();
        var handoff = await admin.CreateHandoffAsync((await admin.CreateClientAsync()).Id, "ServiceDesk", title: "Printers keep dropping off");

        var empty = await (await tam.GetAsync($"/library/proposals?standardId={standard.Id}")).ExpectAsync(HttpStatusCode.OK);
        var standardPage = await (await tam.GetAsync($"/library/standards/{standard.Id}")).ExpectAsync(HttpStatusCode.OK);
        var libraryPage = await (await tam.GetAsync("/library")).ExpectAsync(HttpStatusCode.OK);
        var handoffPage = await (await tam.GetAsync($"/handoffs/{handoff.Id}")).ExpectAsync(HttpStatusCode.OK);
        var committeeQueue = await (await admin.GetAsync("/handoffs?area=StandardsCommittee")).ExpectAsync(HttpStatusCode.OK);
        var readerStandard = await (await reader.GetAsync($"/library/standards/{standard.Id}")).ExpectAsync(HttpStatusCode.OK);
        var readerForm = await factory.NoRedirects(reader).GetAsync("/library/proposals/new?kind=New");
        var retireForm = await (await tam.GetAsync($"/library/proposals/new?kind=Retire&standardId={standard.Id}")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("No proposals here", empty.Replace("Nothing waits for the committee", "No proposals here"));
        Assert.Contains("id=\"propose-change\"", standardPage);
        Assert.Contains("id=\"propose-retirement\"", standardPage);
        Assert.Contains("id=\"propose-new-standard\"", libraryPage);
        Assert.Contains("id=\"nav-proposals\"", libraryPage);
        Assert.Contains($"handoffId={handoff.Id}", handoffPage.Replace("&amp;", "&"));
        Assert.Contains("id=\"committee-proposals\"", committeeQueue);
        Assert.DoesNotContain("id=\"propose-change\"", readerStandard);
        Assert.DoesNotContain("id=\"nav-proposals\"", readerStandard);
        Assert.NotEqual(HttpStatusCode.OK, readerForm.StatusCode);
        Assert.Contains($"Propose retiring {standard.Code}", retireForm);
        Assert.DoesNotContain("id=\"proposal-question\"", retireForm);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page.");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
