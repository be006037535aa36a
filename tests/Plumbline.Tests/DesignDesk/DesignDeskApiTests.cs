using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.DesignDesk;

public abstract class DesignDeskApiTests(PlumblineFactory factory)
{
    private static async Task<Guid> RecommendationAsync(HttpClient api, Guid clientId, decimal oneTime = 5000, decimal monthly = 100) =>
        (await (await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/recommendations",
            new { title = LibraryData.UniqueName("Replace the firewall"), oneTimeCost = oneTime, recurringMonthlyCost = monthly, status = "Proposed" }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> ProposalAsync(HttpClient api, object body) =>
        await (await api.PostAsJsonAsync("/api/v1/proposals", body)).ReadJsonAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> LineAsync(HttpClient api, Guid proposalId, object line) =>
        await (await api.PostAsJsonAsync($"/api/v1/proposals/{proposalId}/lines", line)).ReadJsonAsync(HttpStatusCode.Created);

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static decimal Dec(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    /// <summary>A client, a recommendation and a proposal for it: one firewall at 30% markup and two steps (above 30% once labour is in).</summary>
    private async Task<(HttpClient Admin, Guid ClientId, Guid RecommendationId, JsonElement Proposal)> SetUpAsync(object? extraLine = null)
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var recommendation = await RecommendationAsync(admin, client.Id);
        var proposal = await ProposalAsync(admin, new
        {
            clientId = client.Id,
            title = "New edge firewall",
            recommendationIds = new[] { recommendation },
            targetQuarter = "FY2027-Q3",
            steps = new object[]
            {
                new { order = 1, title = "Plan the cut-over", phase = "ProjectManagement", hours = 2 },
                new { order = 2, title = "Install and configure the firewall", phase = "Implementation", hours = 6 },
            },
            lines = new object[] { new { kind = "Hardware", description = "Firewall", vendor = "Fortinet", partNumber = "FG-60F", quantity = 1, unitCost = 3000,
                pricingMode = "Markup", pricingPercent = 30 } },
        });
        return (admin, client.Id, recommendation, proposal);
    }

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
        var admin = await factory.AdminAsync();
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
    public async Task Sending_is_refused_for_an_empty_proposal_and_below_the_target_margin_without_an_override_reason()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var empty = await ProposalAsync(admin, new { clientId = client.Id, title = "Nothing yet" });
        await (await admin.PostAsync($"/api/v1/proposals/{Id(empty)}/send", null)).ValidationProblemAsync("lines");

        var thin = await ProposalAsync(admin, new
        {
            clientId = client.Id,
            title = "Thin",
            lines = new[] { new { kind = "Hardware", description = "Switch", quantity = 1, unitCost = 1000, pricingMode = "Markup", pricingPercent = 10 } }
        });
        Assert.True(thin.GetProperty("totals").GetProperty("belowTargetMargin").GetBoolean());
        var problem = await (await admin.PostAsync($"/api/v1/proposals/{Id(thin)}/send", null)).ValidationProblemAsync("totals");
        Assert.Contains("9.09%", problem.GetProperty("errors").GetProperty("totals")[0].GetString());

        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{Id(thin)}", new { targetMarginOverride = 5 })).ValidationProblemAsync("overrideReason");
        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{Id(thin)}", new { targetMarginOverride = 100, overrideReason = "x" }))
            .ValidationProblemAsync("targetMarginOverride");
        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{Id(thin)}",
                new { targetMarginOverride = 5, overrideReason = "Strategic client: wins the network refresh." }))
            .ExpectAsync(HttpStatusCode.OK);
        var sent = await (await admin.PostAsync($"/api/v1/proposals/{Id(thin)}/send", null)).ReadJsonAsync();
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        Assert.False(sent.GetProperty("totals").GetProperty("belowTargetMargin").GetBoolean());
        Assert.Equal(5m, Dec(sent.GetProperty("totals"), "targetMargin"));
    }

    [Fact]
    public async Task A_change_after_sending_makes_the_next_version_and_the_sent_one_stays_frozen()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var id = Id(proposal);
        var sent = await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ReadJsonAsync();
        Assert.Equal(1, sent.GetProperty("version").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, sent.GetProperty("validUntil").ValueKind);
        await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ProblemAsync(HttpStatusCode.Conflict);

        await LineAsync(admin, id, new { kind = "Service", description = "Extra cabling", quantity = 1, unitCost = 200 });
        var changed = await (await admin.GetAsync($"/api/v1/proposals/{id}")).ReadJsonAsync();
        Assert.Equal(2, changed.GetProperty("version").GetInt32());
        Assert.Equal("Draft", changed.GetProperty("status").GetString());

        var frozen = await (await admin.GetAsync($"/api/v1/proposals/{id}/versions/1")).ReadJsonAsync();
        Assert.Equal(1, frozen.GetProperty("number").GetInt32());
        Assert.Equal(1, frozen.GetProperty("proposal").GetProperty("lines").GetArrayLength());
        Assert.Equal(5100m, Dec(frozen.GetProperty("proposal").GetProperty("totals"), "price"));
        await (await admin.GetAsync($"/api/v1/proposals/{id}/versions/2")).ProblemAsync(HttpStatusCode.NotFound);

        var resent = await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ReadJsonAsync();
        Assert.Equal(2, resent.GetProperty("version").GetInt32());
        Assert.Equal([1, 2], resent.GetProperty("sentVersions").EnumerateArray().Select(v => v.GetInt32()));
        var second = await (await admin.GetAsync($"/api/v1/proposals/{id}/versions/2")).ReadJsonAsync();
        Assert.Equal(2, second.GetProperty("proposal").GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Accepting_approves_the_recommendations_on_the_proposals_quarter_and_hands_the_steps_to_professional_services()
    {
        var (admin, _, recommendationId, proposal) = await SetUpAsync();
        var id = Id(proposal);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "Chris Client" })).ValidationProblemAsync("status");
        await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = " " })).ValidationProblemAsync("acceptedBy");

        var accepted = await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "Chris Client" })).ReadJsonAsync();

        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("Chris Client", accepted.GetProperty("acceptedBy").GetString());
        Assert.NotEqual(JsonValueKind.Null, accepted.GetProperty("acceptedAt").ValueKind);
        var recommendation = await (await admin.GetAsync($"/api/v1/recommendations/{recommendationId}")).ReadJsonAsync();
        Assert.Equal("Approved", recommendation.GetProperty("status").GetString());
        Assert.Equal("FY2027-Q3", recommendation.GetProperty("targetQuarter").GetString());
        var history = await (await admin.GetAsync($"/api/v1/recommendations/{recommendationId}/history")).ReadJsonAsync();
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("to").GetString() == "Approved"
            && h.GetProperty("comment").GetString()!.Contains("Chris Client"));
        var handoff = await admin.GetHandoffAsync(accepted.GetProperty("deliveryHandoffId").GetGuid());
        Assert.Equal("ProfessionalServices", handoff.Area.ToString());
        Assert.Contains("1. Plan the cut-over (project management, 2 h)", handoff.Details);
        Assert.Contains("2. Install and configure the firewall (implementation, 6 h)", handoff.Details);

        await (await admin.PutAsJsonAsync($"/api/v1/proposals/{id}", new { title = "Changed" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "Chris Client" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await admin.PostAsync($"/api/v1/proposals/{id}/decline", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_sent_proposal_can_be_declined_and_a_draft_cannot()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var id = Id(proposal);
        await (await admin.PostAsync($"/api/v1/proposals/{id}/decline", null)).ValidationProblemAsync("status");
        await (await admin.PostAsync($"/api/v1/proposals/{id}/send", null)).ExpectAsync(HttpStatusCode.OK);

        var declined = await (await admin.PostAsync($"/api/v1/proposals/{id}/decline", null)).ReadJsonAsync();

        Assert.Equal("Declined", declined.GetProperty("status").GetString());
        await (await admin.PostAsync($"/api/v1/proposals/{Guid.NewGuid()}/decline", null)).ProblemAsync(HttpStatusCode.NotFound);
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
    public async Task Templates_are_saved_from_a_proposal_and_start_new_ones()
    {
        var (admin, clientId, _, proposal) = await SetUpAsync();
        var name = LibraryData.UniqueName("Edge firewall");

        var template = await (await admin.PostAsJsonAsync($"/api/v1/proposals/{Id(proposal)}/save-as-template", new { name }))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, template.GetProperty("steps").GetArrayLength());
        Assert.Equal("FG-60F", template.GetProperty("lines")[0].GetProperty("partNumber").GetString());
        var list = await (await admin.GetAsync("/api/v1/proposal-templates")).ReadJsonAsync();
        Assert.Contains(list.EnumerateArray(), t => t.GetProperty("name").GetString() == name);

        var started = await ProposalAsync(admin, new { clientId, templateId = Id(template) });
        Assert.Equal(name, started.GetProperty("title").GetString());
        Assert.Equal(2, started.GetProperty("steps").GetArrayLength());
        Assert.Equal(3900m, Dec(started.GetProperty("lines")[0], "price"));

        var made = await (await admin.PostAsJsonAsync("/api/v1/proposal-templates", new
        {
            name = LibraryData.UniqueName("Wi-Fi"),
            steps = new[] { new { title = "Survey", phase = "Implementation", hours = 3 } },
            lines = new[] { new { kind = "Hardware", description = "Access point", quantity = 4, unitCost = 250 } }
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, made.GetProperty("steps")[0].GetProperty("order").GetInt32());
        await (await admin.PostAsJsonAsync("/api/v1/proposal-templates", new { name = "" })).ValidationProblemAsync("name");
        await (await admin.PostAsJsonAsync("/api/v1/proposal-templates",
                new { name = "Bad", steps = new[] { new { title = "X", phase = "Party", hours = 1 } } }))
            .ValidationProblemAsync("steps[0].phase");
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { clientId, templateId = Guid.NewGuid() })).ValidationProblemAsync("templateId");
    }

    [Fact]
    public async Task The_starter_templates_are_added_once()
    {
        await using var fresh = factory.NewInstance();
        var admin = await fresh.AdminAsync();

        var first = await (await admin.PostAsync("/api/v1/proposal-templates/starter", null)).ReadJsonAsync();
        var second = await (await admin.PostAsync("/api/v1/proposal-templates/starter", null)).ReadJsonAsync();

        string[] names = ["Firewall replacement", "Microsoft 365 migration", "Server refresh"];
        Assert.Equal(names, first.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(names, second.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.All(first.EnumerateArray(), t => Assert.True(t.GetProperty("steps").GetArrayLength() > 0 && t.GetProperty("lines").GetArrayLength() > 0));
    }

    [Fact]
    public async Task A_hand_off_to_the_design_desk_opens_a_proposal_for_its_client()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();
        var handoff = await admin.CreateHandoffAsync(client.Id, "DesignDesk", LibraryData.UniqueName("Quote a new server"));
        var serviceDesk = await admin.CreateHandoffAsync(client.Id, "ServiceDesk");

        var proposal = await ProposalAsync(admin, new { handoffId = handoff.Id });

        Assert.Equal(client.Id, proposal.GetProperty("clientId").GetGuid());
        Assert.Equal(handoff.Title, proposal.GetProperty("title").GetString());
        Assert.Equal(handoff.Id, proposal.GetProperty("handoffId").GetGuid());
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { handoffId = serviceDesk.Id })).ValidationProblemAsync("handoffId");
        await (await admin.PostAsJsonAsync("/api/v1/proposals", new { handoffId = Guid.NewGuid() })).ValidationProblemAsync("handoffId");
    }

    [Fact]
    public async Task Proposals_are_listed_by_client_and_status()
    {
        var (admin, clientId, _, proposal) = await SetUpAsync();
        await ProposalAsync(admin, new { clientId, title = "Second" });
        await (await admin.PostAsync($"/api/v1/proposals/{Id(proposal)}/send", null)).ExpectAsync(HttpStatusCode.OK);

        var all = await (await admin.GetAsync($"/api/v1/proposals?clientId={clientId}")).ReadJsonAsync();
        var sent = await (await admin.GetAsync($"/api/v1/proposals?clientId={clientId}&status=Sent")).ReadJsonAsync();
        var paged = await (await admin.GetAsync($"/api/v1/proposals?clientId={clientId}&pageSize=1&page=2")).ReadJsonAsync();

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(Id(proposal), Id(Assert.Single(sent.GetProperty("items").EnumerateArray())));
        Assert.Equal(5100m, Dec(sent.GetProperty("items")[0], "oneTimePrice"));
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        await (await admin.GetAsync("/api/v1/proposals?status=Lost")).ValidationProblemAsync("status");
        await (await admin.GetAsync($"/api/v1/proposals/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_order_list_groups_the_hardware_and_software_of_accepted_proposals_by_vendor()
    {
        var (admin, _, _, proposal) = await SetUpAsync();
        var vendor = LibraryData.UniqueName("Vendor");
        await LineAsync(admin, Id(proposal), new { kind = "Software", description = "Licences", vendor, partNumber = "LIC-1", quantity = 5, unitCost = 20 });
        await LineAsync(admin, Id(proposal), new { kind = "Service", description = "Not ordered", vendor, quantity = 1, unitCost = 20 });
        await (await admin.PostAsync($"/api/v1/proposals/{Id(proposal)}/send", null)).ExpectAsync(HttpStatusCode.OK);
        await (await admin.PostAsJsonAsync($"/api/v1/proposals/{Id(proposal)}/accept", new { acceptedBy = "Chris Client" })).ExpectAsync(HttpStatusCode.OK);

        var csv = await admin.GetAsync("/api/v1/proposals/order-list?format=csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        var xlsx = await admin.GetAsync("/api/v1/proposals/order-list?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("\uFEFFVendor,Part number,Description,Kind,Quantity,Unit cost,Cost,Recurring,Client,Proposal,Accepted on", text);
        Assert.Contains($"{vendor},LIC-1,Licences,Software,5.00,20.00,100.00,One-time,", text);
        Assert.DoesNotContain("Not ordered", text);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var sheet = XlsxSheet.Read(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("Vendor", sheet["A1"].Value);
        await (await admin.GetAsync("/api/v1/proposals/order-list?format=pdf")).ValidationProblemAsync("format");
    }

    [Theory]
    [InlineData("DesignDesk")]
    [InlineData("Vcio")]
    public async Task The_design_desk_and_vcios_price_proposals(string role)
    {
        var (admin, clientId, recommendationId, _) = await SetUpAsync();
        var user = await factory.SignedInAsAsync(role);

        var proposal = await ProposalAsync(user, new { clientId, title = "Theirs", recommendationIds = new[] { recommendationId } });
        await LineAsync(user, Id(proposal),
            new { kind = "Hardware", description = "Router", quantity = 1, unitCost = 500, pricingMode = "Margin", pricingPercent = 40 });
        await (await user.PostAsync($"/api/v1/proposals/{Id(proposal)}/send", null)).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostAsJsonAsync($"/api/v1/proposals/{Id(proposal)}/accept", new { acceptedBy = "Chris Client" })).ExpectAsync(HttpStatusCode.OK);
        await (await user.PutAsJsonAsync("/api/v1/design-desk/settings", new { targetMargin = 25 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"/api/v1/proposals/{Id(proposal)}")).ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Tam")]
    [InlineData("ServiceLead")]
    [InlineData("ReadOnly")]
    public async Task Tams_service_leads_and_read_only_users_read_proposals_but_do_not_change_them(string role)
    {
        var (_, clientId, _, proposal) = await SetUpAsync();
        var user = await factory.SignedInAsAsync(role);
        var id = Id(proposal);

        await (await user.GetAsync($"/api/v1/proposals/{id}")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync($"/api/v1/proposals?clientId={clientId}")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync("/api/v1/proposal-templates")).ExpectAsync(HttpStatusCode.OK);
        await (await user.GetAsync("/api/v1/design-desk/settings")).ExpectAsync(HttpStatusCode.OK);
        await (await user.PostAsJsonAsync("/api/v1/proposals", new { clientId, title = "No" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PutAsJsonAsync($"/api/v1/proposals/{id}", new { title = "No" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsJsonAsync($"/api/v1/proposals/{id}/lines", new { kind = "Hardware", description = "No", quantity = 1, unitCost = 1 }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync($"/api/v1/proposals/{id}/send", null)).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsJsonAsync($"/api/v1/proposals/{id}/accept", new { acceptedBy = "No" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await user.PostAsync("/api/v1/proposal-templates/starter", null)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Proposals_need_a_signed_in_user()
    {
        var anonymous = factory.CreateClient();

        await (await anonymous.GetAsync("/api/v1/proposals")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/proposals", new { title = "X" })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Admins_set_the_target_margin_markups_and_labour_rates_and_bad_values_are_refused()
    {
        await using var fresh = factory.NewInstance();
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

public sealed class DesignDeskApiOnSqlite(SqliteFactory factory) : DesignDeskApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class DesignDeskApiOnPostgres(PostgresFactory factory) : DesignDeskApiTests(factory), IClassFixture<PostgresFactory>;
