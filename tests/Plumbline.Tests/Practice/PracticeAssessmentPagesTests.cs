using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Plumbline.Features.Practice;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Practice;

/// <summary>The self-assessment pages over HTTP: what each role sees and the form posts. Each test uses quarters of its own.</summary>
public sealed partial class PracticeAssessmentPagesTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly List<ShippedPracticeQuestion> Shipped =
        PracticeQuestionsFile.Load(Path.Combine(Repository.Root, "content", "self-assessment", PracticeQuestionsFile.FileName));

    [Fact]
    public async Task The_pages_show_the_questions_grouped_with_a_form_for_a_service_lead_and_without_for_a_tam()
    {
        var lead = await factory.SignedInAsAsync("ServiceLead");
        var tam = await factory.SignedInAsAsync("Tam");

        var leadPage = await (await lead.GetAsync("/practice/self-assessment/2007-Q1")).ExpectAsync(HttpStatusCode.OK);
        var tamPage = await (await tam.GetAsync("/practice/self-assessment/2007-Q1")).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("Self-assessment 2007-Q1", leadPage);
        Assert.Contains("January to March 2007", leadPage);
        Assert.Contains(Shipped[0].Text, WebUtility.HtmlDecode(leadPage));
        Assert.Contains("Essence: the TAM and vCIO roles as designed", leadPage);
        Assert.Contains($"name=\"answer-{Shipped[0].Key}\"", leadPage);
        Assert.Contains("Save answers", leadPage);
        Assert.DoesNotContain("Save answers", tamPage);
        Assert.Contains("Only a service lead or an admin can answer.", tamPage);
        Assert.Contains("Practice self-assessment", await (await tam.GetAsync("/practice/self-assessment")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("There is no such quarter", await (await lead.GetAsync("/practice/self-assessment/2026-Q5")).ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Saving_the_form_keeps_the_answers_and_notes_and_completing_closes_the_quarter()
    {
        var admin = await factory.AdminAsync();
        var quarter = await (await admin.GetAsync("/api/v1/practice-assessments/2007-Q2")).ReadJsonAsync();
        var keys = quarter.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()!).ToList();

        var saved = await PostFormAsync(admin, "/practice/self-assessment/2007-Q2", new()
        {
            ["_handler"] = "answers",
            ["action"] = "save",
            [$"answer-{keys[0]}"] = "No",
            [$"note-{keys[0]}"] = "Two reviews slipped.",
            [$"answer-{keys[1]}"] = "Yes",
        });
        Assert.Equal("/practice/self-assessment/2007-Q2?saved=1", Location(saved));
        Assert.Contains("Your answers are saved.", await (await admin.GetAsync("/practice/self-assessment/2007-Q2?saved=1")).ExpectAsync(HttpStatusCode.OK));
        var afterSave = await (await admin.GetAsync("/api/v1/practice-assessments/2007-Q2")).ReadJsonAsync();
        var first = afterSave.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == keys[0]);
        Assert.Equal(("No", "Two reviews slipped."), (first.GetProperty("answer").GetString(), first.GetProperty("note").GetString()));
        Assert.Equal(50.0m, afterSave.GetProperty("overall").GetProperty("score").GetDecimal());

        var early = await PostFormAsync(admin, "/practice/self-assessment/2007-Q2", new() { ["_handler"] = "answers", ["action"] = "complete" });
        var earlyPage = await early.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("no answer yet", earlyPage);

        var all = keys.ToDictionary(k => $"answer-{k}", _ => "Yes");
        all["_handler"] = "answers";
        all["action"] = "complete";
        var completed = await PostFormAsync(admin, "/practice/self-assessment/2007-Q2", all);
        Assert.Equal("/practice/self-assessment/2007-Q2?completed=1", Location(completed));
        var page = await (await admin.GetAsync("/practice/self-assessment/2007-Q2?completed=1")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("2007-Q2 is completed", page);
        Assert.Contains("Reopen 2007-Q2", page);
        Assert.DoesNotContain("Save answers", page);
        var list = await (await admin.GetAsync("/practice/self-assessment")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Score over time", list);
        Assert.Contains("<svg class=\"sparkline\"", list);

        var reopened = await PostFormAsync(admin, "/practice/self-assessment/2007-Q2", new() { ["_handler"] = "reopen" });
        Assert.Equal("/practice/self-assessment/2007-Q2?reopened=1", Location(reopened));
    }

    [Fact]
    public async Task A_note_without_an_answer_is_sent_back_with_the_note_kept()
    {
        var admin = await factory.AdminAsync();

        var response = await PostFormAsync(admin, "/practice/self-assessment/2007-Q3", new()
        {
            ["_handler"] = "answers",
            ["action"] = "save",
            [$"note-{Shipped[0].Key}"] = "Still checking the numbers.",
        });

        var page = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("Choose Yes, No or Not sure to keep the note you wrote.", page);
        Assert.Contains("Still checking the numbers.", page);
        var quarter = await (await admin.GetAsync("/api/v1/practice-assessments/2007-Q3")).ReadJsonAsync();
        Assert.Equal("NotStarted", quarter.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_question_is_added_on_the_questions_page_and_a_bad_one_is_explained()
    {
        var lead = await factory.SignedInAsAsync("ServiceLead");
        var text = $"Did the service lead check quarter {Guid.NewGuid().ToString("N")[..6]} numbers with the owner?";

        var bad = await PostFormAsync(lead, "/practice/self-assessment/questions", new()
        {
            ["_handler"] = "question",
            ["Form.Group"] = "Core",
            ["Form.Text"] = "How often are numbers checked?",
            ["Form.Why"] = "",
        });
        var badPage = await bad.ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("cannot be answered Yes or No", WebUtility.HtmlDecode(badPage));
        Assert.Contains("Say in a sentence why the question matters to the practice.", badPage);

        var added = await PostFormAsync(lead, "/practice/self-assessment/questions", new()
        {
            ["_handler"] = "question",
            ["Form.Group"] = "Core",
            ["Form.Text"] = text,
            ["Form.Why"] = "Owners fund what they understand.",
        });
        var location = Location(added);
        Assert.StartsWith("/practice/self-assessment/questions?question=core-did-the-service-lead-check-quarter-", location);
        var key = Uri.UnescapeDataString(location!.Split("question=")[1]);
        var question = await (await lead.GetAsync($"/api/v1/practice-questions/{key}")).ReadJsonAsync();
        Assert.Equal((text, "Core", true), (question.GetProperty("text").GetString(), question.GetProperty("group").GetString(),
            question.GetProperty("active").GetBoolean()));

        // Editing without the "asked in new quarters" box retires it.
        var retired = await PostFormAsync(lead, $"/practice/self-assessment/questions?edit={key}", new()
        {
            ["_handler"] = "question",
            ["Form.Key"] = key,
            ["Form.Group"] = "Core",
            ["Form.Text"] = text,
            ["Form.Why"] = "Owners fund what they understand.",
        });
        Assert.StartsWith("/practice/self-assessment/questions?question=", Location(retired));
        var after = await (await lead.GetAsync($"/api/v1/practice-questions/{key}")).ReadJsonAsync();
        Assert.False(after.GetProperty("active").GetBoolean());

        var tamPage = await (await (await factory.SignedInAsAsync("Tam")).GetAsync("/practice/self-assessment/questions")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Add a question", tamPage);
    }

    private static string? Location(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        // Blazor writes the address in full (http://localhost/...); the path and query are what matter.
        return response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString;
    }

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient signedInClient, string page, Dictionary<string, string> fields)
    {
        var signedIn = factory.NoRedirects(signedInClient);
        var html = await (await signedIn.GetAsync(page)).ExpectAsync(HttpStatusCode.OK);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        return await signedIn.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
