using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.SmartNumbers;

/// <summary>The import page (built-in layout and "another layout" with the mapping step) and the unmatched companies page.</summary>
public abstract partial class TimeEntryImportPageTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_file_in_a_built_in_layout_imports_from_the_page_and_shows_the_report()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var company = LibraryData.UniqueName("Unknown Co");
        var x = $"page-{Guid.NewGuid():N}";
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var csv = $"Time Entry ID,Organization,Date Worked,Hours Worked\n{x}-1,{client},6/1/2026,2\n{x}-2,{company},6/2/2026,1\n{x}-3,{client},6/3/2026,x\n";

        var html = await UploadAsync(browser, csv, "autotask");

        Assert.Contains("Import complete", html);
        Assert.Contains("<strong>2 created</strong>", html);
        Assert.Contains("1 skipped", html);
        Assert.Contains("&#x27;x&#x27; is not a number", html);
        Assert.Contains(company, html);
        Assert.Contains("href=\"/smart-numbers/companies\"", html);
    }

    [Fact]
    public async Task Another_layout_is_mapped_saved_and_imported()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = $"other-{Guid.NewGuid():N}";
        var name = $"page-map-{Guid.NewGuid():N}"[..20];
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        var step = await UploadAsync(browser, $"Ref;Customer;Day;Spent;Queue\n{x};{client};24/02/2026;1,5;Desk\n", "other");

        Assert.Contains("Match the columns", step);
        Assert.Contains("<option value=\"Spent\"", step);
        var fields = CookieBrowser.HiddenFields(step);
        fields["_handler"] = "map";
        (fields["externalId"], fields["company"], fields["date"], fields["hours"], fields["board"]) = ("Ref", "Customer", "Day", "Spent", "Queue");
        (fields["mapName"], fields["dateFormat"]) = (name, "dd/MM/yyyy");
        var report = await (await browser.PostFormAsync("/smart-numbers/import", fields)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("<strong>1 created</strong>", report);
        Assert.Contains($"Saved layout \"{name}\"", WebUtility.HtmlDecode(report));
        Assert.Contains((await (await admin.GetAsync("/api/v1/time-entries/mappings")).ReadJsonAsync()).EnumerateArray(),
            m => m.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task The_mapping_step_is_kept_in_the_database_and_finished_by_another_node()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var x = $"node-{Guid.NewGuid():N}";
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);
        var step = await UploadAsync(browser, $"Ref;Customer;Day;Spent\n{x};{client};24/02/2026;2\n", "other");
        var fields = CookieBrowser.HiddenFields(step);
        var id = Guid.ParseExact(fields["upload"], "N");
        Assert.True(await UploadKeptAsync(factory, id));
        await using var node = factory.SecondNode();
        fields["_handler"] = "map";
        (fields["externalId"], fields["company"], fields["date"], fields["hours"]) = ("Ref", "Customer", "Day", "Spent");
        (fields["mapName"], fields["dateFormat"]) = ($"node-map-{Guid.NewGuid():N}"[..20], "dd/MM/yyyy");

        var report = await (await browser.Copy(node).PostFormAsync("/smart-numbers/import", fields)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("<strong>1 created</strong>", report);
        Assert.False(await UploadKeptAsync(factory, id));
    }

    [Fact]
    public async Task An_upload_older_than_a_day_is_no_longer_read_and_is_removed_when_the_next_is_kept()
    {
        await factory.AdminAsync();
        var old = new Plumbline.Features.SmartNumbers.Import.ImportUpload { UploadedAt = DateTime.UtcNow.AddHours(-25), UploadedBy = "test", Size = 4 };
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Plumbline.Data.AppDbContext>();
            old.Data = "a;b\n"u8.ToArray();
            db.ImportUploads.Add(old);
            await db.SaveChangesAsync();
            Assert.Null(await Plumbline.Features.SmartNumbers.Import.Pages.UploadFiles.OpenAsync(db, old.Id.ToString("N"), TimeProvider.System,
                CancellationToken.None));
        }
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        var step = await UploadAsync(browser, "Ref;Customer;Day;Spent\nr;c;24/02/2026;1\n", "other");

        Assert.Contains("Match the columns", step);
        Assert.False(await UploadKeptAsync(factory, old.Id));
        var fields = CookieBrowser.HiddenFields(step);
        (fields["_handler"], fields["upload"]) = ("map", old.Id.ToString("N"));
        (fields["externalId"], fields["company"], fields["date"], fields["hours"]) = ("Ref", "Customer", "Day", "Spent");
        var page = await (await browser.PostFormAsync("/smart-numbers/import", fields)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("The uploaded file is no longer here", page);
    }

    private static async Task<bool> UploadKeptAsync(PlumblineFactory instance, Guid id)
    {
        using var scope = instance.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Plumbline.Data.AppDbContext>().ImportUploads.AnyAsync(u => u.Id == id);
    }

    [Fact]
    public async Task A_held_company_is_matched_from_the_companies_page()
    {
        var admin = await factory.AdminAsync();
        var client = await CreateClientAsync(admin);
        var company = LibraryData.UniqueName("Tailspin");
        var x = $"co-{Guid.NewGuid():N}";
        await (await admin.PostRawAsync("/api/v1/time-entries/import", $"externalId,client,date,hours\n{x},{company},2026-05-05,3\n", "text/csv"))
            .ReadJsonAsync();
        var browser = await CookieBrowser.SignInAsync(factory, PlumblineFactory.AdminEmail);

        var list = await (await browser.GetAsync("/smart-numbers/companies")).ExpectAsync(HttpStatusCode.OK);
        Assert.True(list.Contains(company, StringComparison.Ordinal), list);
        var page = $"/smart-numbers/companies?company={Uri.EscapeDataString(company)}";
        var chosen = await (await browser.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains($"Match \"{company}\" to a client", WebUtility.HtmlDecode(chosen));
        var fields = CookieBrowser.HiddenFields(chosen);
        (fields["_handler"], fields["clientId"]) = ("match", ClientId(chosen, client));
        var done = await (await browser.PostFormAsync(page, fields)).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("1 held", done);
        Assert.Contains("moved to the client", done);
        Assert.DoesNotContain((await (await admin.GetAsync("/api/v1/time-entries/unmatched-companies")).ReadJsonAsync()).EnumerateArray(),
            c => c.GetProperty("company").GetString() == company);
    }

    private static string ClientId(string html, string clientName) =>
        Regex.Match(html, $"<option value=\"([0-9a-f-]+)\"[^>]*>{Regex.Escape(clientName)}</option>").Groups[1].Value;

    private static async Task<string> UploadAsync(CookieBrowser browser, string csv, string layout)
    {
        var form = await (await browser.GetAsync("/smart-numbers/import")).ExpectAsync(HttpStatusCode.OK);
        var content = new MultipartFormDataContent();
        var fields = CookieBrowser.HiddenFields(form);
        fields["_handler"] = "upload";
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        content.Add(new StringContent(layout), "layout");
        content.Add(new StringContent(csv), "file", "time.csv");
        return await (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/smart-numbers/import") { Content = content }))
            .ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<string> CreateClientAsync(HttpClient admin)
    {
        var name = LibraryData.UniqueName("Page client");
        await (await admin.PostAsJsonAsync("/api/v1/clients", new { name })).ReadJsonAsync(HttpStatusCode.Created);
        return name;
    }
}

public sealed class TimeEntryImportPageOnSqlite(SqliteFactory factory) : TimeEntryImportPageTests(factory), IClassFixture<SqliteFactory>;

public sealed class TimeEntryImportPageOnPostgres(PostgresFactory factory) : TimeEntryImportPageTests(factory), IClassFixture<PostgresFactory>;
