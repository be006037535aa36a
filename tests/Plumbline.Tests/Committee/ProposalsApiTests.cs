using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;
using static Plumbline.Tests.Committee.ProposalApi;

namespace Plumbline.Tests.Committee;

/// <summary>Proposals to the standards committee (issue 15): what each kind asks for, and what approving does to the library.</summary>
public abstract class ProposalsApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_tam_proposes_a_change_and_the_committee_approves_it_as_a_new_revision_the_next_review_shows()
    {
        var admin = await factory.AdminAsync();
        var (tam, tamUser) = await factory.UserAsync("Tam", "Terry Tam");
        var (committee, _) = await factory.UserAsync("StandardsCommittee", "Casey Committee");
        var standard = await admin.CreateStandardAsync();
        var clientId = (await admin.CreateClientAsync()).Id;
        var first = await admin.SubmittedReviewAsync(clientId, ReviewData.VisitDay, (standard.Id, "Yes"));
        var itemId = await ReviewItemIdAsync(first.Id, standard.Id);
        const string question = "Is at least 20% of the system drive free on every server?";

        var created = await (await ProposeAsync(tam, new
        {
            kind = "Change",
            standardId = standard.Id,
            proposed = new { question },
            rationale = "The old wording left the threshold open.",
            evidence = new[] { new { kind = "Answer", id = itemId } },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var decided = await (await DecideAsync(committee, IdOf(created), "Approved", "Clearer.")).ReadJsonAsync();

        Assert.Equal("Open", created.GetProperty("status").GetString());
        Assert.Equal(tamUser.Id, created.GetProperty("proposedBy").GetString());
        Assert.Equal(standard.Code, created.GetProperty("standardCode").GetString());
        Assert.Equal(standard.Title, created.GetProperty("proposed").GetProperty("title").GetString());
        Assert.Equal("Answer", created.GetProperty("evidence")[0].GetProperty("kind").GetString());
        Assert.Equal("Approved", decided.GetProperty("status").GetString());
        Assert.Equal("Clearer.", decided.GetProperty("decisionNote").GetString());
        var after = await admin.GetStandardAsync(standard.Id);
        Assert.Equal(question, after.Question);
        Assert.Equal(standard.Revision + 1, after.Revision);
        var next = await admin.CreateReviewAsync(clientId, [standard.Id], ReviewData.VisitDay.AddMonths(3));
        Assert.True(next.Item(standard.Id).ChangedSinceLastReview);
    }

    [Fact]
    public async Task An_approved_new_standard_becomes_active_in_the_library()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var category = await admin.CreateCategoryAsync();
        var code = LibraryData.UniqueCode("N");

        var created = await (await ProposeAsync(tam, new
        {
            kind = "New",
            proposed = new
            {
                code,
                categoryId = category.Id,
                title = "Printer firmware",
                question = "Is the firmware of every networked printer on a version its maker still supports?",
                whyWeAsk = "Printers with old firmware are an easy way into the network.",
                howToCheck = "Read the firmware version from each printer's web page and compare it with the maker's support list.",
                references = new[] { new { authority = "CIS Controls v8", citation = "Safeguard 2.2" } },
                priority = "Low",
                tags = new[] { "printers" },
            },
            rationale = "Three clients had printer firmware from 2019.",
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("standardId").ValueKind);
        Assert.True(created.GetProperty("lint").GetProperty("ok").GetBoolean());

        var approved = await (await DecideAsync(admin, IdOf(created), "Approved")).ReadJsonAsync();

        var standardId = approved.GetProperty("standardId").GetGuid();
        var standard = await admin.GetStandardAsync(standardId);
        Assert.Equal(code, standard.Code);
        Assert.Equal(StandardStatus.Active, standard.Status);
        Assert.Equal(Priority.Low, standard.Priority);
        Assert.Equal(["printers"], standard.Tags);
        Assert.Equal(1, standard.Revision);
    }

    [Fact]
    public async Task An_approved_retirement_retires_the_standard()
    {
        var admin = await factory.AdminAsync();
        var (committee, _) = await factory.UserAsync("StandardsCommittee");
        var standard = await admin.CreateStandardAsync();
        var meetingId = (await (await committee.PostAsJsonAsync("/api/v1/committee/meetings", new { date = new DateOnly(2027, 3, 10) }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var id = IdOf(await (await ProposeAsync(committee, new { kind = "Retire", standardId = standard.Id, rationale = "Merged into another." }))
            .ReadJsonAsync(HttpStatusCode.Created));

        var approved = await (await DecideAsync(committee, id, "Approved", null, meetingId)).ReadJsonAsync();

        Assert.Equal(meetingId, approved.GetProperty("meetingId").GetGuid());
        Assert.Equal(StandardStatus.Retired, (await admin.GetStandardAsync(standard.Id)).Status);
        var again = await ProposeAsync(committee, new { kind = "Retire", standardId = standard.Id, rationale = "Twice." });
        await again.ValidationProblemAsync("standardId");
    }

    [Fact]
    public async Task A_question_with_lint_errors_is_saved_open_but_approving_it_is_a_422_with_the_findings()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var standard = await admin.CreateStandardAsync();

        var created = await (await ProposeAsync(tam, ChangeOf(standard.Id, "Are restores of the backups tested where possible?")))
            .ReadJsonAsync(HttpStatusCode.Created);
        var problem = await (await DecideAsync(admin, IdOf(created), "Approved")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Open", created.GetProperty("status").GetString());
        Assert.False(created.GetProperty("lint").GetProperty("ok").GetBoolean());
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("Open", (await (await admin.GetAsync($"{Url}/{IdOf(created)}")).ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(standard.Question, (await admin.GetStandardAsync(standard.Id)).Question);
        await (await DecideAsync(admin, IdOf(created), "Rejected", "Ask one thing at a time.")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bad_proposals_are_refused_field_by_field()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var category = await admin.CreateCategoryAsync();

        await (await ProposeAsync(admin, new { kind = "Change", standardId = Guid.NewGuid(), proposed = new { title = "X" }, rationale = "r" }))
            .ValidationProblemAsync("standardId");
        await (await ProposeAsync(admin, new { kind = "Retire", rationale = "r" })).ValidationProblemAsync("standardId");
        await (await ProposeAsync(admin, new { kind = "New", standardId = standard.Id, proposed = new { }, rationale = "r" }))
            .ValidationProblemAsync("standardId");
        await (await ProposeAsync(admin, new { kind = "Swap", rationale = "r" })).ValidationProblemAsync("kind");
        await (await ProposeAsync(admin, new { kind = "Retire", standardId = standard.Id })).ValidationProblemAsync("rationale");
        await (await ProposeAsync(admin, new
        {
            kind = "New",
            proposed = new { code = standard.Code, categoryId = category.Id, title = "Copy", question = "Is it copied?" },
            rationale = "r",
        })).ValidationProblemAsync("proposed.code");
        await (await ProposeAsync(admin, new { kind = "New", proposed = new { code = LibraryData.UniqueCode(), categoryId = category.Id }, rationale = "r" }))
            .ValidationProblemAsync("proposed.question");
        await (await ProposeAsync(admin, new { kind = "Change", standardId = standard.Id, proposed = new { question = standard.Question }, rationale = "r" }))
            .ValidationProblemAsync("proposed");
        await (await ProposeAsync(admin, new { kind = "Change", standardId = standard.Id, proposed = new { priority = "Urgent" }, rationale = "r" }))
            .ValidationProblemAsync("proposed.priority");
        await (await ProposeAsync(admin, new
        {
            kind = "Retire",
            standardId = standard.Id,
            rationale = "r",
            evidence = new[] { new { kind = "Handoff", id = Guid.NewGuid() } },
        })).ValidationProblemAsync("evidence[0]");
        await (await ProposeAsync(admin, new
        {
            kind = "Retire",
            standardId = standard.Id,
            rationale = "r",
            evidence = new[] { new { kind = "Email", id = Guid.NewGuid() } },
        })).ValidationProblemAsync("evidence[0]");
    }

    [Fact]
    public async Task The_list_is_newest_first_filters_by_status_kind_and_standard_and_pages()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var ids = new List<Guid>();
        foreach (var q in new[] { 11, 12, 13 })
            ids.Add(IdOf(await (await ProposeAsync(admin, ChangeOf(standard.Id, $"Is at least {q}% of the system drive free on every server?")))
                .ReadJsonAsync(HttpStatusCode.Created)));
        await (await DecideAsync(admin, ids[0], "Rejected", "No.")).ExpectAsync(HttpStatusCode.OK);

        var all = await (await admin.GetAsync($"{Url}?standardId={standard.Id}")).ReadJsonAsync();
        var open = await (await admin.GetAsync($"{Url}?standardId={standard.Id}&status=open&kind=Change")).ReadJsonAsync();
        var retire = await (await admin.GetAsync($"{Url}?standardId={standard.Id}&kind=Retire")).ReadJsonAsync();
        var page2 = await (await admin.GetAsync($"{Url}?standardId={standard.Id}&pageSize=2&page=2")).ReadJsonAsync();

        Assert.Equal(ids.AsEnumerable().Reverse(), all.GetProperty("items").EnumerateArray().Select(IdOf));
        Assert.Equal([ids[2], ids[1]], open.GetProperty("items").EnumerateArray().Select(IdOf));
        Assert.Equal(0, retire.GetProperty("total").GetInt32());
        Assert.Equal(3, page2.GetProperty("total").GetInt32());
        Assert.Equal([ids[0]], page2.GetProperty("items").EnumerateArray().Select(IdOf));
    }

    private async Task<Guid> ReviewItemIdAsync(Guid reviewId, Guid standardId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ReviewItems
            .Where(i => i.ReviewId == reviewId && i.StandardId == standardId).Select(i => i.Id).SingleAsync();
    }
}

public sealed class ProposalsApiOnSqlite(SqliteFactory factory) : ProposalsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ProposalsApiOnPostgres(PostgresFactory factory) : ProposalsApiTests(factory), IClassFixture<PostgresFactory>;
