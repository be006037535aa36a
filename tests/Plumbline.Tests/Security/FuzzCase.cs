using System.Net.Http.Headers;
using System.Text;

namespace Plumbline.Tests.Security;

/// <summary>One bad request: what it tries (for the failure report), where it goes and what it sends.</summary>
public sealed record FuzzCase(string Name, string Url, string? Body, string? ContentType, byte[]? Bytes = null)
{
    public HttpRequestMessage Request(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Url);
        if (Bytes is not null) request.Content = new ByteArrayContent(Bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(ContentType!) } };
        else if (Body is not null) request.Content = new StringContent(Body, Encoding.UTF8, ContentType!);
        return request;
    }
}
