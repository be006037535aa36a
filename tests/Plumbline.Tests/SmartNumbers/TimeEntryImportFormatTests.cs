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

/// <summary>The PSA layouts and files an import reads: vendor exports, separators, uploads, size limits and broken headers.</summary>
public abstract class TimeEntryImportFormatTests(PlumblineFactory factory) : TimeEntryImportTestBase(factory)
{
    [Fact]
    public async Task The_generic_layout_imports_and_matches_clients_by_psa_company_id_or_name()
    {
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
    public async Task A_broken_header_changes_nothing_and_names_the_missing_columns()
    {
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
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
        var admin = await Factory.AdminAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("externalId,client,date,hours\n"));
        content.Headers.ContentLength = 257L * 1024 * 1024;

        var response = await admin.PostAsync(Import, content);

        Assert.Contains("256 MB", (await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_format_and_mapping_must_be_known()
    {
        var admin = await Factory.AdminAsync();

        await (await PostCsvAsync(admin, $"{Import}?format=excel", "a,b\n")).ValidationProblemAsync("format");
        await (await PostCsvAsync(admin, $"{Import}?mapping=no-such-mapping", "a,b\n")).ValidationProblemAsync("mapping");
        await (await PostCsvAsync(admin, $"{Import}?format=generic&mapping=x", "a,b\n")).ValidationProblemAsync("format");
    }
}

public sealed class TimeEntryImportFormatOnSqlite(SqliteFactory factory) : TimeEntryImportFormatTests(factory), IClassFixture<SqliteFactory>;

public sealed class TimeEntryImportFormatOnPostgres(PostgresFactory factory) : TimeEntryImportFormatTests(factory), IClassFixture<PostgresFactory>;
