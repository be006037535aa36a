using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

public abstract class StandardsApiTests(PlumblineFactory factory)
{
    private async Task<(HttpClient Admin, CategoryDetails Category)> LibraryAsync()
    {
        var admin = await factory.AdminAsync();
        return (admin, await admin.CreateCategoryAsync(reviewIntervalMonths: 6));
    }

    [Fact]
    public async Task A_standard_is_created_with_every_field_of_the_api()
    {
        var (admin, category) = await LibraryAsync();
        var request = new NewStandard(category.Id)
        {
            Code = LibraryData.UniqueCode("fw").ToLowerInvariant(),
            Priority = "High",
            Kind = "Compliance",
            Tags = ["Firewall", "perimeter", "firewall"]
        };

        var response = await admin.PostAsJsonAsync("/api/v1/standards", request);

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        foreach (var field in new[] { "id", "code", "categoryId", "title", "question", "whyWeAsk", "howToCheck", "references", "priority",
            "reviewIntervalMonths", "kind", "tags", "status", "revision" })
            Assert.True(body.TryGetProperty(field, out _), $"The standard has no '{field}': {body}");
        var created = await admin.GetStandardAsync(body.GetProperty("id").GetGuid());
        Assert.Equal($"/api/v1/standards/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(request.Code.ToUpperInvariant(), created.Code);
        Assert.Equal((Priority.High, StandardKind.Compliance, StandardStatus.Active, 1), (created.Priority, created.Kind, created.Status, created.Revision));
        Assert.Equal(["firewall", "perimeter"], created.Tags);
        Assert.Equal(new StandardReference("CIS Controls v8", "Safeguard 4.1: secure configuration", "https://www.cisecurity.org/controls"),
            Assert.Single(created.References));
        Assert.Null(created.ReviewIntervalMonths);
        Assert.Equal(6, created.EffectiveReviewIntervalMonths);
    }

    [Fact]
    public async Task A_draft_may_break_the_question_rules_but_an_active_standard_may_not()
    {
        var (admin, category) = await LibraryAsync();
        var open = new NewStandard(category.Id) { Question = "How much free space is left on the C: drive?" };

        var draft = await admin.CreateStandardAsync(open with { Code = LibraryData.UniqueCode(), Status = "Draft" });
        var active = await admin.PostAsJsonAsync("/api/v1/standards", open);

        Assert.Equal(StandardStatus.Draft, draft.Status);
        var problem = await active.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.False(problem.GetProperty("ok").GetBoolean());
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("open-question", error.GetProperty("rule").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        await (await admin.PostAsync($"/api/v1/standards/{draft.Id}/activate", null)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("question")]
    [InlineData("howToCheck")]
    [InlineData("priority")]
    public async Task Changing_what_the_question_means_makes_a_new_revision(string field)
    {
        var (admin, category) = await LibraryAsync();
        var original = new NewStandard(category.Id);
        var standard = await admin.CreateStandardAsync(original);
        var changed = field switch
        {
            "question" => original with { Question = "Is there at least 25% free space on the system drive of every server?" },
            "howToCheck" => original with { HowToCheck = "Run Get-Volume on each server and read SizeRemaining." },
            _ => original with { Priority = "High" },
        };

        var updated = await (await admin.PutAsJsonAsync($"/api/v1/standards/{standard.Id}", changed)).ReadAsync<StandardDetails>();
        var revisions = await (await admin.GetAsync($"/api/v1/standards/{standard.Id}/revisions")).ReadAsync<List<StandardRevisionDetails>>();

        Assert.Equal(2, updated.Revision);
        Assert.Equal([2, 1], revisions.Select(r => r.Revision));
        Assert.Equal(original.Question, revisions[1].Question);
        Assert.Equal("Alex Admin", revisions[0].CreatedBy);
    }

    [Fact]
    public async Task Editing_the_title_tags_or_references_keeps_the_revision()
    {
        var (admin, category) = await LibraryAsync();
        var original = new NewStandard(category.Id);
        var standard = await admin.CreateStandardAsync(original);

        var edited = original with
        {
            Title = "System drive headroom",
            Tags = ["capacity"],
            References = [new("NIST SP 800-40 Rev. 4", "Section 3", null)],
            ReviewIntervalMonths = 3
        };
        var updated = await (await admin.PutAsJsonAsync($"/api/v1/standards/{standard.Id}", edited)).ReadAsync<StandardDetails>();
        var revisions = await (await admin.GetAsync($"/api/v1/standards/{standard.Id}/revisions")).ReadAsync<List<StandardRevisionDetails>>();

        Assert.Equal(1, updated.Revision);
        Assert.Equal(("System drive headroom", 3), (updated.Title, updated.EffectiveReviewIntervalMonths));
        Assert.Equal("System drive headroom", Assert.Single(revisions).Title);
    }

    [Fact]
    public async Task An_active_standard_is_retired_and_reactivated_never_deleted()
    {
        var (admin, category) = await LibraryAsync();
        var standard = await admin.CreateStandardAsync(new NewStandard(category.Id));

        await (await admin.DeleteAsync($"/api/v1/standards/{standard.Id}")).ProblemAsync(HttpStatusCode.Conflict);
        var retired = await (await admin.PostAsync($"/api/v1/standards/{standard.Id}/retire", null)).ReadAsync<StandardDetails>();
        var reactivated = await (await admin.PostAsync($"/api/v1/standards/{standard.Id}/reactivate", null)).ReadAsync<StandardDetails>();

        Assert.Equal(StandardStatus.Retired, retired.Status);
        Assert.Equal(StandardStatus.Active, reactivated.Status);
        Assert.Equal(1, reactivated.Revision);
    }

    [Fact]
    public async Task An_unused_draft_is_deleted_and_cannot_be_retired()
    {
        var (admin, category) = await LibraryAsync();
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft" });

        await (await admin.PostAsync($"/api/v1/standards/{draft.Id}/retire", null)).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync($"/api/v1/standards/{draft.Id}")).ExpectAsync(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/api/v1/standards/{draft.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_with_a_broken_question_is_activated_once_the_question_is_fixed()
    {
        var (admin, category) = await LibraryAsync();
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Status = "Draft", Question = "Are backups maybe tested?" });

        await (await admin.PostAsync($"/api/v1/standards/{draft.Id}/activate", null)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        var fixedQuestion =
            new NewStandard(category.Id) { Code = draft.Code, Status = "Active", Question = "Was a restore of every backup set tested in the last 3 months?" };
        var activated = await (await admin.PutAsJsonAsync($"/api/v1/standards/{draft.Id}", fixedQuestion)).ReadAsync<StandardDetails>();

        Assert.Equal((StandardStatus.Active, 2), (activated.Status, activated.Revision));
    }

    [Fact]
    public async Task Codes_are_unique_and_categories_must_exist()
    {
        var (admin, category) = await LibraryAsync();
        var standard = await admin.CreateStandardAsync(new NewStandard(category.Id));

        await (await admin.PostAsJsonAsync("/api/v1/standards", new NewStandard(category.Id) { Code = standard.Code.ToLowerInvariant() }))
            .ValidationProblemAsync("code");
        await (await admin.PostAsJsonAsync("/api/v1/standards", new NewStandard(Guid.NewGuid()))).ValidationProblemAsync("categoryId");
        await (await admin.PostAsJsonAsync("/api/v1/standards", new NewStandard(category.Id) { Status = "Retired" })).ValidationProblemAsync("status");
    }

    [Fact]
    public async Task A_TAM_reads_standards_but_cannot_create_or_change_them()
    {
        var (admin, category) = await LibraryAsync();
        var standard = await admin.CreateStandardAsync(new NewStandard(category.Id));
        var tam = await factory.SignedInAsAsync("Tam");

        await (await tam.GetAsync("/api/v1/standards")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync($"/api/v1/standards/{standard.Id}")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync($"/api/v1/standards/{standard.Id}/revisions")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.PostAsJsonAsync("/api/v1/standards", new NewStandard(category.Id))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PutAsJsonAsync($"/api/v1/standards/{standard.Id}", new NewStandard(category.Id) { Code = standard.Code }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsync($"/api/v1/standards/{standard.Id}/retire", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.DeleteAsync($"/api/v1/standards/{standard.Id}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Vcio")]
    [InlineData("ServiceLead")]
    public async Task The_standards_committee_roles_may_edit_the_library(string role)
    {
        var (_, category) = await LibraryAsync();
        var member = await factory.SignedInAsAsync(role);

        await (await member.PostAsJsonAsync("/api/v1/standards", new NewStandard(category.Id))).ExpectAsync(HttpStatusCode.Created);
    }
}

public sealed class StandardsApiOnSqlite(SqliteFactory factory) : StandardsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class StandardsApiOnPostgres(PostgresFactory factory) : StandardsApiTests(factory), IClassFixture<PostgresFactory>;
