using Microsoft.AspNetCore.Components;

namespace Plumbline.Components;

/// <summary>
/// The base of every feature component (Features/_Imports.razor): queries stop when the browser goes away. Components rendered
/// outside a request (report PDFs, e-mail bodies) have no HttpContext and run to the end.
/// </summary>
public abstract class RequestComponentBase : ComponentBase
{
    [CascadingParameter] private HttpContext? RequestContext { get; set; }

    protected CancellationToken RequestAborted => RequestContext?.RequestAborted ?? CancellationToken.None;
}
