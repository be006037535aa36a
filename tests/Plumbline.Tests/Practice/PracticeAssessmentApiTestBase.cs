using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Practice;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Practice;

/// <summary>
/// The practice self-assessment API. Quarters and questions are practice-wide, so each test works in quarters of its own (years
/// long past, which no other test uses) and answers whatever questions the quarter lists, since another test may have added one.
/// </summary>
public abstract class PracticeAssessmentApiTestBase(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;

    protected const string Api = "/api/v1/practice-assessments", Questions = "/api/v1/practice-questions";

    protected static readonly List<ShippedPracticeQuestion> Shipped =
        PracticeQuestionsFile.Load(Path.Combine(Repository.Root, "content", "self-assessment", PracticeQuestionsFile.FileName));

    protected static List<JsonElement> Items(JsonElement quarter) => quarter.GetProperty("items").EnumerateArray().ToList();

    protected static async Task<JsonElement> Answer(HttpClient client, string quarter, string key, string answer, string? note = null) =>
        await (await client.PutAsJsonAsync($"{Api}/{quarter}/answers/{key}", new { answer, note })).ReadJsonAsync();

    /// <summary>Answers every question the quarter asks (whatever other tests added); returns how many.</summary>
    protected static async Task<int> AnswerAll(HttpClient client, string quarter, string answer)
    {
        var items = Items(await (await client.GetAsync($"{Api}/{quarter}")).ReadJsonAsync());
        foreach (var item in items) await Answer(client, quarter, item.GetProperty("key").GetString()!, answer);
        return items.Count;
    }
}

