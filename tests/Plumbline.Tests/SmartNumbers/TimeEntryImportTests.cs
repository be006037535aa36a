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

/// <summary>
/// Importing PSA time entries. The sample files are built here from the column names each vendor documents (no vendor file is copied).
/// Every test uses its own clients, companies and external ids, so tests never see each other's rows.
/// </summary>
public abstract class TimeEntryImportTests(PlumblineFactory factory)
{
    private const string Import = "/api/v1/time-entries/import";

    [Fact]
    public async Task The_generic_layout_imports_and_matches_clients_by_psa_company_id_or_name()
    {
        var admin = await factory.AdminAsync();
        var byId = await CreateClientAsync(admin, psaCompanyId: Unique("PSA"));
        var byName = await CreateClientAsync(admin);
        var x = Unique("g");
        var csv = Csv("externalId,client,date,hours,workType,board,ticketType",
            $"{x}-1,{byId.PsaCompanyId!.ToUpperInvariant()},2026-03-04,1.5,Remote,Help desk,Incident",
            $"{x}-2,{byName.Name.ToLowerInvariant()},2026-03-20,2,Onsite,Projects,Project",
            $"{x}-3,  {byName.Name}  ,2026-04-01,0.5,Remote,Help desk,Incident");

        var report = await (await PostCsvAsync(admin, $"{Import}?format=generic", csv)).ReadJsonAsync();

        Assert.Equal(3, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("held").GetInt32());
        Assert.Equal(0, report.GetProperty("skippedCount").GetInt32());
        Assert.Equal("generic", report.GetProperty("source").GetString());
        Assert.Equal(1.5m, await MonthHoursAsync(byId.Id, 2026, 3));
        Assert.Equal(2m, await MonthHoursAsync(byName.Id, 2026, 3));
        Assert.Equal(0.5m, await MonthHoursAsync(byName.Id, 2026, 4));
        var entry = await EntryAsync("generic", $"{x}-2");
        Assert.Equal(("Onsite", "Projects", "Project"), (entry.WorkType, entry.Board, entry.TicketType));
    }

    [Fact]
    public async Task A_connectwise_export_imports_with_its_documented_columns()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin, psaCompanyId: Unique("CW"));
        var x = Unique("cw");
        var csv = Csv("id,company/name,chargeToType,timeStart,timeEnd,actualHours,workType/name,Board,Ticket Type,notes",
            $"{x}1,{client.PsaCompanyId},ServiceTicket,2026-05-04T14:00:00Z,2026-05-04T15:30:00Z,1.50,Remote Support,Service Desk,Incident," +
                "\"Reset, then reboot\"",
            $"{x}2,{client.PsaCompanyId},ServiceTicket,2026-05-05T09:00:00Z,2026-05-05T09:15:00Z,0.25,Remote Support,Service Desk,Request,");

        var report = await (await PostCsvAsync(admin, $"{Import}?format=connectwise", csv)).ReadJsonAsync();

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(1.75m, await MonthHoursAsync(client.Id, 2026, 5));
        Assert.Equal("Service Desk", (await EntryAsync("connectwise", $"{x}1")).Board);
    }

    [Fact]
    public async Task A_connectwise_report_with_its_list_headings_imports_too()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("cwr");
        var csv = Csv("Time RecId,Member Name,Company,Date,Hours,Work Type,Board,Ticket Type",
            $"{x},Pat,{client.Name},5/6/2026 10:00 AM,2.00,Remote,Service Desk,Incident");

        var report = await (await PostCsvAsync(admin, $"{Import}?format=connectwise", csv)).ReadJsonAsync();

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        Assert.Equal(2m, await MonthHoursAsync(client.Id, 2026, 5));
    }

    [Fact]
    public async Task An_autotask_export_imports_with_its_documented_columns()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("at");
        var csv = Csv("Time Entry ID,Resource,Organization,Date Worked,Hours Worked,Work Type,Queue,Ticket Type,Summary Notes",
            $"{x}1,Sam,{client.Name},6/1/2026,1.25,Remote Support,Level I Support,Incident,Printer",
            $"{x}2,Sam,{client.Name},06/30/2026,3,Onsite,Projects,Service Request,Move");

        var report = await (await PostCsvAsync(admin, $"{Import}?format=autotask", csv)).ReadJsonAsync();

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(4.25m, await MonthHoursAsync(client.Id, 2026, 6));
        var entry = await EntryAsync("autotask", $"{x}1");
        Assert.Equal(("Remote Support", "Level I Support", "Incident"), (entry.WorkType, entry.Board, entry.TicketType));
    }

    [Fact]
    public async Task A_halo_export_imports_with_its_documented_columns()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var ticket = Random.Shared.Next(100_000, 999_999);
        var csv = Csv("ticket_id,actionid,client_name,actiondatecreated,timetaken,Charge Type,Team,Ticket Type",
            $"{ticket},1,{client.Name},2026-07-02T10:00:00,0.5,Remote,1st Line,Incident",
            $"{ticket},2,{client.Name},2026-07-03T10:00:00,1:30,Remote,1st Line,Incident");

        var report = await (await PostCsvAsync(admin, $"{Import}?format=halo", csv)).ReadJsonAsync();

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(2m, await MonthHoursAsync(client.Id, 2026, 7));
        Assert.Equal("1st Line", (await EntryAsync("halo", $"{ticket}-2")).Board);
    }

    [Fact]
    public async Task Importing_again_updates_and_never_duplicates()
    {
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();

        await (await admin.PostAsJsonAsync("/api/v1/time-entries/unmatched-companies/match", new { company = "Nobody", clientId = Guid.NewGuid() }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsJsonAsync("/api/v1/time-entries/unmatched-companies/match", new { company = " ", clientId = Guid.NewGuid() }))
            .ValidationProblemAsync("company");
    }

    [Fact]
    public async Task A_broken_header_changes_nothing_and_names_the_missing_columns()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("hdr");

        var problem = await (await PostCsvAsync(admin, $"{Import}?format=autotask",
                Csv("Time Entry ID,Organization,Date,Duration", $"{x},{client.Name},6/1/2026,1")))
            .ValidationProblemAsync("file");
        var notCsv = await (await admin.PostAsync(Import, new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0, 0, 0x21, 0])))
            .ValidationProblemAsync("file");
        await (await PostCsvAsync(admin, Import, "")).ValidationProblemAsync("file");

        Assert.Contains("hours", problem.GetProperty("detail").GetString());
        Assert.Contains("Hours Worked", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Contains("not a CSV", notCsv.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await CountAsync("autotask", x));
    }

    [Fact]
    public async Task Semicolons_decimal_commas_and_a_byte_order_mark_are_accepted()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("semi");
        var text = Csv("externalId;client;date;hours;workType;board;ticketType", $"{x}-1;{client.Name};2026-10-01;1,5;Remote;Desk;Incident",
            $"{x}-2;{client.Name};10/2/2026;\"0,25\";Remote;Desk;Incident");
        var content = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var report = await (await admin.PostAsync(Import, content)).ReadJsonAsync();

        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal(1.75m, await MonthHoursAsync(client.Id, 2026, 10));
    }

    [Fact]
    public async Task A_multipart_upload_with_a_file_field_imports()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("mp");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("ignored"), "note" },
            { new StringContent(Csv("externalId,client,date,hours", $"{x},{client.Name},2026-11-05,4")), "file", "time.csv" },
        };

        var report = await (await admin.PostAsync($"{Import}?format=generic", form)).ReadJsonAsync();

        Assert.Equal(1, report.GetProperty("created").GetInt32());
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await (await admin.PostAsync(Import, empty)).ValidationProblemAsync("file");
    }

    [Fact]
    public async Task A_fifty_megabyte_file_imports_in_batches()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = Unique("big");
        var note = new string('n', 4000);
        var path = Path.Combine(Path.GetTempPath(), $"plumbline-{x}.csv");
        var rows = 0;
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("externalId,client,date,hours,workType,board,ticketType,notes");
            while (writer.BaseStream.Length < 50L * 1024 * 1024)
            {
                rows++;
                await writer.WriteLineAsync($"{x}-{rows},{client.Name},2026-{rows % 12 + 1:00}-15,0.25,Remote,Desk,Incident,\"{note}\"");
            }
        }
        try
        {
            await using var file = File.OpenRead(path);
            var content = new StreamContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

            var report = await (await admin.PostAsync(Import, content)).ReadJsonAsync();

            Assert.True(rows > 2 * 5000, $"Only {rows} rows: the file should take several batches.");
            Assert.Equal(rows, report.GetProperty("created").GetInt32());
            Assert.Equal(rows, await CountAsync("generic", x));
            Assert.Equal(12, report.GetProperty("monthsRebuilt").GetArrayLength());
            var march = Enumerable.Range(1, rows).Count(r => r % 12 + 1 == 3) * 0.25m;
            Assert.Equal(march, await MonthHoursAsync(client.Id, 2026, 3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_body_over_256_megabytes_is_refused()
    {
        var admin = await factory.AdminAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("externalId,client,date,hours\n"));
        content.Headers.ContentLength = 257L * 1024 * 1024;

        var response = await admin.PostAsync(Import, content);

        Assert.Contains("256 MB", (await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_format_and_mapping_must_be_known()
    {
        var admin = await factory.AdminAsync();

        await (await PostCsvAsync(admin, $"{Import}?format=excel", "a,b\n")).ValidationProblemAsync("format");
        await (await PostCsvAsync(admin, $"{Import}?mapping=no-such-mapping", "a,b\n")).ValidationProblemAsync("mapping");
        await (await PostCsvAsync(admin, $"{Import}?format=generic&mapping=x", "a,b\n")).ValidationProblemAsync("format");
    }

    [Fact]
    public async Task Connectors_post_entries_with_the_same_upsert_and_report()
    {
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
        var entries = Enumerable.Range(1, 5001).Select(i => new { externalId = $"x{i}", clientId = Guid.NewGuid(), date = "2026-01-01", hours = 1 });

        await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries })).ValidationProblemAsync("entries");
        await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries = Array.Empty<object>() })).ValidationProblemAsync("entries");
        await (await admin.PostAsJsonAsync("/api/v1/time-entries", new { entries = new[] { new { externalId = "a" } }, source = "Not Valid!" }))
            .ValidationProblemAsync("source");
    }

    [Fact]
    public async Task A_saved_mapping_imports_a_layout_of_your_own()
    {
        var admin = await factory.AdminAsync();
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
        var admin = await factory.AdminAsync();
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
        var tam = await factory.SignedInAsAsync("Tam");

        await (await PostCsvAsync(tam, Import, "externalId,client,date,hours\n")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsJsonAsync("/api/v1/time-entries", new { entries = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.GetAsync("/api/v1/time-entries/unmatched-companies")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.GetAsync("/api/v1/time-entries/mappings")).ProblemAsync(HttpStatusCode.Forbidden);
        var lead = await factory.SignedInAsAsync("ServiceLead");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/v1/time-entries/unmatched-companies")).StatusCode);
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static string Csv(string header, params string[] rows) => string.Join("\n", rows.Prepend(header)) + "\n";

    private static (int Created, int Updated, int Unchanged) Counts(JsonElement r) =>
        (r.GetProperty("created").GetInt32(), r.GetProperty("updated").GetInt32(), r.GetProperty("unchanged").GetInt32());

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string url, string csv) => client.PostRawAsync(url, csv, "text/csv");

    private sealed record NewClient(Guid Id, string Name, string? PsaCompanyId);

    private static async Task<NewClient> CreateClientAsync(HttpClient admin, string? psaCompanyId = null)
    {
        var name = LibraryData.UniqueName("Import client");
        var body = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name, psaCompanyId })).ReadJsonAsync(HttpStatusCode.Created);
        return new(body.GetProperty("id").GetGuid(), name, psaCompanyId);
    }

    private async Task<decimal> MonthHoursAsync(Guid clientId, int year, int month)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var m = new DateOnly(year, month, 1);
        var hundredths = await db.TimeEntryMonthTotals.Where(t => t.ClientId == clientId && t.Month == m).Select(t => t.HoursHundredths).ToListAsync();
        return hundredths.Sum() / 100m;
    }

    private async Task<TimeEntry> EntryAsync(string source, string externalId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TimeEntries.AsNoTracking()
            .SingleAsync(e => e.Source == source && e.ExternalId == externalId);
    }

    private async Task<int> CountAsync(string source, string prefix)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TimeEntries
            .CountAsync(e => e.Source == source && e.ExternalId.StartsWith(prefix));
    }
}

public sealed class TimeEntryImportOnSqlite(SqliteFactory factory) : TimeEntryImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class TimeEntryImportOnPostgres(PostgresFactory factory) : TimeEntryImportTests(factory), IClassFixture<PostgresFactory>;
