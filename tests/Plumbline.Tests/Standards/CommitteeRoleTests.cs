using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

/// <summary>The standards committee is a role of its own (issue 15): it keeps the library and works its hand-off queue, nothing more.</summary>
public sealed class CommitteeRoleTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_committee_member_edits_the_library_but_not_the_clients()
    {
        var admin = await factory.AdminAsync();
        var (committee, member) = await factory.UserAsync("StandardsCommittee", "Casey Committee");
        var category = await admin.CreateCategoryAsync();

        var standard = await committee.PostAsJsonAsync("/api/v1/standards", new NewStandard(category.Id));
        var client = await committee.PostAsJsonAsync("/api/v1/clients", new { name = LibraryData.UniqueName("Contoso"), status = "Active", mrr = 1000m });

        Assert.Equal(HttpStatusCode.Created, standard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, client.StatusCode);
        Assert.Equal(["StandardsCommittee"], member.Roles);
    }

    [Fact]
    public async Task A_committee_member_may_own_the_committees_hand_offs_and_no_others()
    {
        var admin = await factory.AdminAsync();
        var (_, member) = await factory.UserAsync("StandardsCommittee");
        var clientId = (await admin.CreateClientAsync()).Id;

        var committeeWork = await admin.PostHandoffAsync(new
        {
            area = "StandardsCommittee",
            title = "Question FW-011 asks two things",
            details = "Made by a test.",
            clientId,
            ownerUserId = member.Id,
        });
        var deskWork = await admin.PostHandoffAsync(new
        {
            area = "ServiceDesk",
            title = "Replace the switch",
            details = "Made by a test.",
            clientId,
            ownerUserId = member.Id,
        });

        Assert.Equal(HttpStatusCode.Created, committeeWork.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deskWork.StatusCode);
    }

    [Fact]
    public async Task The_role_is_offered_when_adding_a_user()
    {
        var admin = await factory.AdminAsync();

        var page = await (await admin.GetAsync("/users/new")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("value=\"StandardsCommittee\"", page);
        Assert.Contains("Standards committee", page);
    }
}
