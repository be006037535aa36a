using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Notifications;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>Evidence attached to answers, flags for the standards committee, in-app notifications.</summary>
public abstract class EvidenceFlagsAndNotificationsTests(PlumblineFactory factory)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    private async Task<(HttpClient Admin, Guid ReviewId, Guid StandardId)> ReviewAsync()
    {
        var admin = await factory.AdminAsync();
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id]);
        return (admin, review.Id, standard.Id);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient api, Guid reviewId, Guid standardId, byte[] content, string fileName,
        string contentType = "image/jpeg") =>
        api.PostAsync($"/api/v1/reviews/{reviewId}/answers/{standardId}/evidence", LibraryFiles.Upload(content, fileName, contentType));

    [Fact]
    public async Task A_photo_is_attached_and_served_back_to_signed_in_users()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();
        var reader = await factory.SignedInAsAsync("ReadOnly");

        var response = await UploadAsync(admin, reviewId, standardId, Jpeg, "rack photo.JPG");

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("rack photo.JPG", "image/jpeg", Jpeg.Length),
            (created.GetProperty("fileName").GetString(), created.GetProperty("contentType").GetString(), created.GetProperty("size").GetInt32()));
        var location = response.Headers.Location!.OriginalString;
        var download = await reader.GetAsync(location);
        await download.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Jpeg, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, (await admin.GetReviewAsync(reviewId)).Item(standardId).EvidenceCount);
        // ADR-022: the bytes are in the database (so backups and every node have them), not in a folder of this node.
        Assert.False(Directory.Exists(factory.EvidenceFolder) && Directory.EnumerateFiles(factory.EvidenceFolder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Evidence_needs_a_signed_in_user()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();
        var location = (await UploadAsync(admin, reviewId, standardId, Jpeg, "photo.jpg")).Headers.Location!.OriginalString;
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync(location)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await UploadAsync(anonymous, reviewId, standardId, Jpeg, "photo.jpg")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.DeleteAsync(location)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("setup.exe", "application/octet-stream")]
    [InlineData("script.ps1", "text/plain")]
    [InlineData("photo.jpg.exe", "image/jpeg")]
    [InlineData("no-extension", "image/jpeg")]
    public async Task A_file_of_a_type_that_is_not_evidence_is_refused(string fileName, string contentType)
    {
        var (admin, reviewId, standardId) = await ReviewAsync();

        await (await UploadAsync(admin, reviewId, standardId, [0x4D, 0x5A, 0x90, 0x00], fileName, contentType)).ValidationProblemAsync("file");
    }

    [Fact]
    public async Task A_file_over_15_mb_is_refused_and_15_mb_is_accepted()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();

        await (await UploadAsync(admin, reviewId, standardId, new byte[15 * 1024 * 1024 + 1], "huge.jpg")).ValidationProblemAsync("file");
        await (await UploadAsync(admin, reviewId, standardId, new byte[15 * 1024 * 1024], "large.png", "image/png")).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_empty_or_missing_file_is_refused()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();

        await (await UploadAsync(admin, reviewId, standardId, [], "empty.jpg")).ValidationProblemAsync("file");
        var wrongField = new MultipartFormDataContent { { LibraryFiles.File(Jpeg, "image/jpeg"), "photo", "photo.jpg" } };
        await (await admin.PostAsync($"/api/v1/reviews/{reviewId}/answers/{standardId}/evidence", wrongField)).ValidationProblemAsync("file");
        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/answers/{standardId}/evidence", new { file = "photo.jpg" }))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Evidence_for_an_unknown_review_or_a_standard_outside_it_is_not_found()
    {
        var (admin, reviewId, _) = await ReviewAsync();

        await (await UploadAsync(admin, Guid.NewGuid(), Guid.NewGuid(), Jpeg, "photo.jpg")).ProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(admin, reviewId, Guid.NewGuid(), Jpeg, "photo.jpg")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/v1/evidence/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"/api/v1/evidence/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Evidence_is_deleted_by_the_tam_pass_but_not_by_a_reader()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();
        var reader = await factory.SignedInAsAsync("ReadOnly");
        var tam = await factory.SignedInAsAsync("Tam");
        var location = (await UploadAsync(admin, reviewId, standardId, Jpeg, "photo.jpg")).Headers.Location!.OriginalString;

        await (await UploadAsync(reader, reviewId, standardId, Jpeg, "photo.jpg")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.DeleteAsync(location)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.DeleteAsync(location)).ExpectAsync(HttpStatusCode.NoContent);

        await (await admin.GetAsync(location)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await admin.GetReviewAsync(reviewId)).Item(standardId).EvidenceCount);
    }

    [Fact]
    public async Task Evidence_of_a_delivered_review_is_neither_added_nor_deleted()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();
        var location = (await UploadAsync(admin, reviewId, standardId, Jpeg, "photo.jpg")).Headers.Location!.OriginalString;
        await admin.AnswerAsync(reviewId, standardId, "Yes");
        await admin.SubmitAsync(reviewId);
        await (await UploadAsync(admin, reviewId, standardId, Jpeg, "after-submit.jpg")).ExpectAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/v1/reviews/{reviewId}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
        await (await admin.PostAsync($"/api/v1/reviews/{reviewId}/deliver", null)).ExpectAsync(HttpStatusCode.NoContent);

        await (await UploadAsync(admin, reviewId, standardId, Jpeg, "late.jpg")).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.DeleteAsync(location)).ProblemAsync(HttpStatusCode.Conflict);

        await (await admin.GetAsync(location)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await admin.GetReviewAsync(reviewId)).Item(standardId).EvidenceCount);
    }

    [Theory]
    [InlineData("Unclear")]
    [InlineData("notvaluable")]
    public async Task A_tam_flags_a_question_for_the_standards_committee(string reason)
    {
        var (_, reviewId, standardId) = await ReviewAsync();
        var tam = await factory.SignedInAsAsync("Tam");

        var flag = await (await tam.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/flags/{standardId}", new { reason, comment = "  Which servers count?  " }))
            .ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal(reason.Equals("unclear", StringComparison.OrdinalIgnoreCase) ? "Unclear" : "NotValuable", flag.GetProperty("reason").GetString());
        Assert.Equal("Which servers count?", flag.GetProperty("comment").GetString());
        Assert.True((await tam.GetReviewAsync(reviewId)).Item(standardId).Flagged);
    }

    [Theory]
    [InlineData("""{"reason": "Unclear"}""", "comment")]
    [InlineData("""{"reason": "Unclear", "comment": "  "}""", "comment")]
    [InlineData("""{"comment": "Too vague."}""", "reason")]
    [InlineData("""{"reason": "Boring", "comment": "Too vague."}""", "reason")]
    [InlineData("""{"reason": "0", "comment": "Too vague."}""", "reason")]
    [InlineData("""{"reason": "Unclear,NotValuable", "comment": "Too vague."}""", "reason")]
    [InlineData("""{"reason": "Unclear", "comment": "{long2001}"}""", "comment")]
    public async Task A_flag_needs_a_reason_and_a_comment(string body, string field)
    {
        var (admin, reviewId, standardId) = await ReviewAsync();

        var response = await admin.PostRawAsync($"/api/v1/reviews/{reviewId}/flags/{standardId}", body.Replace("{long2001}", new string('c', 2001)));

        await response.ValidationProblemAsync(field);
        Assert.False((await admin.GetReviewAsync(reviewId)).Item(standardId).Flagged);
    }

    [Fact]
    public async Task A_flag_for_an_unknown_review_is_not_found()
    {
        var (admin, _, standardId) = await ReviewAsync();

        await (await admin.PostAsJsonAsync($"/api/v1/reviews/{Guid.NewGuid()}/flags/{standardId}", new { reason = "Unclear", comment = "?" }))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_notification_is_marked_read_only_by_its_owner()
    {
        var admin = await factory.AdminAsync();
        var (vcioClient, vcio) = await factory.UserAsync("Vcio");
        var someoneElse = await factory.SignedInAsAsync("Vcio");
        var standard = await admin.CreateStandardAsync();
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, [standard.Id], vcioUserId: vcio.Id);
        await admin.AnswerAsync(review.Id, standard.Id, "Yes");
        await admin.SubmitAsync(review.Id);
        var notification = Assert.Single(await (await vcioClient.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>());

        await (await someoneElse.PostAsync($"/api/v1/notifications/{notification.Id}/read", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await vcioClient.PostAsync($"/api/v1/notifications/{notification.Id}/read", null)).ExpectAsync(HttpStatusCode.NoContent);
        await (await vcioClient.PostAsync($"/api/v1/notifications/{notification.Id}/read", null)).ExpectAsync(HttpStatusCode.NoContent);
        await (await vcioClient.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).ProblemAsync(HttpStatusCode.NotFound);

        Assert.True(Assert.Single(await (await vcioClient.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>()).Read);
        Assert.Empty(await (await someoneElse.GetAsync("/api/v1/notifications")).ReadAsync<List<NotificationDetails>>());
        await (await factory.CreateClient().GetAsync("/api/v1/notifications")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reader_cannot_plan_answer_submit_or_flag()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();
        var reader = await factory.SignedInAsAsync("ReadOnly");
        var review = await admin.GetReviewAsync(reviewId);

        await (await reader.GetAsync($"/api/v1/reviews/{reviewId}")).ExpectAsync(HttpStatusCode.OK);
        await (await reader.GetAsync($"/api/v1/reviews/{reviewId}/score")).ExpectAsync(HttpStatusCode.OK);
        await (await reader.PostReviewAsync(review.ClientId, [standardId])).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PutAnswerAsync(reviewId, standardId, "Yes")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/items", new { standardIds = new[] { standardId } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.DeleteAsync($"/api/v1/reviews/{reviewId}/items/{standardId}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsync($"/api/v1/reviews/{reviewId}/submit", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/flags/{standardId}", new { reason = "Unclear", comment = "?" }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Null((await admin.GetReviewAsync(reviewId)).Item(standardId).Answer);
    }

    [Fact]
    public async Task A_tam_answers_and_submits_but_cannot_rate_complete_or_deliver()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();
        var tam = await factory.SignedInAsAsync("Tam");
        var review = await admin.GetReviewAsync(reviewId);

        await tam.CreateReviewAsync(review.ClientId, [standardId], reason: ReviewData.SecondReview);
        await tam.AnswerAsync(reviewId, standardId, "No");
        await tam.SubmitAsync(reviewId);
        await (await tam.PutRatingAsync(reviewId, standardId, new { rating = "Marginal" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsync($"/api/v1/reviews/{reviewId}/complete", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.PostAsync($"/api/v1/reviews/{reviewId}/deliver", null)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Null((await admin.GetReviewAsync(reviewId)).Item(standardId).Rating);
    }

    [Fact]
    public async Task A_service_lead_answers_but_does_not_rate()
    {
        var (admin, reviewId, standardId) = await ReviewAsync();
        var lead = await factory.SignedInAsAsync("ServiceLead");

        await lead.AnswerAsync(reviewId, standardId, "No");
        await admin.SubmitAsync(reviewId);

        await (await lead.PutRatingAsync(reviewId, standardId, new { rating = "Marginal" })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_vcio_does_both_passes()
    {
        var (_, reviewId, standardId) = await ReviewAsync();
        var vcio = await factory.SignedInAsAsync("Vcio");

        await vcio.AnswerAsync(reviewId, standardId, "No");
        await vcio.SubmitAsync(reviewId);
        await vcio.RateAsync(reviewId, standardId, "Marginal");
        await (await vcio.PostAsync($"/api/v1/reviews/{reviewId}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);
        await (await vcio.PostAsync($"/api/v1/reviews/{reviewId}/deliver", null)).ExpectAsync(HttpStatusCode.NoContent);

        Assert.Equal(ReviewStatus.Delivered, (await vcio.GetReviewAsync(reviewId)).Status);
    }

    [Fact]
    public async Task Reviews_need_a_signed_in_user()
    {
        var (_, reviewId, standardId) = await ReviewAsync();
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync("/api/v1/reviews")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync($"/api/v1/reviews/{reviewId}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PutAnswerAsync(reviewId, standardId, "Yes")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class EvidenceFlagsAndNotificationsOnSqlite(SqliteFactory factory) : EvidenceFlagsAndNotificationsTests(factory), IClassFixture<SqliteFactory>;

public sealed class EvidenceFlagsAndNotificationsOnPostgres(PostgresFactory factory) : EvidenceFlagsAndNotificationsTests(factory),
    IClassFixture<PostgresFactory>;
