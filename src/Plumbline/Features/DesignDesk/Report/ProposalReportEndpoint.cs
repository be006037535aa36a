using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Reports;
using Plumbline.Features.Reviews;

namespace Plumbline.Features.DesignDesk.Report;

/// <summary>A risk the proposal closes: a linked recommendation's open finding, by the standard's title and its rating.</summary>
public sealed record ProposalRisk(string Recommendation, string Standard, string WhyItMatters, Rating? Rating);

/// <summary>GET /reports/proposals/{id}: the proposal as the client reads it (issue 16), HTML or PDF; prices only, never cost or margin.</summary>
public static class ProposalReportEndpoint
{
    public static IEndpointRouteBuilder MapProposalReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/proposals/{id:guid}", ReportAsync).RequireAuthorization(Accounts.Policies.SignedIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReportAsync(Guid id, HttpContext http, ProposalQueries queries, AppDbContext db, ReportBrandingSource branding,
        ClientEnvironment.ContactService contacts, TimeProvider clock, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } proposal)
            return ReportResults.NotFound(http, "This proposal does not exist",
                $"There is no proposal with id {id}. Open the report from the proposal's page on the design desk.");
        var brand = await branding.GetAsync(ct);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(ProposalReport.Proposal)] = proposal,
            [nameof(ProposalReport.Risks)] = await RisksAsync(db, proposal.RecommendationIds, ct),
            [nameof(ProposalReport.Branding)] = brand,
            [nameof(ProposalReport.PreparedOn)] = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            [nameof(ProposalReport.PdfUrl)] = $"/reports/proposals/{id}?format=pdf",
            [nameof(ProposalReport.DecisionMaker)] = await contacts.DecisionMakerAsync(proposal.ClientId, ct),
        };
        return await ReportResults.HtmlOrPdfAsync<ProposalReport>(http, parameters,
            ReportResults.FileName(proposal.ClientName, "proposal", proposal.Title, $"v{proposal.Version}"),
            string.Join(" · ", new[] { brand.ProviderName, proposal.ClientName, $"Proposal: {proposal.Title}, version {proposal.Version}" }
                .Where(p => !string.IsNullOrWhiteSpace(p))), ct);
    }

    /// <summary>The linked recommendations' findings (the worst first); a recommendation without a finding stands for itself.</summary>
    private static async Task<List<ProposalRisk>> RisksAsync(AppDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.Summary }).ToListAsync(ct);
        var findings = await (from f in db.Findings.AsNoTracking()
                              where f.RecommendationId != null && ids.Contains(f.RecommendationId.Value)
                              join s in db.Standards on f.StandardId equals s.Id
                              select new { RecommendationId = f.RecommendationId!.Value, s.Title, s.WhyWeAsk, f.Rating }).ToListAsync(ct);
        var risks = new List<ProposalRisk>();
        foreach (var r in recommendations.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase))
        {
            var own = findings.Where(f => f.RecommendationId == r.Id).ToList();
            if (own.Count == 0) risks.Add(new ProposalRisk(r.Title, r.Title, r.Summary, null));
            risks.AddRange(own.OrderBy(f => f.Rating switch { Rating.HighlyVulnerable => 0, Rating.Marginal => 1, _ => 2 })
                .Select(f => new ProposalRisk(r.Title, f.Title, f.WhyWeAsk, f.Rating)));
        }
        return risks;
    }
}
