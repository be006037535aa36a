using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.DesignDesk.Report;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.DesignDesk;

/// <summary>What "Start a proposal" posts, from the recommendation page, the roadmap card or the design desk.</summary>
public sealed class StartProposalForm
{
    public Guid? ClientId { get; set; }
    public Guid? RecommendationId { get; set; }
    public Guid? HandoffId { get; set; }
    public Guid? TemplateId { get; set; }
}

/// <summary>
/// The plain form posts other pages use to reach the design desk: they go through the same service as the API and answer with a redirect,
/// to the new proposal or back to the design desk with the reason it could not start.
/// </summary>
public static class DesignDeskPages
{
    public static IEndpointRouteBuilder MapDesignDeskPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/design-desk/start", StartAsync).RequireAuthorization(Policies.PriceProposals)
            .RequireFormToken(_ => Results.Redirect("/design-desk")).ExcludeFromDescription();
        app.MapPost("/design-desk/starter-templates", StartersAsync).RequireAuthorization(Policies.PriceProposals)
            .RequireFormToken(_ => Results.Redirect("/design-desk")).ExcludeFromDescription();
        app.MapProposalReport();
        return app;
    }

    private static async Task<IResult> StartAsync([FromForm] StartProposalForm form, ProposalService proposals, AppDbContext db,
        CancellationToken ct)
    {
        var clientId = form.ClientId;
        string? title = null;
        if (form.RecommendationId is { } recommendationId
            && await db.Recommendations.Where(r => r.Id == recommendationId).Select(r => new { r.ClientId, r.Title }).FirstOrDefaultAsync(ct) is { } r)
            (clientId, title) = (clientId ?? r.ClientId, form.TemplateId is null ? r.Title : null);
        var outcome = await proposals.CreateAsync(new CreateProposalRequest(ClientId: form.HandoffId is null ? clientId : null, Title: title,
            RecommendationIds: form.RecommendationId is { } id ? [id] : null, TemplateId: form.TemplateId, HandoffId: form.HandoffId), ct);
        if (outcome.Value is { } created)
            return Results.Redirect(DoneMessage.AddTo($"/design-desk/proposals/{created.Id}", "Proposal started. Add the steps and the lines, then send it."));
        var problem = outcome.Conflict ?? string.Join(" ", (outcome.Errors ?? []).SelectMany(e => e.Value));
        return Results.Redirect($"/design-desk?problem={Uri.EscapeDataString(problem)}");
    }

    private static async Task<IResult> StartersAsync(ProposalTemplates proposals, CancellationToken ct)
    {
        var templates = await proposals.AddStartersAsync(ct);
        return Results.Redirect(DoneMessage.AddTo("/design-desk#templates-title",
            $"The starter templates are there: {templates.Count} template{(templates.Count == 1 ? "" : "s")} in all."));
    }
}
