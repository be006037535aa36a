using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Reviews;
using Plumbline.Features.Standards;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

/// <summary>Line endings and trailing spaces are not a change of meaning: no new revision, and the spurious ones are repaired.</summary>
public abstract class LineEndingTests(PlumblineFactory factory)
{
    private const string Steps = "Open the RMM disk report.\nRead the free space of the system drive on each server.";

    [Fact]
    public async Task Saving_a_standard_whose_texts_come_back_with_crlf_and_trailing_spaces_makes_no_new_revision()
    {
        var admin = await factory.AdminAsync();
        var original = new NewStandard((await admin.CreateCategoryAsync()).Id) { HowToCheck = Steps, WhyWeAsk = "A full drive\nstops updates." };
        var standard = await admin.CreateStandardAsync(original);

        // What a browser posts back from the editor's text areas when nobody touched them.
        var asPosted = original with
        {
            HowToCheck = Steps.Replace("\n", "\r\n") + "\r\n",
            WhyWeAsk = "A full drive  \r\nstops updates.",
            Question = original.Question + " ",
        };
        var updated = await (await admin.PutAsJsonAsync($"/api/v1/standards/{standard.Id}", asPosted)).ReadAsync<StandardDetails>();
        var revisions = await (await admin.GetAsync($"/api/v1/standards/{standard.Id}/revisions")).ReadAsync<List<StandardRevisionDetails>>();

        Assert.Equal(1, updated.Revision);
        var only = Assert.Single(revisions);
        Assert.Equal((Steps, "A full drive\nstops updates."), (only.HowToCheck, only.WhyWeAsk));
        Assert.Equal(Steps, updated.HowToCheck);
    }

    [Fact]
    public async Task A_real_change_to_how_to_check_still_makes_a_revision()
    {
        var admin = await factory.AdminAsync();
        var original = new NewStandard((await admin.CreateCategoryAsync()).Id) { HowToCheck = Steps };
        var standard = await admin.CreateStandardAsync(original);

        var updated = await (await admin.PutAsJsonAsync($"/api/v1/standards/{standard.Id}",
            original with { HowToCheck = Steps.Replace("\n", "\r\n") + "\r\nWrite the figure in the note." })).ReadAsync<StandardDetails>();

        Assert.Equal(2, updated.Revision);
    }

    [Fact]
    public async Task The_repair_folds_revisions_that_differ_only_in_line_endings_and_moves_what_pointed_at_them()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync(new NewStandard((await admin.CreateCategoryAsync()).Id) { HowToCheck = Steps });
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id], ReviewData.VisitDay);
        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{review.Id}/flags/{standard.Id}", new { reason = "Unclear", comment = "Which drive?" }))
            .ExpectAsync(System.Net.HttpStatusCode.Created);
        using (var scope = factory.Services.CreateScope())
        {
            // As an earlier version stored it: revision 2 was recorded by a save that only changed line endings, revision 3 is real.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var first = await db.StandardRevisions.AsNoTracking().SingleAsync(r => r.StandardId == standard.Id);
            db.StandardRevisions.Add(Copy(first, 2, first.Question, Steps.Replace("\n", "\r\n") + " ", "Free space, renamed"));
            db.StandardRevisions.Add(Copy(first, 3, "Is there at least 25% free space on the system drive of every server?", Steps, "Free space, renamed"));
            await db.SaveChangesAsync();
            await db.Standards.Where(s => s.Id == standard.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Revision, 3));
            await db.ReviewItems.Where(i => i.ReviewId == review.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Revision, 3).SetProperty(i => i.PreviousRevision, (int?)2));
            await db.QuestionFlags.Where(f => f.ReviewId == review.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.Revision, 2));
            db.PendingRepairs.Add(new PendingRepair { Name = PendingRepairs.RevisionsWithoutRealChange });
            await db.SaveChangesAsync();

            await PendingRepairs.RunAsync(db, default);

            Assert.False(await db.PendingRepairs.AnyAsync(r => r.Name == PendingRepairs.RevisionsWithoutRealChange));
            Assert.Equal(1, await db.QuestionFlags.Where(f => f.ReviewId == review.Id).Select(f => f.Revision).SingleAsync());
        }

        var revisions = await (await admin.GetAsync($"/api/v1/standards/{standard.Id}/revisions")).ReadAsync<List<StandardRevisionDetails>>();
        var after = await (await admin.GetAsync($"/api/v1/standards/{standard.Id}")).ReadAsync<StandardDetails>();
        var item = (await admin.GetReviewAsync(review.Id)).Item(standard.Id);

        Assert.Equal([2, 1], revisions.Select(r => r.Revision));
        Assert.Equal("Free space, renamed", revisions[1].Title);
        Assert.StartsWith("Is there at least 25%", revisions[0].Question);
        Assert.Equal(2, after.Revision);
        Assert.Equal((2, true), (item.Revision, item.ChangedSinceLastReview));
        Assert.StartsWith("Is there at least 25%", item.Question);
    }

    private static StandardRevision Copy(StandardRevision r, int revision, string question, string howToCheck, string title) => new()
    {
        StandardId = r.StandardId,
        Revision = revision,
        Title = title,
        Question = question,
        WhyWeAsk = r.WhyWeAsk,
        HowToCheck = howToCheck,
        Priority = r.Priority,
        References = [.. r.References],
        CreatedAt = r.CreatedAt.AddMinutes(revision),
        CreatedBy = r.CreatedBy,
    };
}

public sealed class LineEndingsOnSqlite(SqliteFactory factory) : LineEndingTests(factory), IClassFixture<SqliteFactory>;

public sealed class LineEndingsOnPostgres(PostgresFactory factory) : LineEndingTests(factory), IClassFixture<PostgresFactory>;
