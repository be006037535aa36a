using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

/// <summary>Lines priced by markup or margin, totals with labour and the roadmap budget, TCO, and the design desk's settings.</summary>
public abstract class ProposalPricingApiTests(PlumblineFactory factory) : DesignDeskApiTestBase(factory)
{
    [Fact]
    public async Task A_line_comes_back_priced_with_both_figures()
    {
        var (admin, _, _, proposal) = await SetUpAsync();

        var markup = await LineAsync(admin, Id(proposal), new
        {
            kind = "Hardware",
            description = "Server",
            quantity = 1,
            unitCost = 3000,
            pricingMode = "Markup",
            pricingPercent = 30
        });
        var margin = await LineAsync(admin, Id(proposal), new
        {
            kind = "Hardware",
            description = "Server",
            quantity = 2,
            unitCost = 3000,
            pricingMode = "Margin",
            pricingPercent = 30
        });

        Assert.Equal(3900.00m, Dec(markup, "unitPrice"));
        Assert.Equal(3900.00m, Dec(markup, "price"));
        Assert.Equal(3000.00m, Dec(markup, "cost"));
        Assert.Equal(23.08m, Dec(markup, "margin"));
        Assert.Equal(30.00m, Dec(markup, "markup"));
        Assert.Equal(4285.71m, Dec(margin, "unitPrice"));
        Assert.Equal(8571.42m, Dec(margin, "price"));
        Assert.Equal(6000m, Dec(margin, "cost"));
    }

    [Fact]
    public async Task A_line_without_pricing_takes_the_providers_default_markup_for_its_kind()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var settings = await (await admin.GetAsync("/api/v1/design-desk/settings")).ReadJsonAsync();

        var line = await LineAsync(admin, Id(proposal), new { kind = "Software", description = "Licences", quantity = 10, unitCost = 10 });

        Assert.Equal("Markup", line.GetProperty("pricingMode").GetString());
        Assert.Equal(Dec(settings, "markupSoftware"), Dec(line, "pricingPercent"));
    }

    [Fact]
    public async Task Lines_are_changed_and_removed()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var line = await LineAsync(admin, Id(proposal), new { kind = "Service", description = "Cabling", quantity = 1, unitCost = 100 });

        var changed = await (await admin.PutAsJsonAsync($"/api/v1/proposals/{Id(proposal)}/lines/{Id(line)}",
            new { quantity = 3, pricingMode = "Margin", pricingPercent = 50 })).ReadJsonAsync();
        Assert.Equal(600m, Dec(changed, "price"));
        Assert.Equal("Cabling", changed.GetProperty("description").GetString());

        await (await admin.DeleteAsync($"/api/v1/proposals/{Id(proposal)}/lines/{Id(line)}")).ExpectAsync(HttpStatusCode.NoContent);
        var after = await (await admin.GetAsync($"/api/v1/proposals/{Id(proposal)}")).ReadJsonAsync();
        Assert.Equal(1, after.GetProperty("lines").GetArrayLength());
        await (await admin.DeleteAsync($"/api/v1/proposals/{Id(proposal)}/lines/{Id(line)}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_lines_get_a_clear_problem()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var url = $"/api/v1/proposals/{Id(proposal)}/lines";

        await (await admin.PostAsJsonAsync(url, new { kind = "Hardware", description = "X", quantity = -1, unitCost = 10 })).ValidationProblemAsync("quantity");
        await (await admin.PostAsJsonAsync(url, new { kind = "Hardware", description = "X", quantity = 1, unitCost = -10 })).ValidationProblemAsync("unitCost");
        await (await admin.PostAsJsonAsync(url, new
        {
            kind = "Hardware",
            description = "X",
            quantity = 1,
            unitCost = 10,
            pricingMode = "Margin",
            pricingPercent = 100
        })).ValidationProblemAsync("pricingPercent");
        await (await admin.PostAsJsonAsync(url, new { kind = "Gadget", description = "X", quantity = 1, unitCost = 10 })).ValidationProblemAsync("kind");
        await (await admin.PostAsJsonAsync(url, new { kind = "Hardware", description = "", quantity = 1, unitCost = 10 }))
            .ValidationProblemAsync("description");
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{Guid.NewGuid()}/lines", new
        {
            kind = "Hardware",
            description = "X",
            quantity = 1,
            unitCost = 10
        })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_clients_own_known_recommendations_are_linked()
    {
        var admin = await Factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var other = await admin.CreateClientAsync();
        var theirs = await RecommendationAsync(admin, other.Id);

        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { clientId = client.Id, title = "X", recommendationIds = new[] { Guid.NewGuid() } }))
            .ValidationProblemAsync("recommendationIds");
        var problem = await (await admin.PostAsJsonAsync("/api/v1/proposals", new { clientId = client.Id, title = "X", recommendationIds = new[] { theirs } }))
            .ValidationProblemAsync("recommendationIds");
        Assert.Contains("this client's own", problem.GetProperty("errors").GetProperty("recommendationIds")[0].GetString());
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { clientId = Guid.NewGuid(), title = "X" })).ValidationProblemAsync("clientId");
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { title = "X" })).ValidationProblemAsync("clientId");
        await (await admin.PostRawAsync("/api/v1/proposals", $$"""{ "clientId": "{{client.Id}}", "title": "X", "steps": [null] }"""))
            .ValidationProblemAsync("steps[0]");
        await (await admin.PostRawAsync("/api/v1/proposals", $$"""{ "clientId": "{{client.Id}}", "title": "X", "lines": [null] }"""))
            .ValidationProblemAsync("lines[0]");
    }

    [Fact]
    public async Task Totals_price_the_labour_of_the_steps_and_say_by_how_much_the_roadmap_budget_is_exceeded()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        await LineAsync(admin, Id(proposal), new
        {
            kind = "Software",
            description = "Support",
            quantity = 1,
            unitCost = 40,
            pricingMode = "Markup",
            pricingPercent = 50,
            recurring = true
        });

        var p = await (await admin.GetAsync($"/api/v1/proposals/{Id(proposal)}")).ReadJsonAsync();
        var totals = p.GetProperty("totals");

        // Labour at the default rates (60 cost, 150 bill an hour): 8 h -> 480 cost, 1,200 price; plus the firewall 3,000 -> 3,900.
        Assert.Equal(8m, Dec(totals, "laborHours"));
        Assert.Equal(3480m, Dec(totals, "cost"));
        Assert.Equal(5100m, Dec(totals, "price"));
        Assert.Equal(1620m, Dec(totals, "profit"));
        Assert.Equal(31.76m, Dec(totals, "margin"));
        Assert.Equal(46.55m, Dec(totals, "markup"));
        Assert.Equal(5100m, Dec(totals, "oneTimePrice"));
        Assert.Equal(40m, Dec(totals, "recurringMonthlyCost"));
        Assert.Equal(60m, Dec(totals, "recurringMonthlyPrice"));
        Assert.False(totals.GetProperty("belowTargetMargin").GetBoolean());
        Assert.Equal(2, p.GetProperty("steps").GetArrayLength());
        Assert.Equal(300m, Dec(p.GetProperty("steps")[0], "price"));
        var budget = p.GetProperty("budget");
        Assert.Equal(5000m, Dec(budget, "oneTime"));
        Assert.Equal(100m, Dec(budget, "oneTimeOver"));
        Assert.Equal("Exceeds the roadmap budget by 100.00 one-time.", budget.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TCO_compares_buying_with_subscribing_over_12_to_60_months()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var id = Id(proposal);
        await (await admin.GetAsync($"/api/v1/proposals/{id}/tco?months=36")).ValidationProblemAsync("subscriptionMonthly");
        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{id}", new { subscriptionMonthlyPrice = 300 })).ExpectAsync(HttpStatusCode.OK);

        var tco = await (await admin.GetAsync($"/api/v1/proposals/{id}/tco?months=36")).ReadJsonAsync();

        // Buying 5,100 once (no support lines); subscribing 300 a month: 5,100 <= 300 m from month 17.
        Assert.Equal(17, tco.GetProperty("breakEvenMonth").GetInt32());
        Assert.Equal(36, tco.GetProperty("schedule").GetArrayLength());
        Assert.Equal(10800m, Dec(tco, "subscribingTotal"));
        var never = await (await admin.GetAsync($"/api/v1/proposals/{id}/tco?months=12&subscriptionMonthly=100")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, never.GetProperty("breakEvenMonth").ValueKind);
        await (await admin.GetAsync($"/api/v1/proposals/{id}/tco?months=11")).ValidationProblemAsync("months");
        await (await admin.GetAsync($"/api/v1/proposals/{id}/tco?months=61")).ValidationProblemAsync("months");
        await (await admin.GetAsync($"/api/v1/proposals/{Guid.NewGuid()}/tco?months=36")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admins_set_the_target_margin_markups_and_labour_rates_and_bad_values_are_refused()
    {
        await using var fresh = Factory.NewInstance();
        var admin = await fresh.AdminAsync();
        var defaults = await (await admin.GetAsync("/api/v1/design-desk/settings")).ReadJsonAsync();
        Assert.Equal(30m, Dec(defaults, "targetMargin"));
        Assert.Equal(4, defaults.GetProperty("laborRates").GetArrayLength());

        var changed = await (await admin.PutAsJsonAsync("/api/v1/design-desk/settings", new
        {
            targetMargin = 35,
            markupHardware = 25,
            laborRates = new[] { new { phase = "Standby", costPerHour = 40, billPerHour = 95 } }
        })).ReadJsonAsync();

        Assert.Equal(35m, Dec(changed, "targetMargin"));
        Assert.Equal(25m, Dec(changed, "markupHardware"));
        var standby = changed.GetProperty("laborRates").EnumerateArray().Single(r => r.GetProperty("phase").GetString() == "Standby");
        Assert.Equal(95m, Dec(standby, "billPerHour"));
        await (await admin.PutAsJsonAsync("/api/v1/design-desk/settings", new { targetMargin = 100 })).ValidationProblemAsync("targetMargin");
        await (await admin.PutRawAsync("/api/v1/design-desk/settings", """{ "laborRates": [null] }""")).ValidationProblemAsync("laborRates[0]");
        await (await admin.PutAsJsonAsync("/api/v1/design-desk/settings", new { markupLabor = -1 })).ValidationProblemAsync("markupLabor");
        await (await admin.PutAsJsonAsync("/api/v1/design-desk/settings",
                new { laborRates = new[] { new { phase = "Lunch", costPerHour = 1, billPerHour = 2 } } }))
            .ValidationProblemAsync("laborRates[0].phase");

        // The new standby rate prices a standby step.
        var client = await admin.CreateClientAsync();
        var proposal = await ProposalAsync(admin, new
        {
            clientId = client.Id,
            title = "Standby only",
            steps = new[] { new { title = "Stand by", phase = "Standby", hours = 2 } }
        });
        Assert.Equal(190m, Dec(proposal.GetProperty("totals"), "laborPrice"));
        Assert.Equal(80m, Dec(proposal.GetProperty("totals"), "laborCost"));
    }
}

public sealed class ProposalPricingApiOnSqlite(SqliteFactory factory) : ProposalPricingApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ProposalPricingApiOnPostgres(PostgresFactory factory) : ProposalPricingApiTests(factory), IClassFixture<PostgresFactory>;
