using Microsoft.Kiota.Abstractions;
using Plumbline.Client;
using Plumbline.Client.Models;
using Plumbline.Tests.TestSupport;

namespace Plumbline.ClientTests;

/// <summary>
/// The practice's core loop, only through the client generated from /openapi/v1.json: set up an empty instance, get a
/// token, build a library, add a client, run a review through both passes, and read the score and the roadmap.
/// Each test runs on an instance of its own, so setup is always the first call.
/// </summary>
public abstract class CoreLoopTests(PlumblineFactory factory)
{
    private const string Email = "integrator@provider.test";
    private const string Password = "correct horse battery staple";
    private static readonly Date VisitDay = new(2026, 3, 2);

    private static async Task<PlumblineClient> SetUpAsync(PlumblineFactory instance)
    {
        var anonymous = GeneratedClient.For(instance.CreateClient());
        await anonymous.Api.V1.Setup.PostAsync(
            new SetupRequest { ProviderName = "Northwind IT Partners", AdminEmail = Email, AdminPassword = Password, AdminName = "Ivy Integrator" });
        var token = await anonymous.Api.V1.Auth.Token.PostAsync(new TokenRequest { Email = Email, Password = Password });
        Assert.False(string.IsNullOrEmpty(token?.Token));
        return GeneratedClient.For(instance.CreateClient(), token!.Token);
    }

    private static StandardRequest Standard(Guid categoryId, string code, StandardRequest_priority priority) => new()
    {
        CategoryId = categoryId,
        Code = code,
        Title = $"Standard {code}",
        Priority = priority,
        Kind = StandardRequest_kind.Technology,
        Status = StandardRequest_status.Active,
        Question = "Is the firewall firmware on a release the vendor still supports?",
        WhyWeAsk = "Unsupported firmware gets no security fixes.",
        HowToCheck = "Compare the firmware version on the firewall's status page with the vendor's support list.",
        References = [new ReferenceDto { Authority = "CIS Controls v8", Citation = "Safeguard 12.1", Url = "https://www.cisecurity.org/controls" }],
    };

    [Fact]
    public async Task An_integrator_runs_a_review_from_setup_to_the_roadmap()
    {
        await using var instance = factory.NewInstance();
        var api = await SetUpAsync(instance);
        var v1 = api.Api.V1;

        var section = await v1.Sections.PostAsync(new SectionRequest { Name = "Network", Order = 1 });
        var category = await v1.Categories.PostAsync(new CategoryRequest { SectionId = section!.Id, Name = "Firewalls", ReviewIntervalMonths = 3 });
        var high = await v1.Standards.PostAsync(Standard(category!.Id!.Value, "FW1", StandardRequest_priority.High));
        var medium = await v1.Standards.PostAsync(Standard(category.Id.Value, "FW2", StandardRequest_priority.Medium));
        var client = await v1.Clients.PostAsync(
            new ClientRequest { Name = "Contoso", Mrr = 9000, Seats = 30, Workstations = 28, Servers = 3, FiscalYearStartMonth = 1 });
        Assert.Equal(31, client!.Endpoints);

        var review = await v1.Reviews.PostAsync(new CreateReviewRequest
        {
            ClientId = client.Id,
            Title = "Q1 alignment review",
            AsOf = VisitDay,
            StandardIds = [high!.Id, medium!.Id],
        });
        var reviewApi = v1.Reviews[review!.Id!.Value];
        Assert.Equal(2, review.Items!.Count);

        // The TAM pass: one Yes, one No with what was found; then hand it to the vCIO.
        await reviewApi.Answers[high.Id!.Value].PutAsync(new AnswerRequest { Answer = AnswerRequest_answer.Yes });
        var no = await reviewApi.Answers[medium.Id!.Value].PutAsync(
            new AnswerRequest { Answer = AnswerRequest_answer.No, Note = "Firmware is two major releases behind." });
        Assert.Equal(Answer.No, no!.Answer);
        await reviewApi.Submit.PostAsync();

        // The vCIO pass: the No is highly vulnerable and becomes a recommendation.
        var rating = await reviewApi.Ratings[medium.Id.Value].PutAsync(
            new RatingRequest { Rating = RatingRequest_rating.HighlyVulnerable, NewRecommendationTitle = "Replace the firewall" });
        Assert.NotNull(rating!.RecommendationId);
        await reviewApi.Complete.PostAsync();

        var completed = await reviewApi.GetAsync();
        var score = await reviewApi.Score.GetAsync();
        Assert.Equal(ReviewStatus.Completed, completed!.Status);
        // High (weight 5) aligned, Medium (weight 3) highly vulnerable: 5 of 8.
        Assert.Equal((62.5, false, 100.0), (score!.Score, score.Provisional, score.Completion));

        await v1.Recommendations[rating.RecommendationId!.Value].PutAsync(new RecommendationRequest
        {
            TargetQuarter = "FY2027-Q1",
            OneTimeCost = 1500.25,
            RecurringMonthlyCost = 50,
            Status = RecommendationRequest_status.Approved,
        });
        var roadmap = await v1.Clients[client.Id!.Value].Roadmap.GetAsync(r => { r.QueryParameters.FromYear = 2027; r.QueryParameters.Years = 1; });

        var quarter = roadmap!.Quarters![0];
        Assert.Equal(("FY2027-Q1", new Date(2027, 1, 1), 1500.25, 50.0), (quarter.Quarter, quarter.Start, quarter.OneTimeTotal, quarter.RecurringMonthlyTotal));
        Assert.Equal(["Replace the firewall"], quarter.Items!.Select(i => i.Title));
        Assert.Equal((2027, 1500.25, 600.0), (roadmap.Years![0].FiscalYear, roadmap.Years[0].OneTimeTotal, roadmap.Years[0].RecurringAnnualTotal));
    }

    [Fact]
    public async Task Problems_reach_the_generated_client_as_typed_errors()
    {
        await using var instance = factory.NewInstance();
        var api = await SetUpAsync(instance);

        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => api.Api.V1.Reviews[Guid.NewGuid()].GetAsync());
        var unauthorized = await Assert.ThrowsAsync<ProblemDetails>(() => GeneratedClient.For(instance.CreateClient()).Api.V1.Reviews.GetAsync());

        Assert.Equal((404, 404), (missing.ResponseStatusCode, missing.Status));
        Assert.False(string.IsNullOrWhiteSpace(missing.Detail));
        Assert.Equal(401, unauthorized.ResponseStatusCode);
        Assert.Contains("/api/v1/auth/token", unauthorized.Detail);
    }
}

public sealed class SqliteCoreLoopTests(SqliteFactory factory) : CoreLoopTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresCoreLoopTests(PostgresFactory factory) : CoreLoopTests(factory), IClassFixture<PostgresFactory>;
