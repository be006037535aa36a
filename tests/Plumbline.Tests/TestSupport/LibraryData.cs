using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Standards;

namespace Plumbline.Tests.TestSupport;

/// <summary>A standard to create through the API: valid and lint-clean unless a test changes a field with `with`.</summary>
public sealed record NewStandard(Guid CategoryId)
{
    public string Code { get; init; } = LibraryData.UniqueCode();
    public string Title { get; init; } = "Free space on the system drive";
    public string Question { get; init; } = "Is there at least 20% free space on the system drive of every server?";
    public string WhyWeAsk { get; init; } = "A full system drive stops updates and crashes line-of-business applications.";
    public string HowToCheck { get; init; } = "Open the RMM disk report and read the free space of the system drive on each server.";
    public ReferenceDto[] References { get; init; } = [new("CIS Controls v8", "Safeguard 4.1: secure configuration", "https://www.cisecurity.org/controls")];
    public string Priority { get; init; } = "Medium";
    public int? ReviewIntervalMonths { get; init; }
    public string Kind { get; init; } = "Technology";
    public string[] Tags { get; init; } = ["storage"];
    public string Status { get; init; } = "Active";
}

/// <summary>Builds the library a test needs, with names no other test uses.</summary>
public static class LibraryData
{
    /// <summary>A code no other test uses: letters and digits only, so it sorts the same under every collation.</summary>
    public static string UniqueCode(string prefix = "T") => $"{prefix}{Guid.NewGuid():N}"[..14].ToUpperInvariant();

    public static string UniqueName(string what) => $"{what} {Guid.NewGuid():N}"[..(what.Length + 9)];

    public static async Task<SectionDetails> CreateSectionAsync(this HttpClient client, string? name = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/sections", new { name = name ?? UniqueName("Section"), description = "Made by a test." });
        return await response.ReadAsync<SectionDetails>(HttpStatusCode.Created);
    }

    public static async Task<CategoryDetails> CreateCategoryAsync(this HttpClient client, Guid? sectionId = null, string? name = null,
        int? reviewIntervalMonths = null)
    {
        sectionId ??= (await client.CreateSectionAsync()).Id;
        var response = await client.PostAsJsonAsync("/api/v1/categories", new { sectionId, name = name ?? UniqueName("Category"), reviewIntervalMonths });
        return await response.ReadAsync<CategoryDetails>(HttpStatusCode.Created);
    }

    public static async Task<StandardDetails> CreateStandardAsync(this HttpClient client, NewStandard standard)
    {
        var response = await client.PostAsJsonAsync("/api/v1/standards", standard);
        return await response.ReadAsync<StandardDetails>(HttpStatusCode.Created);
    }

    public static async Task<StandardDetails> CreateStandardAsync(this HttpClient client) =>
        await client.CreateStandardAsync(new NewStandard((await client.CreateCategoryAsync()).Id));

    public static async Task<StandardDetails> GetStandardAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/standards/{id}")).ReadAsync<StandardDetails>();
}
