using System.Net.Http.Json;
using System.Text.Json;

namespace Plumbline.BrowserTests;

/// <summary>Arranges data through the public API so browser tests spend their time on the flow under test.</summary>
public static class ApiData
{
    public static async Task<Guid> CreateActiveStandardAsync(HttpClient api, string code, string question)
    {
        var section = await Post(api, "/api/v1/sections", new { name = "Section " + code });
        var category = await Post(api, "/api/v1/categories", new { sectionId = section.GetProperty("id").GetGuid(), name = "Category " + code, reviewIntervalMonths = 6 });
        var standard = await Post(api, "/api/v1/standards", new
        {
            code, categoryId = category.GetProperty("id").GetGuid(), title = "Title of " + code, question,
            whyWeAsk = "Outdated firmware lets attackers in and stops the business.", howToCheck = "1. Open the console.\n2. Answer Yes when current.",
            references = new[] { new { authority = "CIS Controls v8", citation = "Safeguard 12.1" } }, priority = "High", status = "Active",
        });
        return standard.GetProperty("id").GetGuid();
    }

    public static async Task CreateUserAsync(HttpClient api, string email, string password, string role)
    {
        var response = await api.PostAsJsonAsync("/api/v1/users", new { email, name = "Person " + role, password, roles = new[] { role } });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> Post(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
