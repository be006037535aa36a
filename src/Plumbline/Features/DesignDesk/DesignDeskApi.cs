using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>The design desk's API (API.md, Design desk): priced proposals, their versions, the client's answer, templates and settings.</summary>
public static class DesignDeskApi
{
    private const string Tag = "Design desk";

    public static IServiceCollection AddDesignDesk(this IServiceCollection services) =>
        services.AddScoped<DeskSettingsService>().AddScoped<ProposalQueries>().AddScoped<ProposalService>().AddScoped<ProposalLines>()
            .AddScoped<ProposalAnswers>().AddScoped<ProposalTemplates>();

    /// <summary>The one line Program.cs needs: the services are added by <see cref="AddDesignDesk"/>, the endpoints and pages here.</summary>
    public static IEndpointRouteBuilder MapDesignDesk(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1").WithTags(Tag).RequireAuthorization(Policies.SignedIn);
        var write = app.MapGroup("/api/v1").WithTags(Tag).RequireAuthorization(Policies.PriceProposals);
        var admin = app.MapGroup("/api/v1").WithTags(Tag).RequireAuthorization(Policies.Admin);

        read.MapGet("/proposals", List).WithName("listProposals")
            .WithSummary("Priced proposals (paged, most recently changed first), filtered by client and status; Expired is a sent proposal past its date.");
        write.MapPost("/proposals", Create).WithName("createProposal")
            .WithSummary("Start a proposal for a client's recommendations, from a template (templateId) or from a hand-off to the design desk (handoffId).");
        read.MapGet("/proposals/{id:guid}", Get).WithName("getProposal")
            .WithSummary("One proposal with its steps, lines, totals (one-time and monthly), the target-margin flag and the roadmap budget beside it.")
            .ProducesProblem(404);
        write.MapPut("/proposals/{id:guid}", Update).WithName("updateProposal")
            .WithSummary("Change a proposal; steps replaces the list. A change after sending makes the next version, a draft until sent.")
            .ProducesProblem(404).ProducesProblem(409);
        write.MapPost("/proposals/{id:guid}/lines", AddLine).WithName("addProposalLine")
            .WithSummary("Add a line; the answer is the line priced: unitPrice, price, cost, margin and markup.").ProducesProblem(404).ProducesProblem(409);
        write.MapPut("/proposals/{id:guid}/lines/{lineId:guid}", UpdateLine).WithName("updateProposalLine")
            .WithSummary("Change a line; fields left out keep their value.").ProducesProblem(404).ProducesProblem(409);
        write.MapDelete("/proposals/{id:guid}/lines/{lineId:guid}", DeleteLine).WithName("deleteProposalLine")
            .WithSummary("Remove a line.").ProducesProblem(404).ProducesProblem(409);
        write.MapPost("/proposals/{id:guid}/send", Send).WithName("sendProposal")
            .WithSummary("Send the current version: it is frozen as the client sees it. Refused when empty or below the target margin without an override.")
            .ProducesProblem(404).ProducesProblem(409);
        read.MapGet("/proposals/{id:guid}/versions/{number:int}", Version).WithName("getProposalVersion")
            .WithSummary("A sent version exactly as it was frozen when sent.").ProducesProblem(404);
        write.MapPost("/proposals/{id:guid}/accept", Accept).WithName("acceptProposal")
            .WithSummary("Record the client's acceptance: the recommendations become Approved on the proposal's quarter and professional services "
                + "get a hand-off with the steps.")
            .ProducesProblem(404).ProducesProblem(409);
        write.MapPost("/proposals/{id:guid}/decline", Decline).WithName("declineProposal")
            .WithSummary("Record that the client declined a sent proposal.").ProducesProblem(404).ProducesProblem(409);
        read.MapGet("/proposals/{id:guid}/tco", Tco).WithName("getProposalTco")
            .WithSummary("Buying (one-time price plus the monthly support) against a monthly subscription over 12 to 60 months, with the break-even month.")
            .ProducesProblem(404);
        write.MapPost("/proposals/{id:guid}/save-as-template", SaveAsTemplate).WithName("saveProposalAsTemplate")
            .WithSummary("Save the proposal's steps and lines as a new template.").ProducesProblem(404);
        read.MapGet("/proposals/order-list", OrderList).WithName("getProposalOrderList")
            .WithSummary("The hardware and software lines of accepted proposals, grouped by vendor, as csv (default) or xlsx.")
            .ProducesFile("text/csv", Spreadsheet.ContentType);

        read.MapGet("/proposal-templates", Templates).WithName("listProposalTemplates").WithSummary("The proposal templates, by name.");
        write.MapPost("/proposal-templates", CreateTemplate).WithName("createProposalTemplate").WithSummary("Add a proposal template (steps and lines).");
        write.MapPost("/proposal-templates/starter", AddStarters).WithName("addStarterProposalTemplates")
            .WithSummary("Add the starter templates (firewall replacement, server refresh, Microsoft 365 migration) not there yet; returns every template.");

        read.MapGet("/design-desk/settings", Settings).WithName("getDesignDeskSettings")
            .WithSummary("The provider's target margin, default markup per line kind and labour rates per phase.");
        admin.MapPut("/design-desk/settings", UpdateSettings).WithName("updateDesignDeskSettings")
            .WithSummary("Change the design desk's settings; fields left out keep their value.");
        app.MapDesignDeskPages();
        return app;
    }

    private static string NoProposal(Guid id) => $"There is no proposal with id '{id}'.";

    private static async Task<Results<Ok<PagedList<ProposalSummary>>, ValidationProblem>> List([AsParameters] ProposalFilter f, ProposalQueries q,
        CancellationToken ct) =>
        f.Status is not null && !ApiEnum.TryParse<ProposalStatus>(f.Status, out _)
            ? ApiErrors.Validation("status", "Use Draft, Sent, Accepted, Declined or Expired.")
            : TypedResults.Ok(await q.ListAsync(f, ct));

    private static async Task<Results<Created<ProposalDetails>, ValidationProblem, ProblemHttpResult>> Create(CreateProposalRequest r, ProposalService s,
        CancellationToken ct) =>
        (await s.CreateAsync(r, ct)).ToResult(d => TypedResults.Created($"/api/v1/proposals/{d.Id}", d), "");

    private static async Task<Results<Ok<ProposalDetails>, ProblemHttpResult>> Get(Guid id, ProposalQueries q, CancellationToken ct) =>
        await q.GetAsync(id, ct) is { } d ? TypedResults.Ok(d) : ApiErrors.NotFound(NoProposal(id));

    private static async Task<Results<Ok<ProposalDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateProposalRequest r,
        ProposalService s, CancellationToken ct) =>
        (await s.UpdateAsync(id, r, ct)).ToResult(TypedResults.Ok, NoProposal(id));

    private static async Task<Results<Created<LineDetails>, ValidationProblem, ProblemHttpResult>> AddLine(Guid id, LineRequest r, ProposalLines s,
        CancellationToken ct) =>
        (await s.AddLineAsync(id, r, ct)).ToResult(l => TypedResults.Created($"/api/v1/proposals/{id}/lines/{l.Id}", l), NoProposal(id));

    private static async Task<Results<Ok<LineDetails>, ValidationProblem, ProblemHttpResult>> UpdateLine(Guid id, Guid lineId, LineRequest r,
        ProposalLines s, CancellationToken ct) =>
        (await s.UpdateLineAsync(id, lineId, r, ct)).ToResult(TypedResults.Ok, NoProposal(id));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteLine(Guid id, Guid lineId, ProposalLines s,
        CancellationToken ct) =>
        (await s.DeleteLineAsync(id, lineId, ct)).ToResult(_ => TypedResults.NoContent(), NoProposal(id));

    private static async Task<Results<Ok<ProposalDetails>, ValidationProblem, ProblemHttpResult>> Send(Guid id, ProposalService s, ClaimsPrincipal user,
        CancellationToken ct) =>
        (await s.SendAsync(id, CurrentUser.Name(user), ct)).ToResult(TypedResults.Ok, NoProposal(id));

    private static async Task<Results<Ok<ProposalVersionDetails>, ProblemHttpResult>> Version(Guid id, int number, ProposalQueries q,
        CancellationToken ct) =>
        await q.VersionAsync(id, number, ct) is { } v ? TypedResults.Ok(v)
            : ApiErrors.NotFound($"Proposal '{id}' has no sent version {number}. Only sent versions are frozen.");

    private static async Task<Results<Ok<ProposalDetails>, ValidationProblem, ProblemHttpResult>> Accept(Guid id, AcceptProposalRequest r,
        ProposalAnswers s, ClaimsPrincipal user, CancellationToken ct) =>
        (await s.AcceptAsync(id, r, Actor.Of(user), ct)).ToResult(TypedResults.Ok, NoProposal(id));

    private static async Task<Results<Ok<ProposalDetails>, ValidationProblem, ProblemHttpResult>> Decline(Guid id, ProposalAnswers s,
        CancellationToken ct) =>
        (await s.DeclineAsync(id, ct)).ToResult(TypedResults.Ok, NoProposal(id));

    private static async Task<Results<Ok<TcoComparison>, ValidationProblem, ProblemHttpResult>> Tco(Guid id, int? months, decimal? subscriptionMonthly,
        ProposalQueries q, CancellationToken ct)
    {
        var period = months ?? 36;
        if (PricingRules.TcoMonthsError(period) is { } error) return ApiErrors.Validation("months", error);
        if (subscriptionMonthly is { } given && PricingRules.UnitCostError(given) is not null)
            return ApiErrors.Validation("subscriptionMonthly", "Enter a monthly price from 0 to 1,000,000,000 with at most two decimals.");
        if (await q.GetAsync(id, ct) is not { } proposal) return ApiErrors.NotFound(NoProposal(id));
        if ((subscriptionMonthly ?? proposal.SubscriptionMonthlyPrice) is not { } subscription)
            return ApiErrors.Validation("subscriptionMonthly",
                "Say what the same work costs as a subscription: set subscriptionMonthlyPrice on the proposal or pass subscriptionMonthly.");
        return TypedResults.Ok(PricingRules.Tco(proposal.Totals.OneTimePrice, proposal.Totals.RecurringMonthlyPrice, subscription, period));
    }

    private static async Task<Results<Created<TemplateDetails>, ValidationProblem, ProblemHttpResult>> SaveAsTemplate(Guid id, SaveAsTemplateRequest r,
        ProposalTemplates s, CancellationToken ct) =>
        (await s.SaveAsTemplateAsync(id, r, ct)).ToResult(t => TypedResults.Created($"/api/v1/proposal-templates/{t.Id}", t), NoProposal(id));

    private static async Task<Ok<List<TemplateDetails>>> Templates(ProposalTemplates s, CancellationToken ct) => TypedResults.Ok(await s.TemplatesAsync(ct));

    private static async Task<Results<Created<TemplateDetails>, ValidationProblem, ProblemHttpResult>> CreateTemplate(TemplateRequest r, ProposalTemplates s,
        CancellationToken ct) =>
        (await s.CreateTemplateAsync(r, ct)).ToResult(t => TypedResults.Created($"/api/v1/proposal-templates/{t.Id}", t), "");

    private static async Task<Ok<List<TemplateDetails>>> AddStarters(ProposalTemplates s, CancellationToken ct) =>
        TypedResults.Ok(await s.AddStartersAsync(ct));

    private static readonly string[] OrderColumns =
        ["Vendor", "Part number", "Description", "Kind", "Quantity", "Unit cost", "Cost", "Recurring", "Client", "Proposal", "Accepted on"];

    private static object?[] Cells(OrderRow r) =>
        [r.Vendor, r.PartNumber, r.Description, r.Kind.ToString(), r.Quantity, r.UnitCost, r.Cost, r.Recurring ? "Monthly" : "One-time", r.Client,
            r.Proposal, r.AcceptedOn];

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> OrderList(string? format, ProposalQueries q, TimeProvider clock,
        CancellationToken ct)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx")) return ApiErrors.Validation("format", "Use csv or xlsx.");
        var rows = await q.OrderListAsync(ct);
        var name = $"order-list-{clock.GetUtcNow():yyyy-MM-dd}.{kind}";
        return kind == "csv"
            ? TypedResults.File(Csv(rows), "text/csv; charset=utf-8", name)
            : TypedResults.File(Spreadsheet.Write("Order list", OrderColumns, rows.Select(Cells), moneyColumns: ["Unit cost", "Cost"],
                dateColumns: ["Accepted on"]), Spreadsheet.ContentType, name);
    }

    private static byte[] Csv(IEnumerable<OrderRow> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, SafeCsv.Writing()))
        {
            foreach (var column in OrderColumns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var cells in rows.Select(Cells))
            {
                foreach (var cell in cells)
                    csv.WriteField(cell switch
                    {
                        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
                        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
                    });
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
    }

    private static async Task<Ok<DeskSettings>> Settings(DeskSettingsService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(ct));

    private static async Task<Results<Ok<DeskSettings>, ValidationProblem, ProblemHttpResult>> UpdateSettings(DeskSettingsRequest r, DeskSettingsService s,
        CancellationToken ct) =>
        (await s.UpdateAsync(r, ct)).ToResult(TypedResults.Ok, "");
}
