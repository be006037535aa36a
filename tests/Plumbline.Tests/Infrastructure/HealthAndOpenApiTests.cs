using System.Net;
using System.Text.RegularExpressions;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

public sealed class HealthAndOpenApiTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task Health_answers_without_signing_in_when_the_database_answers()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal("Healthy", await response.ExpectAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_api_reference_page_takes_its_script_from_this_server_and_no_fonts_from_a_cdn()
    {
        var client = factory.CreateClient();

        var html = await (await client.GetAsync("/scalar/v1")).ExpectAsync(HttpStatusCode.OK);

        var addresses = Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(addresses, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.All(addresses, a => Assert.False(Uri.TryCreate(a, UriKind.Absolute, out var uri) && uri.Host != "localhost", a));
        Assert.DoesNotMatch("https?://(?!localhost)", html);
        Assert.Contains("\"withDefaultFonts\":false", html.Replace(" ", ""));
        foreach (var script in addresses.Where(a => a.EndsWith(".js", StringComparison.Ordinal)))
            await (await client.GetAsync(new Uri(new Uri("http://localhost/scalar/v1"), script))).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/setup")]
    [InlineData("/api/v1/auth/token")]
    [InlineData("/api/v1/users")]
    [InlineData("/api/v1/users/{id}")]
    [InlineData("/api/v1/sections")]
    [InlineData("/api/v1/sections/{id}")]
    [InlineData("/api/v1/sections/reorder")]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/categories/{id}")]
    [InlineData("/api/v1/categories/reorder")]
    [InlineData("/api/v1/standards")]
    [InlineData("/api/v1/standards/{id}")]
    [InlineData("/api/v1/standards/{id}/revisions")]
    [InlineData("/api/v1/standards/{id}/retire")]
    [InlineData("/api/v1/standards/{id}/reactivate")]
    [InlineData("/api/v1/standards/lint")]
    [InlineData("/api/v1/library/export")]
    [InlineData("/api/v1/library/import")]
    [InlineData("/api/v1/library/starter/apply")]
    [InlineData("/api/v1/audit")]
    [InlineData("/api/v1/handoffs")]
    [InlineData("/api/v1/handoffs/{id}")]
    [InlineData("/api/v1/webhooks")]
    [InlineData("/api/v1/webhooks/events")]
    [InlineData("/api/v1/webhooks/{id}")]
    [InlineData("/api/v1/webhooks/{id}/secret")]
    [InlineData("/api/v1/webhooks/{id}/test")]
    [InlineData("/api/v1/webhooks/{id}/deliveries")]
    [InlineData("/api/v1/webhooks/{id}/deliveries/{deliveryId}")]
    [InlineData("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver")]
    [InlineData("/api/v1/clients/{id}/recommendations")]
    [InlineData("/api/v1/recommendations/{id}")]
    [InlineData("/api/v1/recommendations/{id}/decision")]
    [InlineData("/api/v1/recommendations/{id}/history")]
    [InlineData("/api/v1/clients/{id}/roadmap")]
    [InlineData("/api/v1/roadmap/portfolio")]
    [InlineData("/api/v1/clients/{id}/initiatives")]
    [InlineData("/api/v1/clients/{id}/initiatives/{initiativeId}")]
    [InlineData("/api/v1/recommendation-templates")]
    [InlineData("/api/v1/recommendation-templates/{id}")]
    [InlineData("/api/v1/recommendation-templates/starter")]
    [InlineData("/api/v1/visits")]
    [InlineData("/api/v1/schedule/plan")]
    [InlineData("/api/v1/users/{id}/capacity")]
    [InlineData("/api/v1/agreement-chart")]
    public async Task The_OpenAPI_document_describes_every_endpoint(string path)
    {
        var document = await factory.CreateClient().GetAsync("/openapi/v1.json");

        var paths = (await document.ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _),
            $"{path} is missing from /openapi/v1.json, which lists: {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
    }

    [Theory]
    [InlineData("ReviewDetails", "status", "Planned,InProgress,Submitted,Completed,Delivered")]
    [InlineData("RecommendationDetails", "status", "Draft,Proposed,Approved,Scheduled,InProgress,Done,Declined,Deferred")]
    [InlineData("HandoffDetails", "area", "Vcio,ServiceDesk,ProfessionalServices,CentralizedServices,DesignDesk,StandardsCommittee,Tam")]
    [InlineData("HandoffDetails", "status", "Open,InProgress,Done")]
    [InlineData("VisitDetails", "status", "Planned,Confirmed,Completed,Cancelled")]
    [InlineData("ClientDetails", "status", "Onboarding,Active,Inactive")]
    [InlineData("StandardDetails", "status", "Draft,Active,Retired")]
    [InlineData("StandardDetails", "priority", "High,Medium,Low")]
    [InlineData("StandardDetails", "kind", "Technology,Compliance")]
    public async Task The_OpenAPI_document_lists_the_values_of_statuses_and_kinds(string schema, string property, string values)
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var field = schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
        if (field.TryGetProperty("$ref", out var reference)) field = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        Assert.Equal(values, string.Join(",", field.GetProperty("enum").EnumerateArray().Select(v => v.GetString())));
    }

    [Fact]
    public async Task An_unknown_API_path_is_a_problem_that_points_to_the_documentation()
    {
        var admin = await factory.AdminAsync();

        var response = await admin.GetAsync("/api/v1/no-such-thing");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("/openapi/v1.json", problem.GetProperty("detail").GetString());
    }
}
