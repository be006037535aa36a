using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Plumbline.Tests.TestSupport;

/// <summary>One request a receiver got: its headers and the exact bytes of its body.</summary>
public sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// A webhook receiver on real Kestrel at 127.0.0.1 on a free port. It answers with the status chosen per request (1-based),
/// or, when hanging, never answers until the sender gives up or the receiver is disposed.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>The receiver's address without a path, for requests other than the webhook's.</summary>
    public string Root { get; private set; } = "";
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();
    /// <summary>Every other request that reached the receiver (method and path), for tests that expect none.</summary>
    public ConcurrentQueue<string> OtherRequests { get; } = new();
    public Func<int, int> StatusFor { get; set; } = _ => 200;
    public bool Hang { get; set; }
    public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<TestReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new TestReceiver(app);
        app.MapPost("/hook", (Delegate)((HttpContext context) => receiver.HandleAsync(context)));
        app.MapFallback((Delegate)((HttpContext context) =>
        {
            receiver.OtherRequests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return Results.NotFound();
        }));
        await app.StartAsync();
        receiver.Root = app.Urls.Single();
        receiver.Url = receiver.Root + "/hook";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        int number;
        lock (Requests) { Requests.Enqueue(new ReceivedRequest(headers, body.ToArray())); number = Requests.Count; }
        FirstRequest.TrySetResult();
        if (Hang) await _release.Task.WaitAsync(context.RequestAborted);
        return Results.StatusCode(StatusFor(number));
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
