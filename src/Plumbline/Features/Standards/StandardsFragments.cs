using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Features.Standards.Pages;

namespace Plumbline.Features.Standards;

/// <summary>htmx fragments of the library pages: only the changed part of the page is sent.</summary>
public static class StandardsFragments
{
    public static IEndpointRouteBuilder MapStandardsFragments(this IEndpointRouteBuilder app)
    {
        // The editor posts its whole form as the person types; the linter's findings come back as HTML.
        app.MapPost("/library/lint", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var references = form.Keys.Count(k => k.StartsWith("Form.References[", StringComparison.Ordinal)
                && (k.EndsWith("].Authority", StringComparison.Ordinal) || k.EndsWith("].Citation", StringComparison.Ordinal))
                && !string.IsNullOrWhiteSpace(form[k]));
            var result = QuestionLinter.Lint(form["Form.Question"], form["Form.WhyWeAsk"], form["Form.HowToCheck"], references);
            return new RazorComponentResult<LintPanel>(new { Result = result });
        }).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }
}
