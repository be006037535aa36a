using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Meetings;

namespace Plumbline.Features.Reports.Meetings;

/// <summary>A decided recommendation as the report names it: its title and where it stands now.</summary>
public sealed record MeetingReportRecommendation(Guid Id, string Title, string Status);

/// <summary>The agenda and minutes of one meeting, with the recommendations its decisions name.</summary>
public sealed record MeetingReportModel(MeetingDetails Meeting, IReadOnlyDictionary<Guid, MeetingReportRecommendation> Recommendations);

/// <summary>GET /reports/meetings/{id}: a meeting's agenda and minutes, branded, as HTML or PDF (issue 17).</summary>
public static class MeetingReportEndpoint
{
    public static IEndpointRouteBuilder MapMeetingReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/meetings/{id:guid}", ReportAsync).RequireAuthorization(Accounts.Policies.SignedIn).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReportAsync(Guid id, HttpContext http, MeetingService meetings, AppDbContext db,
        ReportBrandingSource branding, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(id, ct);
        if (meeting is null)
            return ReportResults.NotFound(http, "This meeting does not exist",
                await meetings.IsCommitteeMeetingAsync(id, ct)
                    ? "That is a standards committee meeting: print its agenda from the committee's pages."
                    : $"There is no meeting with id {id}. Open the report from the meeting's page.");

        var ids = meeting.Decisions.Select(d => d.RecommendationId).OfType<Guid>().Distinct().ToList();
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.Status }).ToListAsync(ct);
        var model = new MeetingReportModel(meeting, recommendations.ToDictionary(r => r.Id,
            r => new MeetingReportRecommendation(r.Id, r.Title, Infrastructure.Words.Of(r.Status))));
        var brand = await branding.GetAsync(ct);
        var title = MeetingRules.Title(meeting.Kind, meeting.ClientName);
        var parameters = new Dictionary<string, object?>
        {
            [nameof(MeetingReport.Model)] = model,
            [nameof(MeetingReport.Branding)] = brand,
            [nameof(MeetingReport.PreparedOn)] = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            [nameof(MeetingReport.PdfUrl)] = $"/reports/meetings/{id}?format=pdf",
        };
        return await ReportResults.HtmlOrPdfAsync<MeetingReport>(http, parameters,
            ReportResults.FileName(meeting.ClientName ?? "meeting", MeetingRules.Label(meeting.Kind),
                meeting.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            string.Join(" · ", new[] { brand.ProviderName, $"{title}, {Infrastructure.Format.Date(meeting.Date)}" }
                .Where(p => !string.IsNullOrWhiteSpace(p))), ct);
    }
}
