using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using Plumbline.Features.Notifications;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.Recommendations;

public abstract class RecommendationsApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_recommendation_has_every_field_of_the_api_and_links_findings()
    {
        var admin = await factory.AdminAsync();
        var (clientId, findings, _) = await admin.ClientWithFindingsAsync();
        var initiative = await (await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/initiatives", new { name = "Security uplift", color = "#AA3300" }))
            .ReadAsync<InitiativeDetails>(HttpStatusCode.Created);

        var response = await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/recommendations", new
        {
            title = "Replace the firewall",
            summary = "The firewall is out of support, so attacks it cannot see get in.",
            findingIds = findings.Select(f => f.Id),
            initiativeId = initiative.Id,
            priority = "High",
            oneTimeCost = 4200.5m,
            recurringMonthlyCost = 89.99m,
            laborHours = 12.5m,
            targetQuarter = "FY2027-Q2",
            status = "Proposed",
        });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        foreach (var field in new[] { "id", "clientId", "title", "summary", "findingIds", "initiativeId", "priority", "oneTimeCost", "recurringMonthlyCost",
            "laborHours", "targetQuarter", "status" })
            Assert.True(body.TryGetProperty(field, out _), $"No '{field}' in {body}");
        Assert.Contains("\"oneTimeCost\":4200.50", body.GetRawText());
        var created = body.Deserialize<RecommendationDetails>(HttpAssertions.Json)!;
        Assert.Equal($"/api/v1/recommendations/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await (await admin.GetAsync($"/api/v1/recommendations/{created.Id}")).ReadAsync<RecommendationDetails>();
        Assert.Equal(("Replace the firewall", Priority.High, 4200.50m, 89.99m, 12.5m, "FY2027-Q2", RecommendationStatus.Proposed, initiative.Id),
            (read.Title, read.Priority, read.OneTimeCost, read.RecurringMonthlyCost, read.LaborHours, read.TargetQuarter, read.Status,
                read.InitiativeId!.Value));
        Assert.Equal(findings.Select(f => f.Id).Order(), read.FindingIds.Order());
        var linked = await (await admin.GetAsync($"/api/v1/clients/{clientId}/findings")).ReadAsync<Paged<FindingDetails>>();
        Assert.All(linked.Items, f => Assert.Equal(created.Id, f.RecommendationId));
    }

    [Fact]
    public async Task A_put_changes_only_what_it_sends_and_can_unschedule_and_unlink()
    {
        var admin = await factory.AdminAsync();
        var (clientId, findings, _) = await admin.ClientWithFindingsAsync();
        var created = await admin.CreateRecommendationAsync(clientId,
            new { title = "Back up the file server", findingIds = new[] { findings[0].Id }, oneTimeCost = 900, targetQuarter = "FY2027-Q1" });

        var moved = await admin.PutRecommendationAsync(created.Id, new { targetQuarter = "fy2028-q3" });
        var unscheduled = await admin.PutRecommendationAsync(created.Id, new { targetQuarter = "", findingIds = Array.Empty<Guid>() });

        Assert.Equal(("Back up the file server", 900m, "FY2028-Q3"), (moved.Title, moved.OneTimeCost, moved.TargetQuarter));
        Assert.Equal(created.Version + 1, moved.Version);
        Assert.Null(unscheduled.TargetQuarter);
        Assert.Empty(unscheduled.FindingIds);
        var finding = (await (await admin.GetAsync($"/api/v1/clients/{clientId}/findings"))
            .ReadAsync<Paged<FindingDetails>>()).Items.Single(f => f.Id == findings[0].Id);
        Assert.Null(finding.RecommendationId);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_the_current_recommendation()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var created = await admin.CreateRecommendationAsync(client.Id, new { title = "Enable MFA" });
        await admin.PutRecommendationAsync(created.Id, new { oneTimeCost = 100, version = created.Version });

        var problem = await (await admin.PutAsJsonAsync($"/api/v1/recommendations/{created.Id}", new { oneTimeCost = 200, version = created.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(100m, problem.GetProperty("current").GetProperty("oneTimeCost").GetDecimal());
    }

    [Theory]
    [InlineData("""{"title":""}""", "title")]
    [InlineData("""{"title":"x","priority":"Urgent"}""", "priority")]
    [InlineData("""{"title":"x","targetQuarter":"Q1 2027"}""", "targetQuarter")]
    [InlineData("""{"title":"x","targetQuarter":"FY2027-Q5"}""", "targetQuarter")]
    [InlineData("""{"title":"x","oneTimeCost":-1}""", "oneTimeCost")]
    [InlineData("""{"title":"x","recurringMonthlyCost":10.005}""", "recurringMonthlyCost")]
    [InlineData("""{"title":"x","laborHours":-2}""", "laborHours")]
    [InlineData("""{"title":"x","status":"Maybe"}""", "status")]
    [InlineData("""{"title":"x","status":"1"}""", "status")]
    [InlineData("""{"title":"x","initiativeId":"0195a2b0-0000-7000-8000-000000000000"}""", "initiativeId")]
    [InlineData("""{"title":"x","findingIds":["0195a2b0-0000-7000-8000-000000000000"]}""", "findingIds")]
    [InlineData("""{"title":"x","templateId":"0195a2b0-0000-7000-8000-000000000000"}""", "templateId")]
    public async Task Bad_fields_are_refused_with_a_message_and_nothing_is_saved(string json, string field)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PostRawAsync($"/api/v1/clients/{client.Id}/recommendations", json)).ValidationProblemAsync(field);

        var list = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/recommendations")).ReadAsync<Paged<RecommendationDetails>>();
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task Findings_of_another_client_cannot_be_linked()
    {
        var admin = await factory.AdminAsync();
        var (_, otherFindings, _) = await admin.ClientWithFindingsAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations",
            new { title = "Borrowed", findingIds = new[] { otherFindings[0].Id } }))
            .ValidationProblemAsync("findingIds");
    }

    [Fact]
    public async Task The_clients_decision_is_recorded_with_who_when_and_why_and_the_history_is_kept()
    {
        var (vcio, _) = await factory.UserAsync("Vcio", "Vera Vcio");
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var created = await vcio.CreateRecommendationAsync(client.Id, new { title = "Move mail to the cloud", status = "Proposed" });

        var approved = await (await vcio.PostAsJsonAsync($"/api/v1/recommendations/{created.Id}/decision",
            new { decision = "Approved", comment = "CEO agreed at the QBR." }))
            .ReadAsync<RecommendationDetails>();
        await vcio.PutRecommendationAsync(created.Id, new { status = "Scheduled", targetQuarter = "FY2027-Q2" });

        Assert.Equal((RecommendationStatus.Approved, "Vera Vcio", "CEO agreed at the QBR."), (approved.Status, approved.DecidedBy, approved.DecisionComment));
        Assert.NotNull(approved.DecidedAt);
        var history = await (await vcio.GetAsync($"/api/v1/recommendations/{created.Id}/history")).ReadAsync<List<StatusChangeDetails>>();
        Assert.Equal([(null, RecommendationStatus.Proposed), (RecommendationStatus.Proposed, RecommendationStatus.Approved),
            (RecommendationStatus.Approved, RecommendationStatus.Scheduled)], history.Select(h => (h.From, h.To)));
        Assert.Equal(("Vera Vcio", "CEO agreed at the QBR."), (history[1].By, history[1].Comment));
    }

    [Theory]
    [InlineData("Scheduled")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_decision_is_approved_or_declined(string? decision)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var created = await admin.CreateRecommendationAsync(client.Id, new { title = "Encrypt laptops" });

        await (await admin.PostAsJsonAsync($"/api/v1/recommendations/{created.Id}/decision", new { decision })).ValidationProblemAsync("decision");
    }

    [Fact]
    public async Task A_template_fills_a_new_recommendation_and_the_request_can_override_it()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var template = await (await admin.PostAsJsonAsync("/api/v1/recommendation-templates", new
        {
            title = LibraryData.UniqueName("Managed backup"),
            summary = "Daily backups kept off site.",
            priority = "High",
            oneTimeCost = 500,
            recurringMonthlyCost = 120,
            laborHours = 6,
        })).ReadAsync<TemplateDetails>(HttpStatusCode.Created);

        var created = await admin.CreateRecommendationAsync(client.Id, new { templateId = template.Id, oneTimeCost = 750 });

        Assert.Equal((template.Title, "Daily backups kept off site.", Priority.High, 750m, 120m, 6m),
            (created.Title, created.Summary, created.Priority, created.OneTimeCost, created.RecurringMonthlyCost, created.LaborHours));
        var templates = await (await admin.GetAsync($"/api/v1/recommendation-templates?q={Uri.EscapeDataString(template.Title)}"))
            .ReadAsync<List<TemplateDetails>>();
        Assert.Single(templates);
    }

    [Fact]
    public async Task The_starter_templates_are_added_once()
    {
        var admin = await factory.AdminAsync();

        await (await admin.PostAsync("/api/v1/recommendation-templates/starter", null)).ExpectAsync(HttpStatusCode.OK);
        var again = await (await admin.PostAsync("/api/v1/recommendation-templates/starter", null)).ReadJsonAsync();

        Assert.Equal(0, again.GetProperty("added").GetInt32());
        var templates = await (await admin.GetAsync("/api/v1/recommendation-templates")).ReadAsync<List<TemplateDetails>>();
        Assert.All(StarterTemplates.All, s => Assert.Single(templates, t => t.Title == s.Title));
        Assert.Equal(4200m, templates.Single(t => t.Title == "Replace the out-of-support firewall").OneTimeCost);
    }

    [Fact]
    public async Task Deleting_a_recommendation_unlinks_its_findings_and_deleting_an_initiative_ungroups_its_items()
    {
        var admin = await factory.AdminAsync();
        var (clientId, findings, _) = await admin.ClientWithFindingsAsync();
        var initiative = await (await admin.PostAsJsonAsync($"/api/v1/clients/{clientId}/initiatives", new { name = "Cloud move" }))
            .ReadAsync<InitiativeDetails>(HttpStatusCode.Created);
        var kept = await admin.CreateRecommendationAsync(clientId, new { title = "Kept", initiativeId = initiative.Id });
        var removed = await admin.CreateRecommendationAsync(clientId, new { title = "Removed", findingIds = new[] { findings[0].Id } });

        await (await admin.DeleteAsync($"/api/v1/recommendations/{removed.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await admin.DeleteAsync($"/api/v1/clients/{clientId}/initiatives/{initiative.Id}")).ExpectAsync(HttpStatusCode.NoContent);

        await (await admin.GetAsync($"/api/v1/recommendations/{removed.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var finding = (await (await admin.GetAsync($"/api/v1/clients/{clientId}/findings"))
            .ReadAsync<Paged<FindingDetails>>()).Items.Single(f => f.Id == findings[0].Id);
        Assert.Null(finding.RecommendationId);
        Assert.Null((await (await admin.GetAsync($"/api/v1/recommendations/{kept.Id}")).ReadAsync<RecommendationDetails>()).InitiativeId);
    }

    [Fact]
    public async Task Initiative_names_are_unique_per_client_and_colours_are_checked()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/initiatives", new { name = "Security" })).ExpectAsync(HttpStatusCode.Created);

        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/initiatives", new { name = "security" })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/initiatives", new { name = "Other", color = "red" })).ValidationProblemAsync("color");
        var list = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/initiatives")).ReadAsync<List<InitiativeDetails>>();
        Assert.Equal(["Security"], list.Select(i => i.Name));
    }

    [Fact]
    public async Task When_a_later_review_answers_every_linked_finding_yes_the_vcio_is_told_it_can_close()
    {
        var (vcio, vcioUser) = await factory.UserAsync("Vcio");
        var admin = await factory.AdminAsync();
        var (clientId, findings, library) =
            await admin.ClientWithFindingsAsync(new { name = LibraryData.UniqueName("Closing"), mrr = 5000, seats = 10, vcioUserId = (string?)null });
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{clientId}",
            new { name = LibraryData.UniqueName("Closing"), mrr = 5000, seats = 10, vcioUserId = vcioUser.Id })).ExpectAsync(HttpStatusCode.OK);
        var created = await admin.CreateRecommendationAsync(clientId,
            new { title = "Fix both", findingIds = findings.Select(f => f.Id), status = "InProgress" });

        await admin.SubmittedReviewAsync(clientId, ReviewData.VisitDay.AddMonths(3), (library[0].Id, "Yes"), (library[1].Id, "No"));
        var halfway = await (await admin.GetAsync($"/api/v1/recommendations/{created.Id}")).ReadAsync<RecommendationDetails>();
        await admin.SubmittedReviewAsync(clientId, ReviewData.VisitDay.AddMonths(6), (library[1].Id, "Yes"));
        var done = await (await admin.GetAsync($"/api/v1/recommendations/{created.Id}")).ReadAsync<RecommendationDetails>();

        Assert.False(halfway.ReadyToClose);
        Assert.True(done.ReadyToClose);
        var notes = await (await vcio.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>();
        Assert.Single(notes, n => n.Message.Contains("\"Fix both\" can be closed") && n.Link == $"/recommendations/{created.Id}");
    }

    [Fact]
    public async Task Tams_read_recommendations_but_only_vcios_and_admins_change_them()
    {
        var admin = await factory.AdminAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var reader = await factory.SignedInAsAsync("ReadOnly");
        var client = await admin.CreateClientAsync();
        var created = await admin.CreateRecommendationAsync(client.Id, new { title = "Patch servers" });

        await (await tam.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations", new { title = "Mine" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsJsonAsync($"/api/v1/recommendations/{created.Id}/decision", new { decision = "Approved" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.GetAsync($"/api/v1/recommendations/{created.Id}")).ExpectAsync(HttpStatusCode.OK);
        await (await factory.CreateClient().GetAsync($"/api/v1/clients/{client.Id}/roadmap")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_clients_and_recommendations_are_not_found()
    {
        var admin = await factory.AdminAsync();
        var missing = Guid.CreateVersion7();

        await (await admin.GetAsync($"/api/v1/clients/{missing}/recommendations")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{missing}/recommendations", new { title = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync($"/api/v1/recommendations/{missing}", new { title = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/clients/{missing}/roadmap")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class RecommendationsApiOnSqlite(SqliteFactory factory) : RecommendationsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class RecommendationsApiOnPostgres(PostgresFactory factory) : RecommendationsApiTests(factory), IClassFixture<PostgresFactory>;
