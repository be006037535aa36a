using System.Net;
using System.Text.RegularExpressions;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reports;

/// <summary>"What we found" in the client's report is what the vCIO says was found, with why the standard matters under it.</summary>
public abstract partial class WhatWeFoundTests(PlumblineFactory factory)
{
    private const string TamNote = "Internal: drive C: on FS01 at 3%, the backup agent fills it nightly";
    private const string ClientNote = "Your file server's system drive was almost full, so updates could not install.";

    [Fact]
    public async Task The_report_shows_the_vcios_text_of_what_was_found_with_the_rationale_under_it_and_never_the_tams_note()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High", "Medium");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, ReviewData.VisitDay);
        await admin.AnswerAsync(review.Id, library[0].Id, "No", TamNote);
        await admin.AnswerAsync(review.Id, library[1].Id, "No", TamNote);
        await admin.SubmitAsync(review.Id);
        var rated = await (await admin.PutRatingAsync(review.Id, library[0].Id, new { rating = "HighlyVulnerable", clientNote = ClientNote + "  \r\n" }))
            .ReadJsonAsync();
        await admin.RateAsync(review.Id, library[1].Id, "Marginal");
        await (await admin.PostAsync($"/api/v1/reviews/{review.Id}/complete", null)).ExpectAsync(HttpStatusCode.NoContent);

        var html = await admin.ReportHtmlAsync($"/reports/clients/{client.Id}/alignment?reviewId={review.Id}");

        Assert.Equal(ClientNote, rated.GetProperty("clientNote").GetString());
        Assert.Equal(ClientNote, (await admin.GetReviewAsync(review.Id)).Item(library[0].Id).ClientNote);
        Assert.Contains($"<p class=\"found\">{ClientNote}</p>", html);
        Assert.Contains($"Why it matters: {library[0].WhyWeAsk}", html);
        Assert.Contains("What we found and why it matters", html);
        Assert.DoesNotContain(TamNote, html);
    }

    [Fact]
    public async Task The_vcio_pass_starts_the_clients_text_from_the_tams_note_and_saves_it_with_the_rating()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.CreateReviewAsync(client.Id, library.Ids, ReviewData.VisitDay);
        await admin.AnswerAsync(review.Id, library[0].Id, "No", TamNote);
        await admin.SubmitAsync(review.Id);
        var browser = factory.NoRedirects(admin);

        var page = await (await browser.GetAsync($"/reviews/{review.Id}/vcio")).ExpectAsync(HttpStatusCode.OK);
        var prefilled = WebUtility.HtmlDecode(ClientNoteField().Match(page).Groups[1].Value);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var posted = await browser.PostAsync($"/reviews/{review.Id}/vcio/findings/{library[0].Id}", new FormUrlEncodedContent(
        [
            new("Rating", "Marginal"), new("FollowUp", "none"), new("ClientNote", ClientNote), new("__RequestVerificationToken", token),
        ]));

        Assert.Equal(TamNote, prefilled.Trim());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var item = (await admin.GetReviewAsync(review.Id)).Item(library[0].Id);
        Assert.Equal((Plumbline.Features.Reviews.Rating.Marginal, ClientNote), (item.Rating!.Value, item.ClientNote));
    }

    [Fact]
    public async Task Text_for_the_client_longer_than_two_thousand_characters_is_refused()
    {
        var admin = await factory.AdminAsync();
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();
        var review = await admin.SubmittedReviewAsync(client.Id, ReviewData.VisitDay, (library[0].Id, "No"));

        await (await admin.PutRatingAsync(review.Id, library[0].Id, new { rating = "Marginal", clientNote = new string('x', 2001) }))
            .ValidationProblemAsync("clientNote");
    }

    [GeneratedRegex("<textarea[^>]*name=\"ClientNote\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex ClientNoteField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class WhatWeFoundOnSqlite(SqliteFactory factory) : WhatWeFoundTests(factory), IClassFixture<SqliteFactory>;

public sealed class WhatWeFoundOnPostgres(PostgresFactory factory) : WhatWeFoundTests(factory), IClassFixture<PostgresFactory>;
