using System.Net;
using System.Net.Http.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Standards;

public sealed class StandardsBadInputTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<(HttpClient Admin, NewStandard Valid)> ValidAsync()
    {
        var admin = await factory.AdminAsync();
        return (admin, new NewStandard((await admin.CreateCategoryAsync()).Id));
    }

    public static TheoryData<string, Func<NewStandard, NewStandard>> TooLong => new()
    {
        { "code", s => s with { Code = new string('C', 21) } },
        { "code", s => s with { Code = "FW 003" } },
        { "title", s => s with { Title = new string('t', 121) } },
        { "question", s => s with { Question = "Is " + new string('q', 500) + "?" } },
        { "whyWeAsk", s => s with { WhyWeAsk = new string('w', 4001) } },
        { "howToCheck", s => s with { HowToCheck = new string('h', 8001) } },
        { "tags", s => s with { Tags = [new string('x', 41)] } },
        { "tags", s => s with { Tags = Enumerable.Range(1, 21).Select(i => $"tag{i}").ToArray() } },
        { "references[0]", s => s with { References = [new(new string('a', 201), "Citation", null)] } },
        { "references[0]", s => s with { References = [new("CIS", "", null)] } },
        { "references[0]", s => s with { References = [new("CIS", "Safeguard 1.1", "ftp://example.test/doc")] } },
        { "title", s => s with { Title = "" } },
        { "question", s => s with { Question = " " } },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task A_missing_too_long_or_malformed_field_is_a_validation_problem(string field, Func<NewStandard, NewStandard> change)
    {
        var (admin, valid) = await ValidAsync();

        await (await admin.PostAsJsonAsync("/api/v1/standards", change(valid))).ValidationProblemAsync(field);
        var existing = await admin.CreateStandardAsync(valid);
        await (await admin.PutAsJsonAsync($"/api/v1/standards/{existing.Id}", change(valid))).ValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("priority", "Urgent")]
    [InlineData("priority", "0")]
    [InlineData("kind", "Hardware")]
    [InlineData("status", "Archived")]
    public async Task An_unknown_enum_value_is_a_validation_problem_that_lists_the_allowed_values(string field, string value)
    {
        var (admin, valid) = await ValidAsync();
        var request = field switch
        {
            "priority" => valid with { Priority = value },
            "kind" => valid with { Kind = value },
            _ => valid with { Status = value },
        };

        var problem = await (await admin.PostAsJsonAsync("/api/v1/standards", request)).ValidationProblemAsync(field);

        Assert.Contains(value, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task A_review_interval_outside_1_3_6_12_is_refused()
    {
        var (admin, valid) = await ValidAsync();

        await (await admin.PostAsJsonAsync("/api/v1/standards", valid with { ReviewIntervalMonths = 2 })).ValidationProblemAsync("reviewIntervalMonths");
    }

    [Theory]
    [InlineData("status=Bogus", "status")]
    [InlineData("priority=Urgent", "priority")]
    [InlineData("kind=Hardware", "kind")]
    [InlineData("sort=colour", "sort")]
    public async Task An_unknown_filter_or_sort_value_is_a_validation_problem(string query, string field)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync($"/api/v1/standards?{query}")).ValidationProblemAsync(field);
    }

    [Fact]
    public async Task Every_action_on_an_unknown_standard_is_not_found()
    {
        var (admin, valid) = await ValidAsync();
        var path = $"/api/v1/standards/{Guid.NewGuid()}";

        await (await admin.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"{path}/revisions")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync(path, valid)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"{path}/activate", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"{path}/retire", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"{path}/reactivate", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_object_names_every_required_field()
    {
        var admin = await factory.AdminAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/v1/standards", new { })).ValidationProblemAsync("code");

        foreach (var field in new[] { "categoryId", "title", "question" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }
}
