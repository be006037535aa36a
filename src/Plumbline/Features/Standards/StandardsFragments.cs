using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Features.Standards.Pages;

namespace Plumbline.Features.Standards;

/// <summary>htmx fragments of the library pages: only the changed part of the page is sent.</summary>
public static class StandardsFragments
{
    public static IEndpointRouteBuilder MapStandardsFragments(this IEndpointRouteBuilder app)
    {
        // The editor posts its whole form as the person types; the linter's findings and the closest standards come back as HTML.
        app.MapPost("/library/lint", async (HttpRequest request, SimilarStandards similar, Guid? standardId, CancellationToken ct) =>
        {
            var form = await request.ReadFormAsync();
            var references = form.Keys.Count(k => k.StartsWith("Form.References[", StringComparison.Ordinal)
                && (k.EndsWith("].Authority", StringComparison.Ordinal) || k.EndsWith("].Citation", StringComparison.Ordinal))
                && !string.IsNullOrWhiteSpace(form[k]));
            var result = QuestionLinter.Lint(form["Form.Question"], form["Form.WhyWeAsk"], form["Form.HowToCheck"], references);
            var closest = await similar.ClosestAsync(form["Form.Title"], form["Form.Question"], standardId, ct);
            return new RazorComponentResult<LintPanel>(new { Result = result, Similar = closest });
        }).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }
}
