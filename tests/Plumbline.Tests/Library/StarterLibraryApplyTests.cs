using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Library;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

/// <summary>Applying the starter library adds and updates, never deletes, and never overwrites the provider's own edits.</summary>
public abstract class StarterLibraryApplyTests(PlumblineFactory factory)
{
    private static readonly int StarterCount = StarterLibrary.Load(Repository.StarterFolder).Sections.Sum(s => s.Categories.Sum(c => c.Standards.Count));

    /// <summary>The starter standards a fresh library receives: the retired (merged) ones are left out.</summary>
    private static readonly int ActiveCount = StarterLibrary.Load(Repository.StarterFolder).Sections
        .Sum(s => s.Categories.Sum(c => c.Standards.Count(x => x.Status != "Retired")));

    private static List<ImportRowResult> Created(ImportReport report) => report.Rows.Where(r => r.Outcome == ImportOutcome.Created).ToList();

    private static async Task<ImportReport> ApplyAsync(HttpClient admin) =>
        await (await admin.PostAsync("/api/v1/library/starter/apply", null)).ReadAsync<ImportReport>();

    private static async Task<StandardDetails> ByCodeAsync(HttpClient admin, string code) =>
        (await (await admin.GetAsync($"/api/v1/standards?q={code.ToLowerInvariant()}&sort=code"))
            .ReadAsync<Paged<StandardDetails>>()).Items.Single(s => s.Code == code);

    private static async Task<int> TotalAsync(HttpClient admin) =>
        (await (await admin.GetAsync("/api/v1/standards?pageSize=1")).ReadAsync<Paged<StandardDetails>>()).Total;

    [Fact]
    public async Task An_empty_instance_loads_the_starter_library_at_first_start_when_asked()
    {
        await using var instance = factory.NewInstance(new Dictionary<string, string?> { ["Database:LoadStarterContent"] = "true" });

        var admin = await instance.AdminAsync();

        Assert.Equal(ActiveCount, await TotalAsync(admin));
    }

    [Fact]
    public async Task Applying_twice_creates_everything_once_and_then_skips_everything()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();

        var first = await ApplyAsync(admin);
        var second = await ApplyAsync(admin);

        Assert.Equal((true, ActiveCount, 0, StarterCount - ActiveCount, 0), (first.Applied, first.Created, first.Updated, first.Skipped, first.Invalid));
        Assert.Equal((true, 0, 0, StarterCount, 0), (second.Applied, second.Created, second.Updated, second.Skipped, second.Invalid));
        Assert.Equal(ActiveCount, await TotalAsync(admin));
        var standard = await ByCodeAsync(admin, Created(first)[0].Code);
        Assert.Equal((StandardStatus.Active, 1), (standard.Status, standard.Revision));
    }

    [Fact]
    public async Task A_new_version_updates_unedited_standards_skips_edited_ones_and_deletes_nothing()
    {
        var folder = Repository.CopyOfStarterFolder();
        try
        {
            await using var instance = factory.NewInstance(new Dictionary<string, string?> { ["Library:StarterPath"] = folder });
            var admin = await instance.AdminAsync();
            var first = await ApplyAsync(admin);
            var (edited, unedited) = (await ByCodeAsync(admin, Created(first)[0].Code), await ByCodeAsync(admin, Created(first)[1].Code));
            var ours = await admin.CreateStandardAsync(new NewStandard(edited.CategoryId));

            var edit = new NewStandard(edited.CategoryId)
            {
                Code = edited.Code,
                Title = "Our own wording",
                Question = edited.Question,
                WhyWeAsk = edited.WhyWeAsk,
                HowToCheck = edited.HowToCheck,
                Priority = edited.Priority.ToString(),
                ReviewIntervalMonths = edited.ReviewIntervalMonths,
                Kind = edited.Kind.ToString(),
                Tags = [.. edited.Tags],
                References = [.. edited.References.Select(r => new ReferenceDto(r.Authority, r.Citation, r.Url))]
            };
            await (await admin.PutAsJsonAsync($"/api/v1/standards/{edited.Id}", edit)).ExpectAsync(HttpStatusCode.OK);
            ReviseTitles(folder, (edited.Title, "Revised by the vendor"), (unedited.Title, "Revised by the vendor too"));

            var second = await ApplyAsync(admin);

            Assert.Equal((0, 1, StarterCount - 1), (second.Created, second.Updated, second.Skipped));
            var skipped = second.Rows.Single(r => r.Code == edited.Code);
            Assert.Equal(ImportOutcome.Skipped, skipped.Outcome);
            Assert.Contains("Edited by your team", skipped.Reason);
            Assert.Equal("Our own wording", (await ByCodeAsync(admin, edited.Code)).Title);
            Assert.Equal(ImportOutcome.Updated, second.Rows.Single(r => r.Code == unedited.Code).Outcome);
            Assert.Equal("Revised by the vendor too", (await ByCodeAsync(admin, unedited.Code)).Title);
            Assert.Equal(ours.Title, (await admin.GetStandardAsync(ours.Id)).Title);
            Assert.Equal(ActiveCount + 1, await TotalAsync(admin));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_retired_starter_standard_stays_retired_and_nothing_is_deleted()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var first = await ApplyAsync(admin);
        var retired = await ByCodeAsync(admin, Created(first)[2].Code);
        await (await admin.PostAsync($"/api/v1/standards/{retired.Id}/retire", null)).ExpectAsync(HttpStatusCode.OK);

        var second = await ApplyAsync(admin);

        Assert.Equal(ImportOutcome.Skipped, second.Rows.Single(r => r.Code == retired.Code).Outcome);
        Assert.Equal(StandardStatus.Retired, (await admin.GetStandardAsync(retired.Id)).Status);
        Assert.Equal(ActiveCount, await TotalAsync(admin));
    }

    [Fact]
    public async Task Only_the_standards_committee_applies_the_starter_library()
    {
        var tam = await factory.SignedInAsAsync("Tam");

        await (await tam.PostAsync("/api/v1/library/starter/apply", null)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    /// <summary>Changes standards' titles in the copied YAML files, as a new version of the starter library would.</summary>
    private static void ReviseTitles(string folder, params (string From, string To)[] titles)
    {
        foreach (var (from, to) in titles)
        {
            var file = Directory.EnumerateFiles(folder, "*.yaml").Single(f => File.ReadAllText(f).Contains($"title: {from}\n"));
            File.WriteAllText(file, File.ReadAllText(file).Replace($"title: {from}\n", $"title: {to}\n"));
        }
    }
}

public sealed class StarterLibraryApplyOnSqlite(SqliteFactory factory) : StarterLibraryApplyTests(factory), IClassFixture<SqliteFactory>;

public sealed class StarterLibraryApplyOnPostgres(PostgresFactory factory) : StarterLibraryApplyTests(factory), IClassFixture<PostgresFactory>;
