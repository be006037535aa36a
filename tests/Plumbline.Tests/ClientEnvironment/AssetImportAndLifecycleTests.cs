using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Clients;
using Plumbline.Features.Recommendations;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.ClientEnvironment;

/// <summary>Importing assets, the lifecycle by fiscal quarter, recommendations made from it, and endpoint counts taken from the assets.</summary>
public abstract class AssetImportAndLifecycleTests(PlumblineFactory factory) : ClientEnvironmentApiTestBase(factory)
{
    [Fact]
    public async Task An_import_saves_the_good_rows_skips_the_bad_ones_with_their_reason_and_reports_each_row()
    {
        var (admin, client) = await ClientAsync();
        var url = $"/api/v1/clients/{client.Id}/assets/import";
        var csv = """
            kind,name,manufacturer,model,serialNumber,purchasedOn,warrantyEndsOn,endOfLifeOn,renewsOn,annualCost
            Workstation,PC-01,Dell,Latitude 5440,SN-1,2024-01-10,2027-01-10,,,
            Toaster,TOAST-1,,,,,,,,
            Server,SRV-01,HPE,DL380,CZ-1,2023-03-01,2022-03-01,,,
            Workstation,PC-02,Dell,Latitude 5440,SN-2,2024-01-10,2027-01-10,,,-4
            laptop,PC-03,Lenovo,T14,SN-3,03/15/2024,2027-03-15,,,"1,250.00"
            Software,Microsoft 365,Microsoft,,,,,,2027-02-01,2400
            Printer,PR-1,,,,not a date,,,,

            """;

        var report = await (await admin.PostRawAsync(url, csv, "text/csv")).ReadAsync<AssetImportReport>();

        Assert.Equal((3, 0, 4), (report.Created, report.Updated, report.Skipped));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], report.Rows.Select(r => r.Row));
        Assert.Contains("Toaster", report.Rows[1].Reason);
        Assert.Contains("before the asset was bought", report.Rows[2].Reason);
        Assert.Contains("negative", report.Rows[3].Reason);
        Assert.Contains("not a date", report.Rows[6].Reason);
        Assert.Equal(("SRV-01", AssetImportOutcome.Skipped), (report.Rows[2].Name, report.Rows[2].Outcome));
        var assets = (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/assets")).ReadAsync<PagedList<AssetDetails>>()).Items;
        Assert.Equal(["Microsoft 365", "PC-01", "PC-03"], assets.Select(a => a.Name));
        var laptop = assets.Single(a => a.Name == "PC-03");
        Assert.Equal((AssetKind.Workstation, new DateOnly(2024, 3, 15), 1250m), (laptop.Kind, laptop.PurchasedOn, laptop.AnnualCost!.Value));

        // A newer export of the same assets updates them by serial number instead of adding them twice.
        var again = await (await admin.PostRawAsync(url, "kind,name,serialNumber,warrantyEndsOn\nWorkstation,PC-01 renamed,sn-1,2028-01-10\n", "text/csv"))
            .ReadAsync<AssetImportReport>();
        Assert.Equal((0, 1), (again.Created, again.Updated));
        Assert.Equal(3, (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/assets")).ReadAsync<PagedList<AssetDetails>>()).Total);
    }

    [Fact]
    public async Task An_import_reads_other_headers_by_their_usual_names_or_by_the_columns_named_and_takes_a_multipart_file()
    {
        var (admin, client) = await ClientAsync();
        var url = $"/api/v1/clients/{client.Id}/assets/import";

        var usual = await (await admin.PostRawAsync(url, "Type;Hostname;Serial;Warranty Expiry\nServer;SRV-9;Z9;2027-05-01\n", "text/csv"))
            .ReadAsync<AssetImportReport>();
        Assert.Equal(1, usual.Created);
        var csv = "Device Class,Device Label,Cost\nWorkstation,PC-77,99\n";
        var mapped = await (await admin.PostRawAsync($"{url}?kindColumn=Device%20Class&nameColumn=Device%20Label&annualCostColumn=Cost", csv, "text/csv"))
            .ReadAsync<AssetImportReport>();
        Assert.Equal(1, mapped.Created);
        var missing = await (await admin.PostRawAsync(url, csv, "text/csv")).ValidationProblemAsync("file");
        Assert.Contains("Device Class", missing.GetProperty("errors").GetProperty("file")[0].GetString());
        await (await admin.PostRawAsync($"{url}?nameColumn=Nope", csv, "text/csv")).ValidationProblemAsync("file");
        await (await admin.PostRawAsync(url, "", "text/csv")).ValidationProblemAsync("file");

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("kind,name\nMobile,PHONE-1\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "assets.csv");
        Assert.Equal(1, (await (await admin.PostAsync(url, form)).ReadAsync<AssetImportReport>()).Created);
        await (await admin.PostRawAsync($"/api/v1/clients/{Guid.NewGuid()}/assets/import", "kind,name\n", "text/csv")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_of_10_MB_or_more_is_refused_and_nothing_is_imported()
    {
        var (admin, client) = await ClientAsync();
        var row = "Workstation,PC-" + new string('x', 80) + "\n";
        var big = new StringBuilder("kind,name\n");
        while (big.Length < AssetImporter.MaxBytes) big.Append(row);

        var problem = await (await admin.PostRawAsync($"/api/v1/clients/{client.Id}/assets/import", big.ToString(), "text/csv"))
            .ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("10 MB", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/assets")).ReadAsync<PagedList<AssetDetails>>()).Total);
    }

    [Fact]
    public async Task The_lifecycle_places_warranty_ends_ends_of_life_and_renewals_on_the_clients_fiscal_quarters_with_count_and_cost()
    {
        var (admin, client) = await ClientAsync(new { name = LibraryData.UniqueName("Lifecycle"), fiscalYearStartMonth = 7 });
        var url = $"/api/v1/clients/{client.Id}";
        var current = FiscalQuarter.Containing(Today, 7);
        var next = current.Next();
        var (start, nextStart) = (current.Start(7), next.Start(7));
        await admin.PostAsJsonAsync($"{url}/assets", new { kind = "Workstation", name = "PC-1", warrantyEndsOn = current.End(7), annualCost = 300 });
        await admin.PostAsJsonAsync($"{url}/assets", new { kind = "Workstation", name = "PC-2", warrantyEndsOn = nextStart });
        await admin.PostAsJsonAsync($"{url}/assets", new { kind = "Cloud", name = "Backup", renewsOn = nextStart.AddDays(5), annualCost = 1200 });
        await admin.PostAsJsonAsync($"{url}/assets", new { kind = "Server", name = "Old", endOfLifeOn = start.AddDays(-1) });

        var timeline = await (await admin.GetAsync($"{url}/lifecycle")).ReadJsonAsync();

        var quarters = timeline.GetProperty("quarters");
        Assert.Equal(4, quarters.GetArrayLength());
        Assert.Equal(current.ToString(), quarters[0].GetProperty("quarter").GetString());
        Assert.Equal(start.ToString("yyyy-MM-dd"), quarters[0].GetProperty("start").GetString());
        Assert.Equal((1, "300.00"), (quarters[0].GetProperty("count").GetInt32(), quarters[0].GetProperty("cost").GetRawText()));
        Assert.Equal((2, "2400.00"), (quarters[1].GetProperty("count").GetInt32(), quarters[1].GetProperty("cost").GetRawText()));
        var events = quarters[1].GetProperty("assets").EnumerateArray().Select(a => (a.GetProperty("name").GetString(), a.GetProperty("event").GetString()));
        Assert.Equal([("PC-2", "WarrantyEnd"), ("Backup", "Renewal")], events);
        Assert.Equal(12, (await (await admin.GetAsync($"{url}/lifecycle?quarters=12")).ReadJsonAsync()).GetProperty("quarters").GetArrayLength());
        await (await admin.GetAsync($"{url}/lifecycle?quarters=0")).ValidationProblemAsync("quarters");
        await (await admin.GetAsync($"{url}/lifecycle?quarters=13")).ValidationProblemAsync("quarters");
        await (await admin.GetAsync($"/api/v1/clients/{Guid.NewGuid()}/lifecycle")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_recommendation_made_from_a_quarters_assets_lands_on_the_roadmap_with_the_cost_and_the_target_quarter()
    {
        var (admin, client) = await ClientAsync();
        var url = $"/api/v1/clients/{client.Id}";
        var quarter = FiscalQuarter.Containing(Today, 1).Next();
        var on = quarter.Start(1).AddDays(10);
        for (var i = 1; i <= 3; i++)
            await admin.PostAsJsonAsync($"{url}/assets",
                new { kind = "Workstation", name = $"PC-{i}", warrantyEndsOn = on, annualCost = i == 1 ? 2000 : (int?)null });
        await admin.PostAsJsonAsync($"{url}/assets", new { kind = "Software", name = "CRM", renewsOn = on, annualCost = 600 });

        var response = await admin.PostAsJsonAsync($"{url}/lifecycle/recommendation", new { quarter = quarter.ToString(), @event = "WarrantyEnd" });

        var recommendation = await response.ReadAsync<RecommendationDetails>(HttpStatusCode.Created);
        Assert.Equal($"Replace 3 workstations out of warranty in {quarter}", recommendation.Title);
        Assert.Equal(2000m + 2 * AssetRules.TypicalReplacementCost(Features.ClientEnvironment.AssetKind.Workstation), recommendation.OneTimeCost);
        Assert.Equal(quarter.ToString(), recommendation.TargetQuarter);
        Assert.Contains("PC-2", recommendation.Summary);
        var roadmap = await (await admin.GetAsync($"{url}/roadmap")).ReadAsync<RoadmapDetails>();
        Assert.Contains(roadmap.Quarters.Single(q => q.Quarter == quarter.ToString()).Items, r => r.Id == recommendation.Id);

        var renewal = await (await admin.PostAsJsonAsync($"{url}/lifecycle/recommendation", new
        {
            quarter = quarter.ToString(),
            @event = "Renewal",
            title = "Renew the CRM"
        })).ReadAsync<RecommendationDetails>(HttpStatusCode.Created);
        Assert.Equal(("Renew the CRM", 0m, 50m), (renewal.Title, renewal.OneTimeCost, renewal.RecurringMonthlyCost));

        await (await admin.PostAsJsonAsync($"{url}/lifecycle/recommendation", new { quarter = "2027 Q3", @event = "Renewal" }))
            .ValidationProblemAsync("quarter");
        await (await admin.PostAsJsonAsync($"{url}/lifecycle/recommendation", new { quarter = quarter.Next().ToString(), @event = "EndOfLife" }))
            .ValidationProblemAsync("quarter");
        await (await admin.PostAsJsonAsync($"{url}/lifecycle/recommendation", new { quarter = quarter.ToString() })).ValidationProblemAsync("assetIds");
        await (await admin.PostAsJsonAsync($"{url}/lifecycle/recommendation", new { quarter = quarter.ToString(), assetIds = new[] { Guid.NewGuid() } }))
            .ValidationProblemAsync("assetIds");
        await (await admin.PostAsJsonAsync($"{url}/lifecycle/recommendation", new { quarter = quarter.ToString(), @event = "Flood" }))
            .ValidationProblemAsync("event");
    }

    [Fact]
    public async Task When_the_client_takes_endpoints_from_its_assets_the_workstation_and_server_counts_follow_them_and_the_history_records_it()
    {
        var (admin, client) = await ClientAsync(new { name = LibraryData.UniqueName("Counted"), workstations = 40, servers = 4, endpointsFromAssets = true });
        var (_, typed) = await ClientAsync(new { name = LibraryData.UniqueName("Typed"), workstations = 40, servers = 4 });
        Assert.True(client.EndpointsFromAssets);
        Assert.Equal(44, client.Endpoints);

        foreach (var c in new[] { client, typed })
        {
            await admin.PostAsJsonAsync($"/api/v1/clients/{c.Id}/assets", new { kind = "Workstation", name = "PC-1" });
            await admin.PostRawAsync($"/api/v1/clients/{c.Id}/assets/import", "kind,name\nWorkstation,PC-2\nServer,SRV-1\nPrinter,PR-1\n", "text/csv");
        }

        var counted = await (await admin.GetAsync($"/api/v1/clients/{client.Id}")).ReadAsync<ClientDetails>();
        Assert.Equal((2, 1, 3), (counted.Workstations, counted.Servers, counted.Endpoints));
        var untouched = await (await admin.GetAsync($"/api/v1/clients/{typed.Id}")).ReadAsync<ClientDetails>();
        Assert.Equal((40, 4), (untouched.Workstations, untouched.Servers));
        var history = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/endpoint-history")).ReadJsonAsync();
        Assert.Equal(3, history.GetProperty("currentEndpoints").GetInt32());
        Assert.Contains(history.GetProperty("months").EnumerateArray(), m => m.GetProperty("endpoints").GetInt32() == 3);

        var server = (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/assets?kind=Server")).ReadAsync<PagedList<AssetDetails>>()).Items[0];
        await (await admin.DeleteAsync($"/api/v1/clients/{client.Id}/assets/{server.Id}")).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/clients/{client.Id}")).ReadAsync<ClientDetails>()).Servers);

        // Turning the choice on for a client with assets takes the counts from them at once, whatever the form says.
        var turnedOn = await (await admin.PutAsJsonAsync($"/api/v1/clients/{typed.Id}", new
        {
            name = typed.Name,
            workstations = 40,
            servers = 4,
            endpointsFromAssets = true
        })).ReadAsync<ClientDetails>();
        Assert.Equal((2, 1, true), (turnedOn.Workstations, turnedOn.Servers, turnedOn.EndpointsFromAssets));
    }
}

public sealed class AssetImportAndLifecycleOnSqlite(SqliteFactory factory) : AssetImportAndLifecycleTests(factory), IClassFixture<SqliteFactory>;

public sealed class AssetImportAndLifecycleOnPostgres(PostgresFactory factory) : AssetImportAndLifecycleTests(factory), IClassFixture<PostgresFactory>;
