using System.Net;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

/// <summary>
/// The similarity check (issue 15, PRODUCT.md Standards governance): two questions about the same control score high even in
/// other words; questions about different controls score low; the editor names the closest three active standards.
/// </summary>
public sealed class QuestionSimilarityTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string[] Library =
    [
        "Firewall configuration backed up. Is the firewall configuration backed up automatically at least weekly, with copies off the device?",
        "Switch configurations backed up. Is every switch configuration backed up automatically after each change?",
        "Free space on servers. Is there at least 20% free space on the system drive of every server?",
        "Multi-factor sign-in for email. Do all mailbox users sign in with multi-factor authentication?",
        "Guest wireless kept apart. Is the guest wireless network separated from the office network?",
        "Printer firmware current. Is the firmware of every printer on a supported version?",
    ];

    private static readonly QuestionSimilarity Index = new(Library);

    [Fact]
    public void A_question_is_wholly_like_itself_and_the_score_is_symmetric()
    {
        Assert.Equal(1.0, Index.Score(Library[0], Library[0]), 6);
        Assert.Equal(Index.Score(Library[0], Library[1]), Index.Score(Library[1], Library[0]), 9);
    }

    [Fact]
    public void The_same_control_in_other_words_is_above_the_threshold()
    {
        var reworded = "Firewall config backups. Are backups of the firewall's configuration taken every week and stored away from the device?";

        Assert.True(Index.Score(reworded, Library[0]) >= QuestionSimilarity.SameControl, $"Score {Index.Score(reworded, Library[0]):0.000}");
    }

    [Fact]
    public void Different_controls_are_far_below_the_threshold()
    {
        Assert.True(Index.Score(Library[2], Library[3]) < 0.1);
        Assert.True(Index.Score(Library[4], Library[5]) < 0.1);
    }

    [Fact]
    public void Plurals_and_backed_up_meet_as_one_word()
    {
        Assert.Equal(QuestionSimilarity.Terms("Configurations backed up").ToList(), QuestionSimilarity.Terms("configuration backups").ToList());
        Assert.Empty(QuestionSimilarity.Terms("Is there at least one of the"));
    }

    [Fact]
    public void The_closest_three_come_best_first_without_the_standard_itself()
    {
        var ids = Library.Select(_ => Guid.NewGuid()).ToArray();
        var candidates = Library.Select((text, i) => (ids[i], $"S-{i}", text.Split(". ")[0], text.Split(". ")[1])).ToList();

        var closest = Index.Closest("Are the firewall and switch configurations backed up weekly?", candidates, 3, except: ids[1]);

        Assert.Equal(ids[0], closest[0].Id);
        Assert.DoesNotContain(closest, c => c.Id == ids[1]);
        Assert.True(closest.Count <= 3);
        Assert.Equal(closest.OrderByDescending(c => c.Score).Select(c => c.Id), closest.Select(c => c.Id));
        Assert.Empty(Index.Closest("", candidates));
    }

    [Fact]
    public async Task The_editor_names_an_active_standard_that_may_check_the_same_control()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var existing = await admin.CreateStandardAsync(new NewStandard(category.Id)
        {
            Title = "Firewall configuration backed up",
            Question = "Is the firewall configuration backed up automatically at least weekly, with copies off the device?",
        });
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id)
        {
            Title = "Firewall configuration backups checked",
            Question = "Is the firewall configuration backed up every week and kept away from the device?",
            Status = "Draft",
        });

        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = "Firewall config backups",
            ["Form.Question"] = "Are backups of the firewall configuration taken weekly and stored off the device?",
        };
        var html = WebUtility.HtmlDecode(await (await instance.PostFormAsync(admin, "/library/standards/new", "/library/lint", fields))
            .ExpectAsync(HttpStatusCode.OK));
        var ownPage = WebUtility.HtmlDecode(await (await instance.PostFormAsync(admin, "/library/standards/new",
            $"/library/lint?standardId={existing.Id}", fields)).ExpectAsync(HttpStatusCode.OK));

        Assert.Contains($"href=\"/library/standards/{existing.Id}\"", html);
        Assert.Contains("may check the same control", html);
        Assert.DoesNotContain(draft.Id.ToString(), html);
        Assert.DoesNotContain(existing.Id.ToString(), ownPage);
    }
}
