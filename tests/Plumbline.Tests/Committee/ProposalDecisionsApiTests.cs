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

/// <summary>Deciding proposals (issue 15): who may propose and decide, the decision's rules, the proposer told, decisions in meetings.</summary>
public abstract class ProposalDecisionsApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task Waiting_proposals_head_a_meetings_agenda_and_a_decision_taken_in_the_meeting_is_listed_on_it()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var (tam, _) = await instance.UserAsync("Tam", "Terry Tam");
        var standard = await admin.CreateStandardAsync();
        var open = IdOf(await (await ProposeAsync(tam, ChangeOf(standard.Id, "Is at least 20% of the system drive free on every server?")))
            .ReadJsonAsync(HttpStatusCode.Created));
        var retire = IdOf(await (await ProposeAsync(tam, new { kind = "Retire", standardId = standard.Id, rationale = "Checked elsewhere." }))
            .ReadJsonAsync(HttpStatusCode.Created));
        await (await DecideAsync(admin, retire, "Deferred", "Wait for the merge.")).ReadJsonAsync();
        var meeting = (await (await admin.PostAsJsonAsync("/api/v1/committee/meetings", new { date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7) }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var agenda = (await (await admin.PostAsync($"/api/v1/committee/meetings/{meeting}/agenda", null)).ReadJsonAsync())
            .GetProperty("agenda").EnumerateArray().ToList();
        var decided = await (await DecideAsync(admin, open, "Approved", "Clearer.", meeting)).ReadJsonAsync();
        var page = await (await (await CookieBrowser.SignInAsync(instance, PlumblineFactory.AdminEmail)).GetAsync($"/committee/meetings/{meeting}"))
            .Content.ReadAsStringAsync();

        Assert.Equal([("Proposal", open), ("Proposal", retire)], agenda.Take(2).Select(a =>
            (a.GetProperty("sourceKind").GetString(), a.GetProperty("sourceId").GetGuid())));
        Assert.Contains("(deferred)", agenda[1].GetProperty("title").GetString());
        Assert.Contains(standard.Code, agenda[0].GetProperty("title").GetString());
        Assert.Equal(meeting, decided.GetProperty("meetingId").GetGuid());
        Assert.Contains($"/library/proposals/{open}?meetingId={meeting}", page);
        var decisions = page[page.IndexOf("id=\"meeting-decisions\"", StringComparison.Ordinal)..];
        Assert.Contains($"/library/proposals/{open}\"", decisions);
        Assert.Contains("Clearer.", decisions);
    }

    [Fact]
    public async Task The_proposer_is_notified_of_the_decision()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var standard = await admin.CreateStandardAsync();
        var id = IdOf(await (await ProposeAsync(tam, new { kind = "Retire", standardId = standard.Id, rationale = "Nobody uses fax any more." }))
            .ReadJsonAsync(HttpStatusCode.Created));

        await (await DecideAsync(admin, id, "Rejected", "Two clients still fax prescriptions.")).ExpectAsync(HttpStatusCode.OK);

        var notifications = await (await tam.GetAsync("/api/v1/notifications")).ReadJsonAsync();
        var mine = notifications.EnumerateArray().Single(n => n.GetProperty("link").GetString() == $"/library/proposals/{id}");
        Assert.Contains("rejected", mine.GetProperty("message").GetString());
        Assert.Contains("Two clients still fax prescriptions.", mine.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("Tam", HttpStatusCode.Created)]
    [InlineData("Vcio", HttpStatusCode.Created)]
    [InlineData("ServiceLead", HttpStatusCode.Created)]
    [InlineData("StandardsCommittee", HttpStatusCode.Created)]
    [InlineData("Admin", HttpStatusCode.Created)]
    [InlineData("ReadOnly", HttpStatusCode.Forbidden)]
    [InlineData("ServiceDesk", HttpStatusCode.Forbidden)]
    [InlineData("DesignDesk", HttpStatusCode.Forbidden)]
    public async Task Who_may_propose(string role, HttpStatusCode expected)
    {
        var admin = await factory.AdminAsync();
        var user = await factory.SignedInAsAsync(role);
        var standard = await admin.CreateStandardAsync();

        var response = await ProposeAsync(user, ChangeOf(standard.Id, "Is at least 25% of the system drive free on every server?"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(Url)).StatusCode);
    }

    [Theory]
    [InlineData("StandardsCommittee", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("Tam", HttpStatusCode.Forbidden)]
    [InlineData("Vcio", HttpStatusCode.Forbidden)]
    [InlineData("ServiceLead", HttpStatusCode.Forbidden)]
    [InlineData("ReadOnly", HttpStatusCode.Forbidden)]
    [InlineData("ServiceDesk", HttpStatusCode.Forbidden)]
    [InlineData("DesignDesk", HttpStatusCode.Forbidden)]
    public async Task Who_may_decide(string role, HttpStatusCode expected)
    {
        var admin = await factory.AdminAsync();
        var user = role == "Admin" ? admin : await factory.SignedInAsAsync(role);
        var standard = await admin.CreateStandardAsync();
        var id = IdOf(await (await ProposeAsync(admin, ChangeOf(standard.Id, "Is at least 30% of the system drive free on every server?")))
            .ReadJsonAsync(HttpStatusCode.Created));

        var response = await DecideAsync(user, id, "Deferred", "Next meeting.");

        Assert.Equal(expected, response.StatusCode);
        var status = (await (await admin.GetAsync($"{Url}/{id}")).ReadJsonAsync()).GetProperty("status").GetString();
        Assert.Equal(expected == HttpStatusCode.OK ? "Deferred" : "Open", status);
    }

    [Fact]
    public async Task Anonymous_callers_are_turned_away()
    {
        var anonymous = factory.Anonymous();
        await (await anonymous.GetAsync(Url)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync(Url, new { kind = "New" })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await DecideAsync(anonymous, Guid.NewGuid(), "Approved")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_decided_proposal_cannot_be_decided_again_but_a_deferred_one_can()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var id = IdOf(await (await ProposeAsync(admin, ChangeOf(standard.Id, "Is at least 15% of the system drive free on every server?")))
            .ReadJsonAsync(HttpStatusCode.Created));

        await (await DecideAsync(admin, id, "Deferred", "Wait for the new RMM.")).ExpectAsync(HttpStatusCode.OK);
        await (await DecideAsync(admin, id, "Approved")).ExpectAsync(HttpStatusCode.OK);
        await (await DecideAsync(admin, id, "Rejected", "Changed our mind.")).ProblemAsync(HttpStatusCode.Conflict);
        await (await DecideAsync(admin, id, "Approved")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(standard.Revision + 1, (await admin.GetStandardAsync(standard.Id)).Revision);
    }

    [Fact]
    public async Task Bad_decisions_are_refused_and_unknown_proposals_are_404()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var id = IdOf(await (await ProposeAsync(admin, new { kind = "Retire", standardId = standard.Id, rationale = "r" }))
            .ReadJsonAsync(HttpStatusCode.Created));

        await (await DecideAsync(admin, id, "Maybe")).ValidationProblemAsync("decision");
        await (await DecideAsync(admin, id, "Open")).ValidationProblemAsync("decision");
        await (await DecideAsync(admin, id, "Rejected")).ValidationProblemAsync("note");
        await (await DecideAsync(admin, id, "Deferred", "  ")).ValidationProblemAsync("note");
        await (await DecideAsync(admin, id, "Approved", null, Guid.Empty)).ValidationProblemAsync("meetingId");
        await (await DecideAsync(admin, id, "Approved", null, Guid.NewGuid())).ValidationProblemAsync("meetingId");
        await (await DecideAsync(admin, Guid.NewGuid(), "Approved")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Url}/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{Url}?status=Pending")).ValidationProblemAsync("status");
        await (await admin.GetAsync($"{Url}?kind=Swap")).ValidationProblemAsync("kind");
    }
}

public sealed class ProposalDecisionsApiOnSqlite(SqliteFactory factory) : ProposalDecisionsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ProposalDecisionsApiOnPostgres(PostgresFactory factory) : ProposalDecisionsApiTests(factory), IClassFixture<PostgresFactory>;
