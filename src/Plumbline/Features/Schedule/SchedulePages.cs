using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;
using Plumbline.Features.Schedule.Pages;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Schedule;

/// <summary>
/// The schedule page's "Plan the year" for htmx: planning takes seconds, so the page posts here and shows "Planning the year…" on
/// its button meanwhile; the answer is the result fragment. Without script the same form posts to the page itself.
/// </summary>
public static class SchedulePages
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/schedule/plan-year", PlanAsync).RequireAuthorization(Policies.PlanSchedule).ExcludeFromDescription()
            .RequireFormToken(_ => Fragment(null, "This page was open too long to plan from. Reload it and plan again."));

    private static async Task<RazorComponentResult<PlanResultView>> PlanAsync([FromForm(Name = "PlanYear")] int? year, PlanService planner,
        CancellationToken ct)
    {
        var outcome = await planner.PlanAsync(year, ct);
        return Fragment(outcome.Value, outcome.Errors is { Count: > 0 } e ? string.Join(" ", e.SelectMany(x => x.Value)) : outcome.Conflict);
    }

    private static RazorComponentResult<PlanResultView> Fragment(PlanSummary? result, string? error) =>
        new(new Dictionary<string, object?> { ["Result"] = result, ["Error"] = error });
}
