using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Plumbline.Components;

namespace Plumbline.Tests.Infrastructure;

/// <summary>Feature components hand their queries the request's abort token, and run to the end outside a request.</summary>
public sealed class RequestComponentBaseTests
{
    [Fact]
    public async Task A_component_gets_the_token_of_the_request_it_renders_for()
    {
        using var aborted = new CancellationTokenSource();
        var http = new DefaultHttpContext { RequestAborted = aborted.Token };

        var html = await RenderAsync(b =>
        {
            b.OpenComponent<CascadingValue<HttpContext>>(0);
            b.AddComponentParameter(1, nameof(CascadingValue<HttpContext>.Value), http);
            b.AddComponentParameter(2, nameof(CascadingValue<HttpContext>.ChildContent), (RenderFragment)(c =>
            {
                c.OpenComponent<TokenProbe>(0);
                c.AddComponentParameter(1, nameof(TokenProbe.Expected), aborted.Token);
                c.CloseComponent();
            }));
            b.CloseComponent();
        });

        Assert.Equal("request", html);
    }

    [Fact]
    public async Task Without_a_request_the_token_never_cancels()
    {
        var html = await RenderAsync(b =>
        {
            b.OpenComponent<TokenProbe>(0);
            b.AddComponentParameter(1, nameof(TokenProbe.Expected), CancellationToken.None);
            b.CloseComponent();
        });

        Assert.Equal("request", html);
    }

    private static async Task<string> RenderAsync(RenderFragment fragment)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<FragmentHost>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Content"] = fragment })))
                .ToHtmlString());
    }

    private sealed class FragmentHost : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }

    /// <summary>Writes "request" when the base class hands out the expected token.</summary>
    private sealed class TokenProbe : RequestComponentBase
    {
        [Parameter] public CancellationToken Expected { get; set; }
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddContent(0, RequestAborted == Expected ? "request" : "other");
    }
}
