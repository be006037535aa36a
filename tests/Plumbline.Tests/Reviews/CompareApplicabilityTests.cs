using System.Net;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>Comparing two reviews when a standard was N/A on one side: a change of applicability, not of alignment.</summary>
public abstract class CompareApplicabilityTests(PlumblineFactory factory)
{
    [Fact]
    public async Task Na_on_one_side_is_newly_applicable_or_now_not_applicable_never_changed_improved_or_regressed()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "High", "Medium", "Low");
        var (appliesNow, noLongerApplies, stillNa, fixedOne) = (library[0].Id, library[1].Id, library[2].Id, library[3].Id);
        var client = await admin.CreateClientAsync();
        var before = await admin.SubmittedReviewAsync(client.Id, new DateOnly(2025, 12, 1),
            (appliesNow, "NotApplicable"), (noLongerApplies, "No"), (stillNa, "NotApplicable"), (fixedOne, "No"));
        var after = await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay,
            (appliesNow, "No"), (noLongerApplies, "NotApplicable"), (stillNa, "NotApplicable"), (fixedOne, "Yes"));

        var body = await (await admin.GetAsync($"/api/v1/reviews/compare?from={before.Id}&to={after.Id}")).ReadAsync<CompareDetails>();

        var change = body.Items.ToDictionary(l => l.StandardId, l => l.Change);
        Assert.Equal(AnswerChange.NewlyApplicable, change[appliesNow]);
        Assert.Equal(AnswerChange.NowNotApplicable, change[noLongerApplies]);
        Assert.Equal(AnswerChange.Unchanged, change[stillNa]);
        Assert.Equal(AnswerChange.Improved, change[fixedOne]);
        Assert.Equal([AnswerChange.Improved, AnswerChange.NewlyApplicable, AnswerChange.NowNotApplicable, AnswerChange.Unchanged],
            body.Items.Select(l => l.Change));

        var page = WebUtility.HtmlDecode(await (await admin.GetAsync($"/clients/{client.Id}/compare?from={before.Id}&to={after.Id}"))
            .ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Newly applicable", page);
        Assert.Contains("Now not applicable", page);
        Assert.DoesNotContain("<strong>Changed</strong>", page);
    }
}

public sealed class CompareApplicabilityOnSqlite(SqliteFactory factory) : CompareApplicabilityTests(factory), IClassFixture<SqliteFactory>;

public sealed class CompareApplicabilityOnPostgres(PostgresFactory factory) : CompareApplicabilityTests(factory), IClassFixture<PostgresFactory>;
