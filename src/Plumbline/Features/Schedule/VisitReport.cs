using Microsoft.EntityFrameworkCore;
using Plumbline.Data;

namespace Plumbline.Features.Schedule;

/// <summary>Everything the visit page and the client's summary report show about one visit day.</summary>
public sealed record VisitDayModel(VisitDetails Visit, string SummaryNote, string? VcioName, IReadOnlyList<VisitItemDetails> Items,
    ReviewProgress? Review, DateOnly? NextVisitDate, IReadOnlyList<VisitDetails> LaterVisits, IReadOnlyList<VisitHandoff> Handoffs)
{
    /// <summary>What went to the service desk: its hand-offs from this visit, then the items typed on the day.</summary>
    public IReadOnlyList<string> HandedToServiceDesk =>
        [.. Handoffs.Where(h => h.Area == Plumbline.Features.Handoffs.HandoffArea.ServiceDesk).Select(h => h.Title),
            .. Of(VisitItemKind.ServiceDesk).Select(i => i.Text)];

    public IEnumerable<VisitItemDetails> Of(params VisitItemKind[] kinds) => Items.Where(i => kinds.Contains(i.Kind));

    public int DoneOf(params VisitItemKind[] kinds) => Of(kinds).Count(i => i.Done);
}

/// <summary>A follow-up created from this visit, routed to a delivery area (Features/Handoffs).</summary>
public sealed record VisitHandoff(Guid Id, string Title, Handoffs.HandoffArea Area, Handoffs.HandoffStatus Status);

/// <summary>How much of the linked review was done: answered (N/A included) out of what it asks, as a whole percentage.</summary>
public sealed record ReviewProgress(Guid Id, string Title, Reviews.ReviewStatus Status, int Answered, int InScope)
{
    public int Percent => InScope == 0 ? 0 : (int)Math.Round(100m * Answered / InScope, MidpointRounding.AwayFromZero);
}

public sealed class VisitReport(AppDbContext db, VisitService visits, VisitDay day)
{
    public static readonly VisitItemKind[] AgendaKinds = [VisitItemKind.DecisionMaker, VisitItemKind.ClientItem, VisitItemKind.Ticket,
        VisitItemKind.MoveAddChange, VisitItemKind.VcioMention];

    public static string Label(string kind) => kind switch
    {
        nameof(VisitItemKind.DecisionMaker) => "For the decision maker",
        nameof(VisitItemKind.ClientItem) => "The client's items",
        nameof(VisitItemKind.Ticket) => "Tickets",
        nameof(VisitItemKind.MoveAddChange) => "Moves, adds and changes",
        nameof(VisitItemKind.VcioMention) => "From the vCIO",
        nameof(VisitItemKind.Maintenance) => "Maintenance",
        nameof(VisitItemKind.ServiceDesk) => "Handed to the service desk",
        _ => kind,
    };

    public async Task<VisitDayModel?> LoadAsync(Guid id, CancellationToken ct)
    {
        var visit = await visits.GetAsync(id, ct);
        if (visit is null) return null;
        var note = await db.Visits.Where(v => v.Id == id).Select(v => v.SummaryNote).FirstAsync(ct);
        var vcio = await (from c in db.Clients join u in db.Users on c.VcioUserId equals u.Id where c.Id == visit.ClientId select u.Name)
            .FirstOrDefaultAsync(ct);
        var review = visit.ReviewId is { } rid
            ? await db.Reviews.AsNoTracking().Where(r => r.Id == rid)
                .Select(r => new ReviewProgress(r.Id, r.Title, r.Status, r.AnsweredCount, r.ItemCount)).FirstOrDefaultAsync(ct)
            : null;
        var next = visit.NextVisitId is { } nid ? await db.Visits.Where(v => v.Id == nid).Select(v => (DateOnly?)v.Date).FirstOrDefaultAsync(ct) : null;
        var later = await visits.RangeAsync(new VisitFilter(ClientId: visit.ClientId, From: visit.Date.AddDays(1), To: visit.Date.AddYears(1)), ct);
        var handoffs = await db.Handoffs.AsNoTracking().Where(h => h.VisitId == id).OrderBy(h => h.CreatedAt)
            .Select(h => new VisitHandoff(h.Id, h.Title, h.Area, h.Status)).ToListAsync(ct);
        return new VisitDayModel(visit, note, vcio, await day.ItemsAsync(id, ct), review, next,
            later.Where(v => v.Status.IsOpen()).Take(12).ToList(), handoffs);
    }
}

/// <summary>GET /reports/visits/{id}/summary: the visit summary as HTML, or PDF with ?format=pdf (the shared report machinery).</summary>
public static class VisitSummaryEndpoint
{
    public static IEndpointRouteBuilder MapVisitReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/visits/{id:guid}/summary", async (Guid id, HttpContext http, VisitReport report, Reports.ReportBrandingSource branding,
            TimeProvider clock, CancellationToken ct) =>
        {
            var model = await report.LoadAsync(id, ct);
            if (model is null) return Results.NotFound();
            var parameters = new Dictionary<string, object?>
            {
                ["Model"] = model,
                ["Branding"] = await branding.GetAsync(ct),
                ["SummaryNote"] = model.SummaryNote,
                ["PreparedOn"] = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            };
            return await Reports.ReportResults.HtmlOrPdfAsync<Pages.VisitSummaryReport>(http, parameters,
                Reports.ReportResults.FileName("visit-summary", model.Visit.ClientName,
                    model.Visit.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                $"Visit summary · {model.Visit.ClientName}", ct);
        }).RequireAuthorization(Accounts.Policies.SignedIn).ExcludeFromDescription();
        return app;
    }
}
