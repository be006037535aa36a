using System.Net.Http.Json;
using System.Text.Json;

namespace Plumbline.BrowserTests;

/// <summary>Arranges data through the public API so browser tests spend their time on the flow under test.</summary>
public static class ApiData
{
    public static async Task<Guid> CreateActiveStandardAsync(HttpClient api, string code, string question)
    {
        var section = await Post(api, "/api/v1/sections", new { name = "Section " + code });
        var category = await Post(api, "/api/v1/categories",
            new { sectionId = section.GetProperty("id").GetGuid(), name = "Category " + code, reviewIntervalMonths = 6 });
        var standard = await Post(api, "/api/v1/standards", new
        {
            code,
            categoryId = category.GetProperty("id").GetGuid(),
            title = "Title of " + code,
            question,
            whyWeAsk = "Outdated firmware lets attackers in and stops the business.",
            howToCheck = "1. Open the console.\n2. Answer Yes when current.",
            references = new[] { new { authority = "CIS Controls v8", citation = "Safeguard 12.1" } },
            priority = "High",
            status = "Active",
        });
        return standard.GetProperty("id").GetGuid();
    }

    public static async Task<string> CreateUserAsync(HttpClient api, string email, string password, string role)
    {
        var user = await Post(api, "/api/v1/users", new { email, name = "Person " + role, password, roles = new[] { role } });
        return user.GetProperty("id").GetString()!;
    }

    /// <summary>A client with three active standards due, and a review of them; returns the review's id and its standards.</summary>
    public static async Task<(Guid ReviewId, Guid[] Standards)> CreateReviewAsync(HttpClient api, string tamUserId, string? vcioUserId = null)
    {
        var section = await Post(api, "/api/v1/sections", new { name = "Network" });
        var category = await Post(api, "/api/v1/categories",
            new { sectionId = section.GetProperty("id").GetGuid(), name = "Firewalls", reviewIntervalMonths = 6 });
        var questions = new[] { "Is the firewall's firmware no older than 12 months?",
            "Is remote administration of the firewall limited to the MSP's addresses?", "Is the firewall's configuration backed up every week?" };
        var standards = new List<Guid>();
        for (var i = 0; i < questions.Length; i++)
        {
            var standard = await Post(api, "/api/v1/standards", new
            {
                code = $"FW-00{i + 1}",
                categoryId = category.GetProperty("id").GetGuid(),
                title = "Firewall check " + (i + 1),
                question = questions[i],
                whyWeAsk = "A weak firewall lets attackers in and stops the business.",
                howToCheck = "1. Open the firewall console.\n2. Answer Yes when it holds.",
                references = new[] { new { authority = "CIS Controls v8", citation = "Safeguard 12.1" } },
                priority = "High",
                status = "Active",
            });
            standards.Add(standard.GetProperty("id").GetGuid());
        }
        var client = await Post(api, "/api/v1/clients",
            new { name = "Acme Explosives", mrr = 9000, seats = 45, workstations = 40, servers = 3, tamUserId, vcioUserId });
        var review = await Post(api, "/api/v1/reviews", new { clientId = client.GetProperty("id").GetGuid() });
        return (review.GetProperty("id").GetGuid(), standards.ToArray());
    }

    public static async Task<JsonElement> GetAsync(HttpClient api, string path) =>
        JsonDocument.Parse(await api.GetStringAsync(path)).RootElement;

    private static async Task<JsonElement> Post(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
