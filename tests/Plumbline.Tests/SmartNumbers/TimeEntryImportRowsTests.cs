using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.SmartNumbers;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>What an import does with its rows: upserts, bad rows, company matching, connectors, saved mappings and roles.</summary>
public abstract class TimeEntryImportRowsTests(PlumblineFactory factory) : TimeEntryImportTestBase(factory)
{
    [Fact]
    public async Task Importing_again_updates_and_never_duplicates()
    {
        var admin = await Factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("re");
        const string header = "externalId,client,date,hours,workType,board,ticketType";
        var first = Csv(header, $"{x}-1,{client.Name},2026-02-02,1,Remote,Desk,Incident", $"{x}-2,{client.Name},2026-02-03,2,Remote,Desk,Incident");

        await (await PostCsvAsync(admin, Import, first)).ReadJsonAsync();
        var again = await (await PostCsvAsync(admin, Import, first)).ReadJsonAsync();
        var changed = await (await PostCsvAsync(admin, Import,
            Csv(header, $"{x}-1,{client.Name},2026-02-02,1.5,Remote,Desk,Incident", $"{x}-2,{client.Name},2026-02-03,2,Remote,Desk,Incident"))).ReadJsonAsync();

        Assert.Equal((0, 0, 2), Counts(again));
        Assert.Equal((0, 1, 1), Counts(changed));
        Assert.Equal(2, await CountAsync("generic", x));
        Assert.Equal(3.5m, await MonthHoursAsync(client.Id, 2026, 2));
    }

    [Fact]
    public async Task A_changed_date_moves_the_hours_to_the_new_month()
    {
        var admin = await Factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("mv");
        const string header = "externalId,client,date,hours";
        await (await PostCsvAsync(admin, Import, Csv(header, $"{x},{client.Name},2026-03-31,2", $"{x}-b,{client.Name},2026-03-15,1"))).ReadJsonAsync();
        Assert.Equal(3m, await MonthHoursAsync(client.Id, 2026, 3));

        var report = await (await PostCsvAsync(admin, Import, Csv(header, $"{x},{client.Name},2026-04-01,2"))).ReadJsonAsync();

        Assert.Equal(["2026-03", "2026-04"], report.GetProperty("monthsRebuilt").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(1m, await MonthHoursAsync(client.Id, 2026, 3));
        Assert.Equal(2m, await MonthHoursAsync(client.Id, 2026, 4));
    }

    [Fact]
    public async Task Bad_rows_are_skipped_with_their_line_and_reason_and_good_rows_still_import()
    {
        var admin = await Factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("bad");
        var csv = Csv("externalId,client,date,hours",
            $"{x}-1,{client.Name},2026-01-10,1",
            $"{x}-2,{client.Name},31-31-2026,1",
            $"{x}-3,{client.Name},2026-01-10,lots",
            $"{x}-4,{client.Name},2026-01-10,25",
            $",{client.Name},2026-01-10,1",
            $"{x}-1,{client.Name},2026-01-11,3",
            $"{x}-5,,2026-01-10,1",
            $"{x}-6,{client.Name},2026-01-12,0",
            $"{x}-7,{client.Name},2026-01-12,0.75");

        var report = await (await PostCsvAsync(admin, Import, csv)).ReadJsonAsync();

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(7, report.GetProperty("skippedCount").GetInt32());
        var skipped = report.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => s.GetProperty("row").GetInt32(), s => s.GetProperty("reason").GetString()!);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], skipped.Keys.Order());
        Assert.Contains("31-31-2026", skipped[3]);
        Assert.Contains("'lots' is not a number", skipped[4]);
        Assert.Contains("at most 24", skipped[5]);
        Assert.Contains("external id is empty", skipped[6]);
        Assert.Contains("earlier row", skipped[7]);
        Assert.Contains("company", skipped[8]);
        Assert.Contains("more than 0", skipped[9]);
        Assert.Equal(1.75m, await MonthHoursAsync(client.Id, 2026, 1));
    }

    [Fact]
    public async Task Unknown_companies_are_held_then_matched_and_remembered_for_the_next_import()
    {
        var admin = await Factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var company = Unique("Fabrikam Holdings");
        var x = Unique("held");
        var csv = Csv("externalId,client,date,hours", $"{x}-1,{company},2026-08-03,1.5", $"{x}-2,{company.ToUpperInvariant()},2026-09-01,2");

        var report = await (await PostCsvAsync(admin, Import, csv)).ReadJsonAsync();

        Assert.Equal(2, report.GetProperty("held").GetInt32());
        var unmatched = Assert.Single(report.GetProperty("unmatchedCompanies").EnumerateArray());
        Assert.Equal((2, 3.5m), (unmatched.GetProperty("rows").GetInt32(), unmatched.GetProperty("hours").GetDecimal()));
        var listed = (await (await admin.GetAsync("/api/v1/time-entries/unmatched-companies")).ReadJsonAsync()).EnumerateArray()
            .Single(c => string.Equals(c.GetProperty("company").GetString(), company, StringComparison.OrdinalIgnoreCase));
        Assert.Equal((2, 3.5m, "2026-08-03", "2026-09-01"), (listed.GetProperty("rows").GetInt32(), listed.GetProperty("hours").GetDecimal(),
            listed.GetProperty("firstDate").GetString(), listed.GetProperty("lastDate").GetString()));
        Assert.Equal(0m, await MonthHoursAsync(client.Id, 2026, 8));

        var matched = await (await admin.PostAsJsonAsync("/api/v1/time-entries/unmatched-companies/match", new { company, clientId = client.Id }))
            .ReadJsonAsync();

        Assert.Equal(2, matched.GetProperty("moved").GetInt32());
        Assert.Equal(1.5m, await MonthHoursAsync(client.Id, 2026, 8));
        Assert.Equal(2m, await MonthHoursAsync(client.Id, 2026, 9));
        Assert.DoesNotContain((await (await admin.GetAsync("/api/v1/time-entries/unmatched-companies")).ReadJsonAsync()).EnumerateArray(),
            c => string.Equals(c.GetProperty("company").GetString(), company, StringComparison.OrdinalIgnoreCase));

        var next = await (await PostCsvAsync(admin, Import, Csv("externalId,client,date,hours", $"{x}-3,{company},2026-09-02,1"))).ReadJsonAsync();

        Assert.Equal(0, next.GetProperty("held").GetInt32());
        Assert.Equal(3m, await MonthHoursAsync(client.Id, 2026, 9));
    }

    [Fact]
    public async Task Matching_needs_an_existing_client_and_a_company()
    {
        var admin = await Factory.AdminAsync();

        await (await admin.PostAsJsonAsync("/api/v1/time-entries/unmatched-companies/match", new { company = "Nobody", clientId = Guid.NewGuid() }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync("/api/v1/time-entries/unmatched-companies/match", new { company = " ", clientId = Guid.NewGuid() }))
            .ValidationProblemAsync("company");
    }

    [Fact]
    public async Task Connectors_post_entries_with_the_same_upsert_and_report()
    {
        var admin = await Factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("api");
        var entries = new object[]
        {
            new
            {
                externalId = $"{x}-1", clientId = client.Id, date = "2026-12-01", hours = 1.255, workType = "Remote", board = "Desk", ticketType = "Incident",
            },
            new { externalId = $"{x}-2", clientId = Guid.NewGuid(), date = "2026-12-01", hours = 1 },
            new { externalId = $"{x}-3", clientId = client.Id, date = "2026-12-01", hours = 30 },
            new { externalId = "", clientId = client.Id, date = "2026-12-01", hours = 1 },
        };

        var report = await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries })).ReadJsonAsync();
        var again = await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries, source = "my-rmm" })).ReadJsonAsync();

        Assert.Equal((1, 0, 0), Counts(report));
        Assert.Equal("api", report.GetProperty("source").GetString());
        var reasons = report.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => s.GetProperty("row").GetInt32(), s => s.GetProperty("reason").GetString()!);
        Assert.Contains("no client", reasons[2]);
        Assert.Contains("at most 24", reasons[3]);
        Assert.Contains("external id", reasons[4]);
        Assert.Equal(1.26m, (await EntryAsync("api", $"{x}-1")).Hours);
        Assert.Equal(1, again.GetProperty("created").GetInt32());
        Assert.Equal(2.52m, await MonthHoursAsync(client.Id, 2026, 12));
    }

    [Fact]
    public async Task Connectors_send_at_most_five_thousand_entries_per_call()
    {
        var admin = await Factory.AdminAsync();
        var entries = Enumerable.Range(1, 5001).Select(i => new { externalId = $"x{i}", clientId = Guid.NewGuid(), date = "2026-01-01", hours = 1 });

        await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries })).ValidationProblemAsync("entries");
        await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries = Array.Empty<object>() })).ValidationProblemAsync("entries");
        await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries = new[] { new { externalId = "a" } }, source = "Not Valid!" }))
            .ValidationProblemAsync("source");
    }

    [Fact]
    public async Task A_saved_mapping_imports_a_layout_of_your_own()
    {
        var admin = await Factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var name = $"my-psa-{Guid.NewGuid():N}"[..20];
        var x = Unique("map");

        var created = await (await admin.PostAsJsonAsync("/api/v1/time-entries/mappings", new
        {
            name,
            columns = new { externalId = "Ref", company = "Customer", date = "Day", hours = "Duration", board = "Desk" },
            dateFormat = "dd/MM/yyyy",
        })).ReadJsonAsync(HttpStatusCode.Created);
        var report = await (await PostCsvAsync(admin, $"{Import}?mapping={name.ToUpperInvariant()}",
            Csv("Ref,Customer,Day,Duration,Desk", $"{x},{client.Name},13/02/2026,2.5,Service"))).ReadJsonAsync();

        Assert.Equal("Customer", created.GetProperty("columns").GetProperty("company").GetString());
        Assert.Equal(name, report.GetProperty("source").GetString());
        Assert.Equal(2.5m, await MonthHoursAsync(client.Id, 2026, 2));
        Assert.Equal("Service", (await EntryAsync(name, x)).Board);
        Assert.Contains((await (await admin.GetAsync("/api/v1/time-entries/mappings")).ReadJsonAsync()).EnumerateArray(),
            m => m.GetProperty("name").GetString() == name);

        var updated = await (await admin.PutAsJsonAsync($"/api/v1/time-entries/mappings/{name}", new
        {
            columns = new { externalId = "Ref", company = "Customer", date = "Day", hours = "Time" },
        })).ReadJsonAsync();
        Assert.Equal("Time", updated.GetProperty("columns").GetProperty("hours").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("dateFormat").ValueKind);

        await (await admin.PostAsJsonAsync("/api/v1/time-entries/mappings", new
        {
            name,
            columns = new { externalId = "Ref", company = "Customer", date = "Day", hours = "Duration" },
        })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/time-entries/mappings/{name}")).StatusCode);
        await (await admin.DeleteAsync($"/api/v1/time-entries/mappings/{name}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, await CountAsync(name, x));
    }

    [Fact]
    public async Task Mappings_are_validated()
    {
        var admin = await Factory.AdminAsync();
        var columns = new { externalId = "Ref", company = "Customer", date = "Day", hours = "Duration" };

        await (await admin.PostAsJsonAsync("/api/v1/time-entries/mappings", new { name = "generic", columns })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync("/api/v1/time-entries/mappings", new { name = "has spaces", columns })).ValidationProblemAsync("name");
        var noHours = new { externalId = "a", company = "b", date = "c" };
        await (await admin.PostAsJsonAsync("/api/v1/time-entries/mappings", new { name = "no-hours", columns = noHours }))
            .ValidationProblemAsync("columns.hours");
        await (await admin.PostAsJsonAsync("/api/v1/time-entries/mappings", new { name = "bad-format", columns, dateFormat = "qq" }))
            .ValidationProblemAsync("dateFormat");
        await (await admin.PutAsJsonAsync("/api/v1/time-entries/mappings/not-there", new { columns })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_tam_cannot_import_or_match()
    {
        var tam = await Factory.SignedInAsAsync("Tam");

        await (await PostCsvAsync(tam, Import, "externalId,client,date,hours\n")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsJsonAsync("/api/v1/time-entries", new { entries = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.GetAsync("/api/v1/time-entries/unmatched-companies")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.GetAsync("/api/v1/time-entries/mappings")).ProblemAsync(HttpStatusCode.Forbidden);
        var lead = await Factory.SignedInAsAsync("ServiceLead");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/v1/time-entries/unmatched-companies")).StatusCode);
    }
}

public sealed class TimeEntryImportRowsOnSqlite(SqliteFactory factory) : TimeEntryImportRowsTests(factory), IClassFixture<SqliteFactory>;

public sealed class TimeEntryImportRowsOnPostgres(PostgresFactory factory) : TimeEntryImportRowsTests(factory), IClassFixture<PostgresFactory>;
