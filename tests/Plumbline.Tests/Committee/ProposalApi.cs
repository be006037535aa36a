using System.Net.Http.Json;
using System.Text.Json;

namespace Plumbline.Tests.Committee;

/// <summary>Calls of the proposals API that the committee's tests share.</summary>
public static class ProposalApi
{
    public const string Url = "/api/v1/standard-proposals";

    public static Task<HttpResponseMessage> ProposeAsync(HttpClient api, object body) => api.PostAsJsonAsync(Url, body);

    public static Task<HttpResponseMessage> DecideAsync(HttpClient api, Guid id, string decision, string? note = null, Guid? meetingId = null) =>
        api.PostAsJsonAsync($"{Url}/{id}/decision", new { decision, note, meetingId });

    public static Guid IdOf(JsonElement e) => e.GetProperty("id").GetGuid();

    public static object ChangeOf(Guid standardId, string question) => new
    {
        kind = "Change",
        standardId,
        proposed = new { question },
        rationale = "TAMs read 'every server' differently; name the drive and the threshold.",
    };
}
