using System.Net;
using Plumbline.Features.Handoffs;
using Plumbline.Features.Notifications;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Handoffs;

/// <summary>Creating hand-offs from their sources, the queues' filters and sorting, and who may change what.</summary>
public abstract class HandoffsApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_review_answer_handed_to_the_service_desk_names_its_client_and_shows_in_that_queue()
    {
        var (tam, tamUser) = await factory.UserAsync("Tam", "Terry Tam");
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await tam.CreateReviewAsync(client.Id, library.Ids);
        await tam.AnswerAsync(review.Id, library[0].Id, "No");

        var response = await tam.PostHandoffAsync(new
        {
            area = "ServiceDesk",
            title = "Replace the failing UPS battery",
            details = "Runtime is 3 minutes.",
            reviewId = review.Id,
            standardId = library[0].Id
        });

        var created = await response.ReadAsync<HandoffDetails>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/handoffs/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((HandoffArea.ServiceDesk, HandoffStatus.Open, client.Id, client.Name, tamUser.Id, "Terry Tam"),
            (created.Area, created.Status, created.ClientId, created.ClientName, created.CreatedByUserId, created.CreatedByName));
        Assert.Equal((review.Id, library[0].Id, library[0].Code, (string?)null),
            (created.ReviewId, created.StandardId, created.StandardCode, created.OwnerUserId));
        var queue = await admin.ListHandoffsAsync($"area=ServiceDesk&status=Open&clientId={client.Id}");
        Assert.Equal(created.Id, Assert.Single(queue.Items).Id);
        Assert.Empty((await admin.ListHandoffsAsync($"area=Vcio&clientId={client.Id}")).Items);
    }

    [Fact]
    public async Task A_finding_names_its_client_and_the_visit_it_came_from_is_kept()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var (_, tam) = await factory.UserAsync("Tam");
        var client = await admin.ClientOfAsync(tam.Id, visitsPerYear: 4);
        await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, (library[0].Id, "No"));
        var finding = Assert.Single((await (await admin.GetAsync($"/api/v1/clients/{client.Id}/findings")).ReadAsync<Paged<FindingDetails>>()).Items);
        var visitId = (await admin.CreateVisitAsync(client.Id, new DateOnly(2027, 3, 3))).Id;

        var created = await (await admin.PostHandoffAsync(new { area = "Vcio", title = "Budget the firewall refresh", findingId = finding.Id, visitId }))
            .ReadAsync<HandoffDetails>(HttpStatusCode.Created);

        Assert.Equal((client.Id, finding.Id, visitId, library[0].Id, library[0].Code),
            (created.ClientId, created.FindingId, created.VisitId, created.StandardId, created.StandardCode));
        Assert.Equal(created.Id, Assert.Single((await admin.ListHandoffsAsync($"visitId={visitId}")).Items).Id);
    }

    [Fact]
    public async Task A_visit_must_exist_and_be_at_the_same_client()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var client = await admin.CreateClientAsync();
        var other = await admin.ClientOfAsync(tam.Id, visitsPerYear: 4);
        var visit = await admin.CreateVisitAsync(other.Id, new DateOnly(2027, 3, 4));

        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Printer", clientId = client.Id, visitId = visit.Id }))
            .ValidationProblemAsync("visitId");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Printer", visitId = Guid.NewGuid() })).ValidationProblemAsync("visitId");
        var fromVisit = await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Printer", visitId = visit.Id }))
            .ReadAsync<HandoffDetails>(HttpStatusCode.Created);
        Assert.Equal(other.Id, fromVisit.ClientId);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_that_names_the_field()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Low");
        var client = await admin.CreateClientAsync();
        var other = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [library[0].Id]);

        await (await admin.PostHandoffAsync(new { title = "No area", clientId = client.Id })).ValidationProblemAsync("area");
        await (await admin.PostHandoffAsync(new { area = "Helpdesk", title = "Unknown area", clientId = client.Id })).ValidationProblemAsync("area");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = " ", clientId = client.Id })).ValidationProblemAsync("title");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = new string('x', 201), clientId = client.Id })).ValidationProblemAsync("title");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "No client" })).ValidationProblemAsync("clientId");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Unknown client", clientId = Guid.NewGuid() }))
            .ValidationProblemAsync("clientId");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Other client's review", clientId = other.Id, reviewId = review.Id }))
            .ValidationProblemAsync("reviewId");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Not in the review", reviewId = review.Id, standardId = library[1].Id }))
            .ValidationProblemAsync("standardId");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Unknown owner", clientId = client.Id, ownerUserId = "nobody" }))
            .ValidationProblemAsync("ownerUserId");
        await (await admin.PostHandoffAsync(new { area = "ServiceDesk", title = "Unknown finding", findingId = Guid.NewGuid() }))
            .ValidationProblemAsync("findingId");
        await (await admin.GetAsync("/api/v1/handoffs?status=Closed")).ValidationProblemAsync("status");
        await (await admin.GetAsync("/api/v1/handoffs?area=Nowhere")).ValidationProblemAsync("area");
        await (await admin.GetAsync("/api/v1/handoffs?sort=owner")).ValidationProblemAsync("sort");
        await (await admin.GetAsync($"/api/v1/handoffs/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PatchHandoffAsync(Guid.NewGuid(), new { status = "Done" })).ProblemAsync(HttpStatusCode.NotFound);
        var handoff = await admin.CreateHandoffAsync(client.Id);
        await (await admin.PatchHandoffAsync(handoff.Id, new { status = "Closed" })).ValidationProblemAsync("status");
        await (await admin.PatchHandoffAsync(handoff.Id, new { note = new string('n', 2001) })).ValidationProblemAsync("note");
    }

    [Fact]
    public async Task The_service_desk_hands_work_on_but_read_only_users_cannot()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var desk = await factory.SignedInAsAsync("ServiceDesk");
        var reader = await factory.SignedInAsAsync("ReadOnly");

        await desk.CreateHandoffAsync(client.Id, "ProfessionalServices");
        await (await reader.PostHandoffAsync(new { area = "ServiceDesk", title = "Not allowed", clientId = client.Id })).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Single((await reader.ListHandoffsAsync($"clientId={client.Id}")).Items);
    }

    [Fact]
    public async Task The_service_desk_takes_works_and_finishes_a_hand_off_and_the_history_says_so()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var (desk, deskUser) = await factory.UserAsync("ServiceDesk", "Drew Desk");
        var handoff = await admin.CreateHandoffAsync(client.Id);

        var taken = await (await desk.PatchHandoffAsync(handoff.Id, new { ownerUserId = deskUser.Id, status = "InProgress", version = handoff.Version }))
            .ReadAsync<HandoffDetails>();
        await (await desk.PatchHandoffAsync(handoff.Id, new { note = "Ordered the battery." })).ExpectAsync(HttpStatusCode.OK);
        var done = await (await desk.PatchHandoffAsync(handoff.Id, new { status = "Done" })).ReadAsync<HandoffDetails>();

        Assert.Equal((deskUser.Id, "Drew Desk", HandoffStatus.InProgress), (taken.OwnerUserId, taken.OwnerName, taken.Status));
        Assert.Equal(HandoffStatus.Done, done.Status);
        Assert.NotNull(done.DoneAt);
        Assert.Equal(3, done.Notes.Count);
        Assert.Contains("In progress", done.Notes[0].Text);
        Assert.Contains("Drew Desk took it", done.Notes[0].Text);
        Assert.Equal(("Ordered the battery.", "Drew Desk", deskUser.Id), (done.Notes[1].Text, done.Notes[1].UserName, done.Notes[1].UserId));
        Assert.Contains("to Done", done.Notes[2].Text);
        var stale = await desk.PatchHandoffAsync(handoff.Id, new { status = "Open", version = handoff.Version });
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var reopened = await (await desk.PatchHandoffAsync(handoff.Id, new { status = "Open", ownerUserId = "" })).ReadAsync<HandoffDetails>();
        Assert.Equal((HandoffStatus.Open, (DateTime?)null, (string?)null), (reopened.Status, reopened.DoneAt, reopened.OwnerUserId));
    }

    [Fact]
    public async Task Only_the_areas_people_and_the_owner_may_change_a_hand_off()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var design = await factory.SignedInAsAsync("DesignDesk");
        var (tam, tamUser) = await factory.UserAsync("Tam");
        var (vcio, _) = await factory.UserAsync("Vcio");
        var handoff = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");

        await (await design.PatchHandoffAsync(handoff.Id, new { status = "InProgress" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PatchHandoffAsync(handoff.Id, new { note = "Not my queue." })).ProblemAsync(HttpStatusCode.Forbidden);
        var forTam = await admin.CreateHandoffAsync(client.Id, "Tam", ownerUserId: tamUser.Id);
        await (await tam.PatchHandoffAsync(forTam.Id, new { note = "I will look at it on my next visit." })).ExpectAsync(HttpStatusCode.OK);
        var vcioWork = await admin.CreateHandoffAsync(client.Id, "Vcio");
        await (await vcio.PatchHandoffAsync(vcioWork.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);
        var moved = await (await vcio.PatchHandoffAsync(vcioWork.Id, new { area = "DesignDesk" })).ReadAsync<HandoffDetails>();
        Assert.Equal(HandoffArea.DesignDesk, moved.Area);
        await (await design.PatchHandoffAsync(vcioWork.Id, new { status = "InProgress" })).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_owner_is_told_when_a_hand_off_is_given_to_them()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var (desk, deskUser) = await factory.UserAsync("ServiceDesk");

        var handoff = await admin.CreateHandoffAsync(client.Id, ownerUserId: deskUser.Id);

        var notification = Assert.Single(await (await desk.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>());
        Assert.Contains(handoff.Title, notification.Message);
        Assert.Equal($"/handoffs/{handoff.Id}", notification.Link);
        await (await desk.PatchHandoffAsync(handoff.Id, new { ownerUserId = deskUser.Id, note = "Still mine." })).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(await (await desk.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>());
    }

    [Fact]
    public async Task The_queue_filters_by_status_owner_and_text_and_sorts()
    {
        var admin = await factory.AdminAsync();
        var (_, desk) = await factory.UserAsync("ServiceDesk");
        var client = await admin.CreateClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var b = await admin.CreateHandoffAsync(client.Id, title: $"B patch the switches {tag}");
        var a = await admin.CreateHandoffAsync(client.Id, title: $"A renew the certificate {tag}", ownerUserId: desk.Id);
        var c = await admin.CreateHandoffAsync(client.Id, title: $"C label the rack {tag}");
        await (await admin.PatchHandoffAsync(c.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([a.Id, b.Id], (await admin.ListHandoffsAsync($"q={tag}&status=Open,InProgress&sort=title")).Items.Select(h => h.Id));
        Assert.Equal([c.Id, a.Id, b.Id], (await admin.ListHandoffsAsync($"q={tag.ToUpperInvariant()}&sort=-created")).Items.Select(h => h.Id));
        Assert.Equal([a.Id], (await admin.ListHandoffsAsync($"q={tag}&ownerUserId={desk.Id}")).Items.Select(h => h.Id));
        Assert.Equal([c.Id], (await admin.ListHandoffsAsync($"q={tag}&status=done")).Items.Select(h => h.Id));
        Assert.Equal(c.Id, (await admin.ListHandoffsAsync($"q={tag}&sort=-status")).Items[0].Id);
        var byClient = await admin.ListHandoffsAsync($"q={client.Name[^8..]}&clientId={client.Id}&pageSize=2&page=2");
        Assert.Equal((3, 2, 2), (byClient.Total, byClient.Page, byClient.PageSize));
        Assert.Single(byClient.Items);
    }
}

public sealed class HandoffsApiOnSqlite(SqliteFactory factory) : HandoffsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class HandoffsApiOnPostgres(PostgresFactory factory) : HandoffsApiTests(factory), IClassFixture<PostgresFactory>;
