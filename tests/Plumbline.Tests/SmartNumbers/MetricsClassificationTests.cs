using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using MiniExcelLibs;
using Plumbline.Tests.TestSupport;
using static Plumbline.Tests.SmartNumbers.MetricsData;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>Which time counts as reactive: the classification, who may change it, its validation and its preview.</summary>
public abstract class MetricsClassificationTests(PlumblineFactory factory) : MetricsApiTestBase(factory)
{
    [Fact]
    public async Task A_tam_reads_the_metrics_but_changes_neither_the_classification_nor_the_endpoint_history()
    {
        var admin = await Factory.AdminAsync();
        var tam = await Factory.SignedInAsAsync("Tam");
        var lead = await Factory.SignedInAsAsync("ServiceLead");
        var vcio = await Factory.SignedInAsAsync("Vcio");
        var client = await admin.CreateClientAsync();

        await (await tam.GetAsync("/api/v1/metrics")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync("/api/v1/metrics/export")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync($"/api/v1/clients/{client.Id}/metrics")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync($"/api/v1/clients/{client.Id}/endpoint-history")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync("/api/v1/time-entries/classification")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.GetAsync("/api/v1/time-entries/classification/values")).ExpectAsync(HttpStatusCode.OK);
        await (await tam.PutAsJsonAsync("/api/v1/time-entries/classification", new { reactiveWorkTypes = new[] { "x" } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await vcio.PutAsJsonAsync("/api/v1/time-entries/classification", new { reactiveWorkTypes = new[] { "x" } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-01", new { endpoints = 3 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await lead.GetAsync("/api/v1/time-entries/classification")).ExpectAsync(HttpStatusCode.OK);
        await (await vcio.PutAsJsonAsync($"/api/v1/clients/{client.Id}/endpoint-history/2025-01", new { endpoints = 3 })).ExpectAsync(HttpStatusCode.OK);
        var anonymous = Factory.CreateClient();
        await (await anonymous.GetAsync("/api/v1/metrics")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/v1/time-entries/classification")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_service_lead_saves_the_classification_trimmed_and_without_duplicates_and_the_change_is_audited()
    {
        var admin = await Factory.AdminAsync();
        var lead = await Factory.SignedInAsAsync("ServiceLead", "Sue Lead");
        var value = Unique("Break/fix");

        var saved = await (await lead.PutAsJsonAsync("/api/v1/time-entries/classification", new
        {
            reactiveWorkTypes = new[] { $" {value} ", value.ToUpperInvariant(), "Emergency" },
            reactiveBoards = new[] { "Service Desk" },
        })).ReadJsonAsync();

        Assert.Equal([value, "Emergency"], saved.GetProperty("reactiveWorkTypes").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["Service Desk"], saved.GetProperty("reactiveBoards").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, saved.GetProperty("reactiveTicketTypes").GetArrayLength());
        Assert.Equal("Sue Lead", saved.GetProperty("updatedBy").GetString());
        var read = await (await lead.GetAsync("/api/v1/time-entries/classification")).ReadJsonAsync();
        Assert.Equal(value, read.GetProperty("reactiveWorkTypes")[0].GetString());
        var audit = await (await admin.GetAsync("/api/v1/audit?entityType=ReactiveClassification")).ReadJsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetRawText().Contains(value, StringComparison.Ordinal)
            && e.GetProperty("userName").GetString() == "Sue Lead");
    }

    [Theory]
    [InlineData("{\"reactiveWorkTypes\":[\"  \"]}", "reactiveWorkTypes")]
    [InlineData("{\"reactiveBoards\":[\"ok\",\"\"]}", "reactiveBoards")]
    public async Task An_empty_classification_value_is_a_400(string body, string field)
    {
        var admin = await Factory.AdminAsync();

        await (await admin.PutRawAsync("/api/v1/time-entries/classification", body)).ValidationProblemAsync(field);
        await (await admin.PostRawAsync("/api/v1/time-entries/classification/preview", body)).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Too_long_or_too_many_classification_values_are_a_400()
    {
        var admin = await Factory.AdminAsync();

        await (await admin.PutAsJsonAsync("/api/v1/time-entries/classification", new { reactiveTicketTypes = new[] { new string('t', 101) } }))
            .ValidationProblemAsync("reactiveTicketTypes");
        await (await admin.PutAsJsonAsync("/api/v1/time-entries/classification",
            new { reactiveBoards = Enumerable.Range(0, 501).Select(i => $"Board {i}").ToArray() })).ValidationProblemAsync("reactiveBoards");
    }

    [Fact]
    public async Task The_values_seen_come_with_their_hours_and_a_proposal_is_previewed_against_the_saved_classification()
    {
        var admin = await Factory.AdminAsync();
        var (fix, project, desk) = (Unique("Fix"), Unique("Project"), Unique("Desk"));
        await admin.ClassifyAsync(workTypes: [fix]);
        var client = await admin.CreateClientAsync();
        var month = LastMonth();
        await Factory.AddEntriesAsync(client.Id, new Entry(month.AddDays(2), 5m, fix, desk), new Entry(month.AddDays(3), 2.5m, project, desk),
            new Entry(month.AddDays(4), 4m, project.ToUpperInvariant(), "Projects"));

        var values = await (await admin.GetAsync("/api/v1/time-entries/classification/values")).ReadJsonAsync();
        Assert.Equal((Text(month.AddMonths(-11)), Text(month)), (values.GetProperty("from").GetString(), values.GetProperty("to").GetString()));
        var workTypes = values.GetProperty("workTypes").EnumerateArray().ToList();
        var p = workTypes.Single(v => v.GetProperty("value").GetString()!.Equals(project, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(6.5m, p.GetProperty("hours").GetDecimal());
        Assert.False(p.GetProperty("reactive").GetBoolean());
        Assert.Equal(6.5m, p.GetProperty("moves").GetDecimal());
        var f = workTypes.Single(v => v.GetProperty("value").GetString() == fix);
        Assert.True(f.GetProperty("reactive").GetBoolean());
        Assert.Equal(5m, f.GetProperty("moves").GetDecimal());
        var d = values.GetProperty("boards").EnumerateArray().Single(v => v.GetProperty("value").GetString() == desk);
        Assert.Equal((7.5m, 2.5m), (d.GetProperty("hours").GetDecimal(), d.GetProperty("moves").GetDecimal()));
        var saved = values.GetProperty("savedReactiveHours").GetDecimal();
        Assert.Equal(saved, values.GetProperty("proposedReactiveHours").GetDecimal());

        var preview = await (await admin.PostAsJsonAsync("/api/v1/time-entries/classification/preview",
            new { reactiveWorkTypes = new[] { fix }, reactiveBoards = new[] { desk.ToLowerInvariant() } })).ReadJsonAsync();
        Assert.Equal(saved + 2.5m, preview.GetProperty("proposedReactiveHours").GetDecimal());
        Assert.Equal(2.5m, preview.GetProperty("change").GetDecimal());
        var proposed = preview.GetProperty("boards").EnumerateArray().Single(v => v.GetProperty("value").GetString() == desk);
        Assert.True(proposed.GetProperty("proposed").GetBoolean());
        Assert.False(proposed.GetProperty("reactive").GetBoolean());
        var byQuery = await (await admin.GetAsync($"/api/v1/time-entries/classification/values?reactiveWorkTypes={Uri.EscapeDataString(fix)}" +
            $"&reactiveBoards={Uri.EscapeDataString(desk)}")).ReadJsonAsync();
        Assert.Equal(2.5m, byQuery.GetProperty("change").GetDecimal());
        var nothing = await (await admin.PostAsJsonAsync("/api/v1/time-entries/classification/preview", new { })).ReadJsonAsync();
        Assert.Equal((0m, -saved), (nothing.GetProperty("proposedReactiveHours").GetDecimal(), nothing.GetProperty("change").GetDecimal()));
    }
}

public sealed class MetricsClassificationOnSqlite(SqliteFactory factory) : MetricsClassificationTests(factory), IClassFixture<SqliteFactory>;

public sealed class MetricsClassificationOnPostgres(PostgresFactory factory) : MetricsClassificationTests(factory), IClassFixture<PostgresFactory>;
