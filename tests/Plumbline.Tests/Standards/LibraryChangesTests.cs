using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

/// <summary>
/// The library's change log (GET /api/v1/library/changes, /library/changes and the client report "What we now check and why"):
/// each test makes its standards in a section of its own and reads the log of that section.
/// </summary>
public abstract class LibraryChangesTests(PlumblineFactory factory)
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    /// <summary>In a new section: one new standard, one changed (new question), one retired, and an edited draft that stays out.</summary>
    private async Task<(HttpClient Admin, Guid SectionId, StandardDetails Added, StandardDetails Changed, StandardDetails Retired)> HistoryAsync()
    {
        var admin = await factory.AdminAsync();
        var section = await admin.CreateSectionAsync();
        var category = await admin.CreateCategoryAsync(section.Id);
        var added = await admin.CreateStandardAsync(new NewStandard(category.Id)
        {
            Title = "Screen lock after idle time",
            Question = "Do all workstations lock the screen after no more than 10 minutes without input?",
            WhyWeAsk = "An unlocked screen in a shared office lets anyone read or send mail as the person who walked away.",
        });
        var changed = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Free space on servers" });
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{changed.Id}", new NewStandard(category.Id)
        {
            Code = changed.Code,
            Title = "Free space on servers",
            Question = "Is there at least 25% free space on the system drive of every server?",
            Priority = "High",
        })).ExpectAsync(HttpStatusCode.OK);
        var retired = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Fax lines tested every month" });
        await (await admin.PostAsync($"/api/v1/standards/{retired.Id}/retire", null)).ExpectAsync(HttpStatusCode.OK);
        var draft = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "A draft in progress", Status = "Draft" });
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{draft.Id}", new NewStandard(category.Id)
        {
            Code = draft.Code,
            Title = "A draft in progress",
            Question = "Is there at least 30% free space on the system drive of every server?",
            Status = "Draft",
        })).ExpectAsync(HttpStatusCode.OK);
        return (admin, section.Id, added, changed, retired);
    }

    [Fact]
    public async Task The_log_lists_new_changed_and_retired_standards_newest_first_with_the_diff_of_each_changed_field()
    {
        var (admin, sectionId, added, changed, retired) = await HistoryAsync();

        var log = await (await admin.GetAsync($"/api/v1/library/changes?sectionId={sectionId}")).ReadJsonAsync();

        Assert.Equal(3, log.GetProperty("newCount").GetInt32());
        Assert.Equal(1, log.GetProperty("changedCount").GetInt32());
        Assert.Equal(1, log.GetProperty("retiredCount").GetInt32());
        Assert.Equal(5, log.GetProperty("total").GetInt32());
        Assert.Equal(DateTime.UtcNow.AddDays(-90).ToString("yyyy-MM-dd"), log.GetProperty("from").GetString());
        Assert.Equal(Today, log.GetProperty("to").GetString());
        var items = log.GetProperty("items").EnumerateArray().ToList();
        var times = items.Select(i => i.GetProperty("at").GetDateTime()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.DoesNotContain(items, i => i.GetProperty("title").GetString() == "A draft in progress");
        Assert.Equal("Retired", items[0].GetProperty("kind").GetString());
        Assert.Equal(retired.Code, items[0].GetProperty("code").GetString());

        var change = items.Single(i => i.GetProperty("kind").GetString() == "Changed");
        Assert.Equal(changed.Id, change.GetProperty("standardId").GetGuid());
        Assert.Equal(2, change.GetProperty("revision").GetInt32());
        var fields = change.GetProperty("changes").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        Assert.Equal(new[] { "question", "priority" }, fields.Keys.ToArray());
        Assert.Equal("Is there at least 20% free space on the system drive of every server?", fields["question"].GetProperty("before").GetString());
        Assert.Equal("Is there at least 25% free space on the system drive of every server?", fields["question"].GetProperty("after").GetString());
        Assert.Equal("=Is there at least |-20% |+25% |=free space on the system drive of every server?|", string.Concat(
            fields["question"].GetProperty("diff").EnumerateArray()
                .Select(p => Op(p.GetProperty("op").GetString()) + p.GetProperty("text").GetString() + "|")));
        Assert.Equal("Medium", fields["priority"].GetProperty("before").GetString());
        Assert.Equal("High", fields["priority"].GetProperty("after").GetString());

        var created = items.Single(i => i.GetProperty("standardId").GetGuid() == added.Id);
        Assert.Equal("New", created.GetProperty("kind").GetString());
        Assert.False(created.GetProperty("reactivated").GetBoolean());
        Assert.Equal(added.Question, created.GetProperty("question").GetString());
        Assert.Equal("Alex Admin", created.GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task A_reactivated_standard_is_new_again_and_a_period_before_the_changes_is_empty()
    {
        var (admin, sectionId, _, _, retired) = await HistoryAsync();
        await (await admin.PostAsync($"/api/v1/standards/{retired.Id}/reactivate", null)).ExpectAsync(HttpStatusCode.OK);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

        var log = await (await admin.GetAsync($"/api/v1/library/changes?sectionId={sectionId}&from={Today}&to={Today}&pageSize=1")).ReadJsonAsync();
        var before = await (await admin.GetAsync($"/api/v1/library/changes?sectionId={sectionId}&from=2026-01-01&to={yesterday}")).ReadJsonAsync();

        Assert.Equal(6, log.GetProperty("total").GetInt32());
        var first = log.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("New", first.GetProperty("kind").GetString());
        Assert.True(first.GetProperty("reactivated").GetBoolean());
        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Empty(before.GetProperty("items").EnumerateArray());
    }

    private static string Op(string? op) => op switch { "Same" => "=", "Removed" => "-", "Added" => "+", _ => "?" };

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-12-05&to=2026-12-01", "from")]
    [InlineData("from=2020-01-01&to=2026-01-01", "from")]
    [InlineData("pageSize=0", "pageSize")]
    public async Task A_bad_period_is_a_validation_problem(string query, string field)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync($"/api/v1/library/changes?{query}")).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Anyone_signed_in_reads_the_log_and_nobody_else_does()
    {
        var reader = await factory.SignedInAsAsync("ReadOnly");

        await (await reader.GetAsync("/api/v1/library/changes")).ExpectAsync(HttpStatusCode.OK);
        await (await factory.Anonymous().GetAsync("/api/v1/library/changes")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_page_shows_the_changes_with_their_differences_and_says_when_nothing_changed()
    {
        var (admin, sectionId, added, changed, retired) = await HistoryAsync();

        var page = WebUtility.HtmlDecode(await (await admin.GetAsync($"/library/changes?sectionId={sectionId}")).ExpectAsync(HttpStatusCode.OK));
        var empty = await (await admin.GetAsync($"/library/changes?sectionId={sectionId}&from=2026-01-01&to=2026-01-31")).ExpectAsync(HttpStatusCode.OK);
        var bad = await (await admin.GetAsync("/library/changes?from=2026-12-05&to=2026-12-01")).ExpectAsync(HttpStatusCode.OK);
        var library = await (await admin.GetAsync("/library")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains(added.Title, page);
        Assert.Contains(added.Question, page);
        Assert.Contains(retired.Title, page);
        Assert.Contains($"/library/standards/{changed.Id}?compareTo=2#changes", page);
        Assert.Contains("<del title=\"removed\">20% </del><ins title=\"added\">25% </ins>", page);
        Assert.Contains("revision 1 → 2", page);
        Assert.DoesNotContain("A draft in progress", page);
        Assert.True(page.IndexOf(retired.Title, StringComparison.Ordinal) < page.IndexOf(added.Title, StringComparison.Ordinal), "newest first");
        Assert.Contains($"/reports/library/changes?from=", page);
        Assert.Contains("Nothing changed in this period", empty);
        Assert.Contains("role=\"alert\"", bad);
        Assert.Contains("must be on or before", bad);
        Assert.Contains("href=\"/library/changes\"", library);
    }

    [Fact]
    public async Task The_client_report_tells_what_we_now_check_and_why_without_internal_details()
    {
        var (admin, sectionId, added, changed, retired) = await HistoryAsync();

        var html = await admin.ReportHtmlAsync($"/reports/library/changes?sectionId={sectionId}");
        var empty = await admin.ReportHtmlAsync($"/reports/library/changes?sectionId={sectionId}&from=2026-01-01&to=2026-01-31");

        Assert.Contains("What we now check and why", html);
        Assert.Contains("Northwind IT Partners", html);
        Assert.Contains(added.Question, html);
        Assert.Contains(added.WhyWeAsk, html);
        Assert.Contains("Is there at least 25% free space on the system drive of every server?", html);
        Assert.DoesNotContain("Is there at least 20% free space", html);
        Assert.Contains(retired.Title, html);
        Assert.DoesNotContain(added.HowToCheck, html);
        Assert.DoesNotContain("A draft in progress", html);
        Assert.DoesNotContain("Alex Admin", html);
        Assert.DoesNotContain("<del", html);
        Assert.Contains("&amp;format=pdf", await (await admin.GetAsync($"/reports/library/changes?sectionId={sectionId}")).Content.ReadAsStringAsync());
        Assert.Contains("Our standards did not change in this period", empty);
        Assert.Equal("Free space on servers", changed.Title);
    }

    [Theory]
    [InlineData("from=2026-02-30")]
    [InlineData("from=2026-12-05&to=2026-12-01")]
    [InlineData("sectionId=acme")]
    [InlineData("format=docx")]
    public async Task A_bad_report_request_is_a_clear_400(string query)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync($"/reports/library/changes?{query}")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class LibraryChangesOnSqlite(SqliteFactory factory) : LibraryChangesTests(factory), IClassFixture<SqliteFactory>;

public sealed class LibraryChangesOnPostgres(PostgresFactory factory) : LibraryChangesTests(factory), IClassFixture<PostgresFactory>;

/// <summary>The client report printed by the real Chromium; printing does not depend on the database, so SQLite only.</summary>
public sealed class LibraryChangesPdfTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_client_report_prints_as_a_pdf_with_the_new_standard_in_it()
    {
        var admin = await factory.AdminAsync();
        var category = await admin.CreateCategoryAsync();
        var added = await admin.CreateStandardAsync(new NewStandard(category.Id) { Title = "Screen lock after idle time" });
        var section = (await admin.GetStandardAsync(added.Id)).SectionId;

        var response = await admin.GetAsync($"/reports/library/changes?sectionId={section}&format=pdf");
        var text = await admin.ReportPdfTextAsync($"/reports/library/changes?sectionId={section}&format=pdf");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("what-we-check-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("Whatwenowcheckandwhy", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(ReportData.Squeeze(added.Question), text);
    }
}
