using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Plumbline.Features.Schedule;

/// <summary>
/// Answers the anonymous feed address. Calendar programs poll it every hour or so, so each answer carries an ETag
/// and an unchanged feed costs a 304 with no body; HEAD is answered too, as some subscribers check with it first.
/// </summary>
internal static class CalendarFeedResponse
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static async Task<IResult> GetAsync(string token, CalendarFeeds feeds, HttpContext http, CancellationToken ct)
    {
        if (await feeds.IcsAsync(token, ct) is not { } ics)
        {
            // A calendar program gets a bare 404, not the people's not-found page (which answered HEAD with a 200).
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return TypedResults.NotFound();
        }
        var body = Encoding.UTF8.GetBytes(ics);
        var etag = new EntityTagHeaderValue($"\"{Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 18))}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // The address is a secret: shared caches keep no copy, and the subscriber asks again with its ETag.
        headers.CacheControl = new CacheControlHeaderValue { Private = true, NoCache = true };
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (!HttpMethods.IsHead(http.Request.Method)) return TypedResults.Bytes(body, ContentType);
        http.Response.ContentType = ContentType;
        http.Response.ContentLength = body.Length;
        return TypedResults.Empty;
    }
}
