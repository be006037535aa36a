using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Committee;

/// <summary>The committee's yearly review of every active standard (issue 15): the dates, recording a review, the due filter.</summary>
public abstract class YearlyReviewApiTests(PlumblineFactory factory)
{
    private static DateOnly Today => CommitteeData.Today;

    [Fact]
    public async Task A_new_active_standard_is_due_for_review_a_year_after_it_became_active_and_a_draft_only_once_activated()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();

        var active = await admin.CreateStandardAsync(new NewStandard(category.Id));
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft" });

        var json = await (await admin.GetAsync($"/api/v1/standards/{active.Id}")).ReadJsonAsync();
        Assert.Equal(Today.AddYears(1).ToString("yyyy-MM-dd"), json.GetProperty("nextReviewOn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("lastReviewedOn").ValueKind);
        Assert.Null(draft.NextReviewOn);
        var activated = await (await admin.PostAsync($"/api/v1/standards/{draft.Id}/activate", null)).ReadAsync<StandardDetails>();
        Assert.Equal(Today.AddYears(1), activated.NextReviewOn);
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("StandardsCommittee")]
    public async Task The_committee_records_a_review_and_the_standard_is_due_again_a_year_later(string role)
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        await factory.SetNextReviewAsync(standard.Id, Today.AddDays(-10));
        var (member, user) = await factory.UserAsync(role, LibraryData.UniqueName("Reviewer"));

        var reviewed = await (await member.PostAsJsonAsync($"/api/v1/standards/{standard.Id}/reviewed", new { note = "  Still right.\r\nNo change.  " }))
            .ReadAsync<StandardDetails>();

        Assert.Equal(Today, reviewed.LastReviewedOn);
        Assert.Equal(Today.AddYears(1), reviewed.NextReviewOn);
        Assert.Equal(standard.Revision, reviewed.Revision);
        Assert.Equal(standard.Version, reviewed.Version);
        var history = await (await admin.GetAsync($"/api/v1/standards/{standard.Id}/reviews")).ReadAsync<List<StandardReviewDetails>>();
        var review = Assert.Single(history);
        Assert.Equal((Today, user.Name, "Still right.\nNo change.", standard.Revision), (review.ReviewedOn, review.ReviewedBy, review.Note, review.Revision));
    }

    [Fact]
    public async Task A_review_needs_no_note_but_a_long_note_is_refused()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();

        await (await admin.PostAsJsonAsync($"/api/v1/standards/{standard.Id}/reviewed", new { note = new string('n', 2001) }))
            .ValidationProblemAsync("note");
        await (await admin.PostAsync($"/api/v1/standards/{standard.Id}/reviewed", JsonContent.Create(new { }))).ExpectAsync(HttpStatusCode.OK);
        var review = Assert.Single(await (await admin.GetAsync($"/api/v1/standards/{standard.Id}/reviews")).ReadAsync<List<StandardReviewDetails>>());
        Assert.Equal("", review.Note);
    }

    [Fact]
    public async Task Drafts_and_retired_standards_are_not_reviewed_and_an_unknown_standard_is_not_found()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft" });
        var retired = await admin.CreateStandardAsync(new NewStandard(category.Id));
        await (await admin.PostAsync($"/api/v1/standards/{retired.Id}/retire", null)).ExpectAsync(HttpStatusCode.OK);

        var draftProblem = await (await admin.PostAsJsonAsync($"/api/v1/standards/{draft.Id}/reviewed", new { note = "" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var retiredProblem = await (await admin.PostAsJsonAsync($"/api/v1/standards/{retired.Id}/reviewed", new { note = "" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/standards/{Guid.NewGuid()}/reviewed", new { note = "" })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("draft", draftProblem.GetProperty("detail").GetString());
        Assert.Contains("retired", retiredProblem.GetProperty("detail").GetString());
        Assert.Empty(await (await admin.GetAsync($"/api/v1/standards/{draft.Id}/reviews")).ReadAsync<List<StandardReviewDetails>>());
    }

    [Fact]
    public async Task Review_due_lists_the_active_standards_whose_next_review_has_come()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var tag = LibraryData.UniqueCode("due").ToLowerInvariant();
        async Task<StandardDetails> StandardDue(DateOnly? next, string status = "Active")
        {
            var s = await admin.CreateStandardAsync(new NewStandard(category.Id) { Tags = [tag] });
            if (status == "Retired") await (await admin.PostAsync($"/api/v1/standards/{s.Id}/retire", null)).ExpectAsync(HttpStatusCode.OK);
            await factory.SetNextReviewAsync(s.Id, next);
            return s;
        }
        var overdue = await StandardDue(Today.AddDays(-40));
        var dueToday = await StandardDue(Today);
        var notYet = await StandardDue(Today.AddDays(1));
        var retired = await StandardDue(Today.AddDays(-40), "Retired");

        var due = await (await admin.GetAsync($"/api/v1/standards?tag={tag}&reviewDue=true&sort=nextReview")).ReadAsync<Paged<StandardDetails>>();
        var notDue = await (await admin.GetAsync($"/api/v1/standards?tag={tag}&reviewDue=false")).ReadAsync<Paged<StandardDetails>>();

        Assert.Equal([overdue.Id, dueToday.Id], due.Items.Select(s => s.Id));
        Assert.Equal(new[] { notYet.Id, retired.Id }.Order(), notDue.Items.Select(s => s.Id).Order());
        await (await admin.GetAsync("/api/v1/standards?reviewDue=maybe")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("Vcio")]
    [InlineData("ServiceLead")]
    [InlineData("Tam")]
    [InlineData("ReadOnly")]
    public async Task Only_admins_and_the_committee_record_reviews_but_everyone_reads_them(string role)
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var user = await factory.SignedInAsAsync(role);

        await (await user.PostAsJsonAsync($"/api/v1/standards/{standard.Id}/reviewed", new { note = "" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient().PostAsJsonAsync($"/api/v1/standards/{standard.Id}/reviewed", new { note = "" }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        await (await user.GetAsync($"/api/v1/standards/{standard.Id}/reviews")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync("/api/v1/standards?reviewDue=true")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Standards_active_before_yearly_reviews_existed_are_due_a_year_after_they_were_created()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var old = await admin.CreateStandardAsync(new NewStandard(category.Id));
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft" });
        var created = new DateTime(2025, 6, 17, 15, 30, 0, DateTimeKind.Utc);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Standards.Where(s => s.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.NextReviewOn, (DateOnly?)null)
                .SetProperty(s => s.CreatedAt, created));

            await YearlyReviews.ScheduleExistingAsync(db, CancellationToken.None);
        }

        Assert.Equal(new DateOnly(2026, 6, 17), (await admin.GetStandardAsync(old.Id)).NextReviewOn);
        Assert.Null((await admin.GetStandardAsync(draft.Id)).NextReviewOn);
    }
}

public sealed class YearlyReviewApiOnSqlite(SqliteFactory factory) : YearlyReviewApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class YearlyReviewApiOnPostgres(PostgresFactory factory) : YearlyReviewApiTests(factory), IClassFixture<PostgresFactory>;
