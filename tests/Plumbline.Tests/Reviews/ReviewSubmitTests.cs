using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Notifications;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;
using Plumbline.Features.Recommendations;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.Reviews;

/// <summary>Submitting a review to the vCIO: aligned Yes answers, one finding per No, and what is refused after.</summary>
public abstract class ReviewSubmitTests(PlumblineFactory factory) : ReviewPassTests(factory)
{
    [Fact]
    public async Task Submit_makes_every_yes_aligned_opens_a_finding_for_every_no_and_tells_the_vcio()
    {
        var admin = await Factory.AdminAsync();
        var (vcioClient, vcio) = await Factory.UserAsync("Vcio");
        var library = await admin.CreateLibraryAsync("High", "Medium", "Low");
        var client = await admin.CreateClientAsync(new { name = LibraryData.UniqueName("Client"), vcioUserId = vcio.Id });
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, Visit);
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.AnswerAsync(review.Id, library[1].Id, "No");

        await admin.SubmitAsync(review.Id);

        var submitted = await admin.GetReviewAsync(review.Id);
        Assert.Equal(ReviewStatus.Submitted, submitted.Status);
        Assert.Equal(new Rating?[] { Rating.Aligned, null, null }, library.Ids.Select(id => submitted.Item(id).Rating));
        var findings = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/findings")).ReadAsync<Paged<FindingDetails>>();
        Assert.Equal(library[1].Id, Assert.Single(findings.Items).StandardId);
        var notifications = await (await vcioClient.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>();
        var notification = Assert.Single(notifications);
        Assert.Contains(review.Title, notification.Message);
        Assert.Contains(review.Id.ToString(), notification.Link);
        Assert.False(notification.Read);
    }

    [Fact]
    public async Task Reviews_of_one_client_submitted_at_once_share_one_finding_per_standard()
    {
        var admin = await Factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var reviews = new List<ReviewDetails>();
        for (var day = 0; day < 4; day++)
        {
            var review = await admin.CreateReviewAsync(client.Id, library.Ids, Visit.AddDays(day), reason: day == 0 ? null : ReviewData.SecondReview);
            await admin.AnswerAsync(review.Id, library[0].Id, "No");
            reviews.Add(review);
        }

        var submits = await Task.WhenAll(reviews.Select(r => admin.PostAsync($"/api/v1/reviews/{r.Id}/submit", null)));

        foreach (var submit in submits) await submit.ExpectAsync(HttpStatusCode.NoContent);
        var open = Assert.Single((await (await admin.GetAsync($"/api/v1/clients/{client.Id}/findings")).ReadAsync<Paged<FindingDetails>>()).Items);
        Assert.Equal(Visit.AddDays(3), open.LastSeenOn);
        await admin.SubmittedReviewAsync(client.Id, Visit.AddDays(7), (library[0].Id, "Yes"));
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/clients/{client.Id}/findings")).ReadAsync<Paged<FindingDetails>>()).Total);
    }

    [Fact]
    public async Task Two_open_findings_of_one_standard_do_not_break_later_submits()
    {
        var admin = await Factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var first = await admin.SubmittedReviewAsync(client.Id, Visit.AddDays(-14), (library[0].Id, "No"));
        using (var scope = Factory.Services.CreateScope())
        {
            // What two submits racing before they took turns left behind.
            var db = scope.ServiceProvider.GetRequiredService<Plumbline.Data.AppDbContext>();
            db.Findings.Add(new Finding
            {
                ClientId = client.Id,
                StandardId = library[0].Id,
                OpenedOn = Visit.AddDays(-14),
                LastSeenOn = Visit.AddDays(-14),
                OpenedReviewId = first.Id,
                LastReviewId = first.Id
            });
            await db.SaveChangesAsync();
        }

        await admin.SubmittedReviewAsync(client.Id, Visit.AddDays(-7), (library[0].Id, "No"));
        await admin.SubmittedReviewAsync(client.Id, Visit, (library[0].Id, "Yes"));

        // The findings are rebuilt from the dated answers on every submit, so the duplicate is folded into the one finding.
        var findings = await (await admin.GetAsync($"/api/v1/clients/{client.Id}/findings?status=all")).ReadAsync<Paged<FindingDetails>>();
        Assert.Equal(1, findings.Total);
        Assert.All(findings.Items, f => Assert.Equal((FindingStatus.Resolved, (DateOnly?)Visit), (f.Status, f.ResolvedOn)));
    }

    [Fact]
    public async Task A_review_without_answers_cannot_be_submitted()
    {
        var (admin, _, review) = await ReviewAsync("High", "Low");

        var problem = await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/submit", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(ReviewStatus.Planned, (await admin.GetReviewAsync(review.Id)).Status);
        Assert.Contains("Answer", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task After_submit_answers_and_a_second_submit_are_refused()
    {
        var (admin, library, review) = await ReviewAsync("High", "Low");
        await admin.AnswerAsync(review.Id, library[0].Id, "Yes");
        await admin.SubmitAsync(review.Id);

        await (await admin.PutAnswerAsync(review.Id, library[0].Id, "No", "Changed my mind.")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PutAnswerAsync(review.Id, library[1].Id, "Yes")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/submit", null)).ProblemAsync(HttpStatusCode.Conflict);

        var read = await admin.GetReviewAsync(review.Id);
        Assert.Equal(((Answer?)Answer.Yes, null), (read.Item(library[0].Id).Answer, read.Item(library[1].Id).Answer));
    }
}

public sealed class ReviewSubmitOnSqlite(SqliteFactory factory) : ReviewSubmitTests(factory), IClassFixture<SqliteFactory>;

public sealed class ReviewSubmitOnPostgres(PostgresFactory factory) : ReviewSubmitTests(factory), IClassFixture<PostgresFactory>;
