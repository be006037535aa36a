using System.Net;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Notifications;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Handoffs;

/// <summary>
/// Hand-offs close the loop (issue 13): the person who handed off hears when it is done; priority, due date and PSA ticket;
/// owners from the area's roles; nobody takes someone else's hand-off; a similar open one is shown before a second is made.
/// </summary>
public abstract class HandoffLoopTests(PlumblineFactory factory)
{
    [Fact]
    public async Task The_person_who_handed_off_is_told_when_it_is_done_but_not_when_they_close_it_themselves()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var (tam, _) = await factory.UserAsync("Tam", "Tess Handoff");
        var (desk, _) = await factory.UserAsync("ServiceDesk", "Dev Desk");
        var handoff = await tam.CreateHandoffAsync(client.Id, "ServiceDesk");
        var own = await tam.CreateHandoffAsync(client.Id, "Tam");

        await (await desk.PatchHandoffAsync(handoff.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);
        await (await tam.PatchHandoffAsync(own.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);

        var notification = Assert.Single(await (await tam.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>());
        Assert.Equal($"Done: {handoff.Title} (finished by Dev Desk)", notification.Message);
        Assert.Equal($"/handoffs/{handoff.Id}", notification.Link);
    }

    [Fact]
    public async Task A_hand_off_has_a_priority_a_due_date_and_a_psa_ticket_and_the_queue_sorts_by_them()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var plain = await admin.CreateHandoffAsync(client.Id, title: $"Plain {tag}");
        var urgent = await (await admin.PostHandoffAsync(new
        {
            area = "ServiceDesk",
            title = $"Urgent {tag}",
            clientId = client.Id,
            priority = "High",
            dueOn = today.AddDays(3),
            psaTicket = "T20261204.0042"
        })).ReadAsync<HandoffDetails>(HttpStatusCode.Created);
        var later = await (await admin.PostHandoffAsync(new
        {
            area = "ServiceDesk",
            title = $"Later {tag}",
            clientId = client.Id,
            priority = "Low",
            dueOn = today.AddDays(1)
        })).ReadAsync<HandoffDetails>(HttpStatusCode.Created);

        Assert.Equal((Priority.Medium, (DateOnly?)null, (string?)null, false), (plain.Priority, plain.DueOn, plain.PsaTicket, plain.Overdue));
        Assert.Equal((Priority.High, today.AddDays(3), "T20261204.0042"), (urgent.Priority, urgent.DueOn, urgent.PsaTicket));
        Assert.Equal([urgent.Id, plain.Id, later.Id], (await admin.ListHandoffsAsync($"q={tag}&sort=priority")).Items.Select(h => h.Id));
        Assert.Equal([later.Id, plain.Id, urgent.Id], (await admin.ListHandoffsAsync($"q={tag}&sort=-priority")).Items.Select(h => h.Id));
        Assert.Equal([later.Id, urgent.Id, plain.Id], (await admin.ListHandoffsAsync($"q={tag}&sort=due")).Items.Select(h => h.Id));

        var overdue = await (await admin.PatchHandoffAsync(later.Id, new { dueOn = today.AddDays(-2), priority = "High" })).ReadAsync<HandoffDetails>();
        Assert.Equal((true, Priority.High), (overdue.Overdue, overdue.Priority));
        Assert.True(Assert.Single((await admin.ListHandoffsAsync($"q=Later {tag}")).Items).Overdue);
        Assert.Contains("Priority changed from Low to High.", overdue.Notes[^1].Text);
        var done = await (await admin.PatchHandoffAsync(later.Id, new { status = "Done" })).ReadAsync<HandoffDetails>();
        Assert.False(done.Overdue);
        var cleared = await (await admin.PatchHandoffAsync(urgent.Id, new { psaTicket = "", clearDueOn = true })).ReadAsync<HandoffDetails>();
        Assert.Equal(((DateOnly?)null, (string?)null), (cleared.DueOn, cleared.PsaTicket));

        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = $"Bad {tag}", clientId = client.Id, priority = "Urgent" }))
            .ValidationProblemAsync("priority");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = $"Long {tag}", clientId = client.Id, psaTicket = new string('7', 51) }))
            .ValidationProblemAsync("psaTicket");
        await (await admin.PatchHandoffAsync(plain.Id, new { priority = "Soon" })).ValidationProblemAsync("priority");
    }

    [Fact]
    public async Task Owners_are_limited_to_the_roles_of_the_hand_offs_area()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var (_, vcio) = await factory.UserAsync("Vcio");
        var (_, tam) = await factory.UserAsync("Tam");
        var (_, desk) = await factory.UserAsync("ServiceDesk");

        var refused = await (await admin.PostHandoffAsync(new
        {
            area = "ServiceDesk",
            title = LibraryData.UniqueName("Cabling"),
            clientId = client.Id,
            ownerUserId = vcio.Id
        })).ValidationProblemAsync("ownerUserId");
        Assert.Contains("Service desk", refused.GetProperty("errors").GetProperty("ownerUserId")[0].GetString());
        var forVcio = await admin.CreateHandoffAsync(client.Id, "Vcio", ownerUserId: vcio.Id);
        Assert.Equal(vcio.Id, forVcio.OwnerUserId);
        var forDesk = await admin.CreateHandoffAsync(client.Id, "ServiceDesk", ownerUserId: desk.Id);
        await (await admin.PatchHandoffAsync(forDesk.Id, new { ownerUserId = tam.Id })).ValidationProblemAsync("ownerUserId");

        var moved = await (await admin.PatchHandoffAsync(forDesk.Id, new { area = "Vcio" })).ReadAsync<HandoffDetails>();
        Assert.Equal((HandoffArea.Vcio, (string?)null), (moved.Area, moved.OwnerUserId));
        Assert.Contains("Owner taken off", moved.Notes[^1].Text);
    }

    [Fact]
    public async Task Taking_a_hand_off_someone_else_owns_is_a_conflict_unless_an_admin_reassigns_it()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var (first, firstUser) = await factory.UserAsync("ServiceDesk", "Fay First");
        var (second, secondUser) = await factory.UserAsync("ServiceDesk");
        var handoff = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");
        await (await first.PatchHandoffAsync(handoff.Id, new { ownerUserId = firstUser.Id })).ExpectAsync(HttpStatusCode.OK);

        var taken = await (await second.PatchHandoffAsync(handoff.Id, new { ownerUserId = secondUser.Id })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Fay First owns this hand-off", taken.GetProperty("detail").GetString());
        await (await second.PatchHandoffAsync(handoff.Id, new { ownerUserId = "" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(firstUser.Id, (await admin.GetHandoffAsync(handoff.Id)).OwnerUserId);

        var reassigned = await (await admin.PatchHandoffAsync(handoff.Id, new { ownerUserId = secondUser.Id })).ReadAsync<HandoffDetails>();
        Assert.Equal(secondUser.Id, reassigned.OwnerUserId);
        await (await second.PatchHandoffAsync(handoff.Id, new { ownerUserId = firstUser.Id })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_similar_open_hand_off_of_the_same_client_is_a_conflict_until_confirmed()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var other = await admin.CreateClientAsync();
        var title = $"Replace the UPS battery {Guid.NewGuid():N}"[..32];
        var first = await admin.CreateHandoffAsync(client.Id, title: title);

        var clash = await (await admin.PostHandoffAsync(new { area = "Vcio", title = $"  {title.ToUpperInvariant()}!", clientId = client.Id }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id, clash.GetProperty("current").GetProperty("id").GetGuid());
        Assert.Contains(first.Title, clash.GetProperty("detail").GetString());
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = $"{title} in the front office", clientId = client.Id }))
            .ProblemAsync(HttpStatusCode.Conflict);
        await admin.CreateHandoffAsync(other.Id, title: title);
        var confirmed = await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title, clientId = client.Id, confirmDuplicate = true }))
            .ReadAsync<HandoffDetails>(HttpStatusCode.Created);

        await (await admin.PatchHandoffAsync(first.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PatchHandoffAsync(confirmed.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);
        await admin.CreateHandoffAsync(client.Id, title: title);
    }
}

public sealed class HandoffLoopOnSqlite(SqliteFactory factory) : HandoffLoopTests(factory), IClassFixture<SqliteFactory>;

public sealed class HandoffLoopOnPostgres(PostgresFactory factory) : HandoffLoopTests(factory), IClassFixture<PostgresFactory>;

/// <summary>When two titles count as the same work.</summary>
public sealed class HandoffSimilarityTests
{
    [Theory]
    [InlineData("Replace the UPS battery", "replace the ups battery.", true)]
    [InlineData("Replace the UPS battery", "Replace the UPS battery in the server closet", true)]
    [InlineData("Re-image PC-12", "re image pc 12", true)]
    [InlineData("Printer", "Printer toner is low", false)]
    [InlineData("Replace the UPS battery", "Replace the UPS", true)]
    [InlineData("Replace the UPS battery", "Test the UPS battery", false)]
    [InlineData("Battery", "Batteryless UPS", false)]
    public void Similar_titles(string a, string b, bool similar) => Assert.Equal(similar, HandoffRules.Similar(a, b));
}
