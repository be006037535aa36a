using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Clients;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Clients;

public abstract class ClientsApiTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_client_is_created_with_every_field_of_the_api_and_its_computed_numbers()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Terry Tam");
        var (_, vcio) = await factory.UserAsync("Vcio", "Val Vcio");
        var name = LibraryData.UniqueName("Contoso");

        var response = await admin.PostAsJsonAsync("/api/v1/clients", new
        {
            name,
            status = "Onboarding",
            mrr = 9000,
            seats = 30,
            workstations = 28,
            servers = 3,
            storageGb = 2048,
            contractStart = "2026-01-01",
            contractEnd = "2028-12-31",
            salesRep = "Sam Sales",
            tamUserId = tam.Id,
            vcioUserId = vcio.Id,
            fiscalYearStartMonth = 7,
        });

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        foreach (var field in new[] { "id", "name", "status", "mrr", "seats", "workstations", "servers", "storageGb", "endpoints",
            "contractStart", "contractEnd",
                     "salesRep", "tamUserId", "vcioUserId", "fiscalYearStartMonth", "visitsPerYear", "suggestedVisitsPerYear", "aisp" })
            Assert.True(body.TryGetProperty(field, out _), $"The client has no '{field}': {body}");
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/clients/{id}", response.Headers.Location?.OriginalString);
        var client = await (await admin.GetAsync($"/api/v1/clients/{id}")).ReadAsync<ClientDetails>();
        Assert.Equal((name, ClientStatus.Onboarding, 9000m, 30, 28, 3, 2048), (client.Name, client.Status, client.Mrr, client.Seats, client.Workstations,
            client.Servers, client.StorageGb));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), "Sam Sales", 7),
            (client.ContractStart, client.ContractEnd, client.SalesRep, client.FiscalYearStartMonth));
        Assert.Equal((tam.Id, vcio.Id, "Terry Tam", "Val Vcio"), (client.TamUserId, client.VcioUserId, client.TamName, client.VcioName));
        Assert.Equal(31, client.Endpoints);
        Assert.Null(client.VisitsPerYear);
        Assert.Equal(27, client.SuggestedVisitsPerYear);
        Assert.Equal(300m, client.Aisp);
    }

    [Fact]
    public async Task Money_is_written_with_two_decimals()
    {
        var admin = await factory.AdminAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/clients", new { name = LibraryData.UniqueName("Fabrikam"), mrr = 9000, seats = 30 });
        var odd = await admin.PostAsJsonAsync("/api/v1/clients", new { name = LibraryData.UniqueName("Tailspin"), mrr = 4166.67m, seats = 3 });

        var body = await created.ExpectAsync(HttpStatusCode.Created);
        Assert.Contains("\"mrr\":9000.00", body);
        Assert.Contains("\"aisp\":300.00", body);
        var oddBody = await odd.ExpectAsync(HttpStatusCode.Created);
        Assert.Contains("\"mrr\":4166.67", oddBody);
        Assert.Contains("\"aisp\":1388.89", oddBody);
        Assert.Contains("\"suggestedVisitsPerYear\":13", oddBody);
    }

    [Fact]
    public async Task A_client_without_seats_has_no_aisp_and_small_clients_get_four_visits()
    {
        var admin = await factory.AdminAsync();

        var body = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name = LibraryData.UniqueName("Small"), mrr = 1000, seats = 0 }))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Contains("\"aisp\":null", body);
        Assert.Contains("\"mrr\":1000.00", body);
        Assert.Contains("\"suggestedVisitsPerYear\":4", body);
        Assert.Contains("\"status\":\"Active\"", body);
    }

    [Fact]
    public async Task Endpoints_and_visits_can_be_set_by_hand_and_go_back_to_computed_when_cleared()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync(
            new { name = LibraryData.UniqueName("Northwind"), mrr = 9000, seats = 30, workstations = 28, servers = 3, endpoints = 50, visitsPerYear = 12 });

        Assert.Equal((50, 12, 27), (client.Endpoints, client.VisitsPerYear, client.SuggestedVisitsPerYear));
        var cleared = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}",
            new { name = client.Name, mrr = 9000, seats = 30, workstations = 28, servers = 3 }))
            .ReadAsync<ClientDetails>();

        Assert.Equal((31, (int?)null), (cleared.Endpoints, cleared.VisitsPerYear));
    }

    [Fact]
    public async Task A_client_is_changed_and_read_back()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        var response = await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}",
            new { name = client.Name + " Ltd", status = "Inactive", mrr = 12000.5m, seats = 40, version = client.Version });

        var updated = await response.ReadAsync<ClientDetails>();
        var read = await (await admin.GetAsync($"/api/v1/clients/{client.Id}")).ReadAsync<ClientDetails>();
        Assert.Equal((client.Name + " Ltd", ClientStatus.Inactive, 12000.5m, 40, 300.01m, 36),
            (read.Name, read.Status, read.Mrr, read.Seats, read.Aisp, read.SuggestedVisitsPerYear));
        Assert.NotEqual(client.Version, updated.Version);
        Assert.Equal(updated.Version, read.Version);
    }

    [Fact]
    public async Task A_save_over_a_newer_change_is_refused_with_409()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var first = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}", new { name = client.Name, mrr = 5000, version = client.Version }))
            .ReadAsync<ClientDetails>();

        var stale = await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}", new { name = client.Name, mrr = 1, version = client.Version });

        await stale.ProblemAsync(HttpStatusCode.Conflict);
        var read = await (await admin.GetAsync($"/api/v1/clients/{client.Id}")).ReadAsync<ClientDetails>();
        Assert.Equal((5000m, first.Version), (read.Mrr, read.Version));
    }

    [Theory]
    [InlineData("""{"name": ""}""", "name")]
    [InlineData("""{"name": "   "}""", "name")]
    [InlineData("""{"mrr": 100}""", "name")]
    [InlineData("""{"name": "X", "status": "Dormant"}""", "status")]
    [InlineData("""{"name": "X", "status": "2"}""", "status")]
    [InlineData("""{"name": "X", "status": "Active,Inactive"}""", "status")]
    [InlineData("""{"name": "X", "status": "Onboarding, Active"}""", "status")]
    [InlineData("""{"name": "X", "mrr": -1}""", "mrr")]
    [InlineData("""{"name": "X", "mrr": 100000001}""", "mrr")]
    [InlineData("""{"name": "X", "seats": -3}""", "seats")]
    [InlineData("""{"name": "X", "workstations": -1}""", "workstations")]
    [InlineData("""{"name": "X", "servers": 10000001}""", "servers")]
    [InlineData("""{"name": "X", "storageGb": -1}""", "storageGb")]
    [InlineData("""{"name": "X", "endpoints": -1}""", "endpoints")]
    [InlineData("""{"name": "X", "fiscalYearStartMonth": 0}""", "fiscalYearStartMonth")]
    [InlineData("""{"name": "X", "fiscalYearStartMonth": 13}""", "fiscalYearStartMonth")]
    [InlineData("""{"name": "X", "visitsPerYear": 261}""", "visitsPerYear")]
    [InlineData("""{"name": "X", "contractStart": "2026-06-01", "contractEnd": "2026-05-31"}""", "contractEnd")]
    [InlineData("""{"name": "X", "tamUserId": "nobody"}""", "tamUserId")]
    [InlineData("""{"name": "X", "vcioUserId": "nobody"}""", "vcioUserId")]
    public async Task An_invalid_client_is_refused_with_the_field_named(string body, string field)
    {
        var admin = await factory.AdminAsync();

        await (await admin.PostRawAsync("/api/v1/clients", body)).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_refused_or_kept_but_never_a_server_error()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var standard = await admin.CreateStandardAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id]);

        // A name is one line, so a control character in it is refused on both databases.
        var name = await admin.PostRawAsync("/api/v1/clients", """{"name": "Nul\u0000Client"}""");
        HttpResponseMessage[] responses =
        [
            await admin.GetAsync("/api/v1/clients?q=nul%00client"),
            await admin.PutRawAsync($"/api/v1/reviews/{review.Id}/answers/{standard.Id}", """{"answer": "No", "note": "Port\u0000 open"}"""),
        ];

        Assert.Contains("one line", (await name.ValidationProblemAsync("name")).ToString());
        foreach (var response in responses)
        {
            if (response.IsSuccessStatusCode) continue; // SQLite keeps the character; PostgreSQL text cannot hold it.
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("NUL", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(factory.Database == TestDatabase.Sqlite, responses.All(r => r.IsSuccessStatusCode));
    }

    [Theory]
    [InlineData("name", 201)]
    [InlineData("salesRep", 201)]
    public async Task Too_long_text_is_refused(string field, int length)
    {
        var admin = await factory.AdminAsync();
        var body = new Dictionary<string, object> { ["name"] = "Long client", [field] = new string('x', length) };

        await (await admin.PostAsJsonAsync("/api/v1/clients", body)).ValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("""{"name": "X", "mrr": "lots"}""", "mrr")]
    [InlineData("""{"name": "X", "seats": 1.5}""", "seats")]
    [InlineData("""{"name": "X", "contractStart": "next year"}""", "contractStart")]
    [InlineData("""{"name": ["X"]}""", "name")]
    [InlineData("""{"name": "X", "version": "v2"}""", "version")]
    public async Task A_field_of_the_wrong_type_is_named(string body, string field)
    {
        var admin = await factory.AdminAsync();

        var problem = await (await admin.PostRawAsync("/api/v1/clients", body)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public async Task A_broken_body_is_a_bad_request(string body)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PostRawAsync("/api/v1/clients", body)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutRawAsync($"/api/v1/clients/{client.Id}", body)).ProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PutRawAsync($"/api/v1/clients/{client.Id}/template", body)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "")]
    [InlineData("GET", "/due")]
    [InlineData("GET", "/template")]
    [InlineData("PUT", "/template")]
    [InlineData("GET", "/findings")]
    public async Task An_unknown_client_is_not_found(string method, string path)
    {
        var admin = await factory.AdminAsync();
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/clients/{Guid.NewGuid()}{path}");
        if (method == "PUT") request.Content = JsonContent.Create(new { name = "Nobody" });

        await (await admin.SendAsync(request)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_client_id_that_is_not_a_guid_is_not_found()
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync("/api/v1/clients/not-a-guid")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tam_and_read_only_user_read_clients_but_cannot_change_them()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        foreach (var role in new[] { "Tam", "ReadOnly" })
        {
            var user = await factory.SignedInAsAsync(role);
            await (await user.GetAsync("/api/v1/clients")).ExpectAsync(HttpStatusCode.OK);
            await (await user.GetAsync($"/api/v1/clients/{client.Id}")).ExpectAsync(HttpStatusCode.OK);
            await (await user.GetAsync($"/api/v1/clients/{client.Id}/due")).ExpectAsync(HttpStatusCode.OK);
            await (await user.PostAsJsonAsync("/api/v1/clients", new { name = "Not allowed" })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await user.PutAsJsonAsync($"/api/v1/clients/{client.Id}", new { name = "Not allowed" })).ProblemAsync(HttpStatusCode.Forbidden);
            await (await user.PutAsJsonAsync($"/api/v1/clients/{client.Id}/template", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("Vcio")]
    [InlineData("ServiceLead")]
    public async Task A_vcio_and_a_service_lead_manage_clients(string role)
    {
        var user = await factory.SignedInAsAsync(role);

        await user.CreateClientAsync();
    }

    [Fact]
    public async Task Clients_need_a_signed_in_user()
    {
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync("/api/v1/clients")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/clients", new { name = "Anonymous" })).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class ClientsApiOnSqlite(SqliteFactory factory) : ClientsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientsApiOnPostgres(PostgresFactory factory) : ClientsApiTests(factory), IClassFixture<PostgresFactory>;
