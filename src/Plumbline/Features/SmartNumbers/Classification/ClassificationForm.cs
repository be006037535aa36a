using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Plumbline.Features.Accounts;

namespace Plumbline.Features.SmartNumbers.Classification;

/// <summary>The settings page's lists as its form sends them: the ticked values and one added value per list.</summary>
public static class ClassificationForm
{
    public const string WorkTypes = "reactiveWorkTypes";
    public const string Boards = "reactiveBoards";
    public const string TicketTypes = "reactiveTicketTypes";

    /// <summary>The ticked values plus the typed ones; a blank "add" box adds nothing.</summary>
    public static ClassificationRequest Read(Func<string, StringValues> field)
    {
        List<string> List(string name) =>
            [.. field(name).Select(v => v ?? ""), .. field("add-" + name).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)];
        return new ClassificationRequest(List(WorkTypes), List(Boards), List(TicketTypes));
    }

    /// <summary>GET /settings/smart-numbers/preview: the page's live preview, re-rendered as the person ticks values.</summary>
    public static IEndpointRouteBuilder MapClassificationPreview(this IEndpointRouteBuilder app)
    {
        app.MapGet("/settings/smart-numbers/preview", async (HttpRequest request, ClassificationService service, CancellationToken ct) =>
        {
            var (clean, errors) = ClassificationService.Check(Read(name => request.Query[name]));
            return clean is null
                ? new RazorComponentResult<ClassificationPreview>(new { Errors = errors })
                : new RazorComponentResult<ClassificationPreview>(new { Values = await service.ValuesAsync(clean, ct) });
        }).RequireAuthorization(Policies.ManageSmartNumbers).ExcludeFromDescription();
        return app;
    }
}
