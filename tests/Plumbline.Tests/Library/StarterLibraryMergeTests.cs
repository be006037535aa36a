using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Library;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Library;

/// <summary>
/// Applying the merged starter library to an instance that holds the old one (issue 15): the merged duplicates are retired, never
/// deleted, with a pointer to the standard that replaces them; answers given to them stay; the report says what was retired.
/// </summary>
public abstract class StarterLibraryMergeTests(PlumblineFactory factory)
{
    private static async Task<ImportReport> ApplyAsync(HttpClient admin) =>
        await (await admin.PostAsync("/api/v1/library/starter/apply", null)).ReadAsync<ImportReport>();

    private static async Task<StandardDetails> ByCodeAsync(HttpClient admin, string code) =>
        (await (await admin.GetAsync($"/api/v1/standards?q={code.ToLowerInvariant()}&sort=code"))
            .ReadAsync<Paged<StandardDetails>>()).Items.Single(s => s.Code == code);

    [Fact]
    public async Task Merged_starter_standards_are_retired_with_their_replacement_and_keep_their_answers()
    {
        var folder = Directory.CreateTempSubdirectory("plumbline-starter-old-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Repository.StarterBeforeMergeFolder, "*.yaml"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            await using var instance = factory.NewInstance(new Dictionary<string, string?> { ["Library:StarterPath"] = folder });
            var admin = await instance.AdminAsync();
            await ApplyAsync(admin);
            var (answered, unanswered) = (await ByCodeAsync(admin, "FW-011"), await ByCodeAsync(admin, "SW-007"));
            Assert.Equal(StandardStatus.Active, answered.Status);
            var client = await admin.CreateClientAsync();
            var review = await admin.CreateReviewAsync(client.Id, [answered.Id]);
            await admin.AnswerAsync(review.Id, answered.Id, "Yes");

            // The new version of the starter library arrives with the next release.
            foreach (var file in Directory.EnumerateFiles(Repository.StarterFolder, "*.yaml"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
            var report = await ApplyAsync(admin);

            var replacement = await ByCodeAsync(admin, "BAK-012");
            var retired = await admin.GetStandardAsync(answered.Id);
            Assert.Equal((StandardStatus.Retired, (Guid?)replacement.Id, true), (retired.Status, retired.ReplacedByStandardId, retired.InUse));
            Assert.Equal((StandardStatus.Retired, (Guid?)replacement.Id), ((await admin.GetStandardAsync(unanswered.Id)).Status,
                (await admin.GetStandardAsync(unanswered.Id)).ReplacedByStandardId));
            var row = report.Rows.Single(r => r.Code == "FW-011");
            Assert.Equal(ImportOutcome.Retired, row.Outcome);
            Assert.Contains("BAK-012", row.Reason);
            Assert.True(report.Retired >= 2, $"{report.Retired} retired");
            Assert.Equal(Answer.Yes, (await admin.GetReviewAsync(review.Id)).Item(answered.Id).Answer);

            // The rewritten keeper is a new revision; links from the file are made on both sides.
            Assert.Equal(ImportOutcome.Updated, report.Rows.Single(r => r.Code == "BAK-012").Outcome);
            Assert.Equal(2, replacement.Revision);
            var (compliance, technology) = (await ByCodeAsync(admin, "INS-002"), await ByCodeAsync(admin, "MFA-001"));
            Assert.Contains(technology.Id, compliance.RelatedStandardIds);
            Assert.Contains(compliance.Id, technology.RelatedStandardIds);

            // Applying again changes nothing more.
            var again = await ApplyAsync(admin);
            Assert.Equal((0, 0, 0), (again.Created, again.Updated, again.Retired));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_merged_duplicate_the_team_edited_is_left_alone()
    {
        var folder = Directory.CreateTempSubdirectory("plumbline-starter-old-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Repository.StarterBeforeMergeFolder, "*.yaml"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            await using var instance = factory.NewInstance(new Dictionary<string, string?> { ["Library:StarterPath"] = folder });
            var admin = await instance.AdminAsync();
            await ApplyAsync(admin);
            var ours = await ByCodeAsync(admin, "NET-012");
            await (await admin.PutAsJsonAsync($"/api/v1/standards/{ours.Id}", new
            {
                ours.Code,
                ours.CategoryId,
                title = "Our own network diagram standard",
                ours.Question,
                ours.WhyWeAsk,
                ours.HowToCheck,
                ours.References,
                priority = ours.Priority.ToString(),
                kind = ours.Kind.ToString(),
                ours.Tags,
                status = "Active",
            })).ExpectAsync(HttpStatusCode.OK);
            foreach (var file in Directory.EnumerateFiles(Repository.StarterFolder, "*.yaml"))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);

            var report = await ApplyAsync(admin);

            Assert.Equal(ImportOutcome.Skipped, report.Rows.Single(r => r.Code == "NET-012").Outcome);
            Assert.Equal(StandardStatus.Active, (await admin.GetStandardAsync(ours.Id)).Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class StarterLibraryMergeOnSqlite(SqliteFactory factory) : StarterLibraryMergeTests(factory), IClassFixture<SqliteFactory>;

public sealed class StarterLibraryMergeOnPostgres(PostgresFactory factory) : StarterLibraryMergeTests(factory), IClassFixture<PostgresFactory>;
