using Microsoft.AspNetCore.WebUtilities;

namespace Plumbline.Infrastructure;

/// <summary>
/// The confirmation after an action: a page that did something sends the person on with <c>?done=</c> and what happened
/// ("User Jane Doe added"), and the page shows it in a status message (the <c>DoneNotice</c> component).
/// </summary>
public static class DoneMessage
{
    public const string Parameter = "done";

    /// <summary>The local URL with its done message replaced by this one.</summary>
    public static string AddTo(string url, string message)
    {
        var fragment = url.IndexOf('#') is var h and >= 0 ? url[h..] : "";
        url = url[..(url.Length - fragment.Length)];
        var (path, query) = url.IndexOf('?') is var i and >= 0 ? (url[..i], url[(i + 1)..]) : (url, "");
        var pairs = QueryHelpers.ParseQuery(query).Where(p => p.Key != Parameter)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))).ToList();
        pairs.Add(new(Parameter, message));
        return QueryHelpers.AddQueryString(path, pairs) + fragment;
    }
}
