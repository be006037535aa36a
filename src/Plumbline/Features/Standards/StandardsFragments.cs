using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Plumbline.Features.Accounts;
using Plumbline.Features.Standards.Pages;

namespace Plumbline.Features.Standards;

/// <summary>htmx fragments of the library pages: only the changed part of the page is sent.</summary>
public static class StandardsFragments
{
    public static IEndpointRouteBuilder MapStandardsFragments(this IEndpointRouteBuilder app)
    {
        // The editor posts its form as the person types; the linter's findings come back as HTML.
        app.MapPost("/library/lint", ([FromForm] LintForm form) =>
        {
            var references = form.Authority?.Count(a => !string.IsNullOrWhiteSpace(a)) ?? 0;
            var result = QuestionLinter.Lint(form.Question, form.WhyWeAsk, form.HowToCheck, references);
            return new RazorComponentResult<LintPanel>(new { Result = result });
        }).RequireAuthorization(Policies.SignedIn);
        return app;
    }

    public sealed class LintForm
    {
        public string? Question { get; set; }
        public string? WhyWeAsk { get; set; }
        public string? HowToCheck { get; set; }
        public List<string>? Authority { get; set; }
    }
}
