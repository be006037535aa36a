using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>
/// Real objects for the security suite to aim at, so that allowed calls reach real handlers instead of stopping at
/// "not found": a client (whose TAM is the TAM caller), a small library, a review, a visit, a hand-off, a recommendation,
/// an initiative, and a separate user for the /users/{id} paths, so no call changes the callers themselves.
/// </summary>
public sealed class SecurityData
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public required HttpClient Admin { get; init; }
    public required IReadOnlyDictionary<string, HttpClient> Callers { get; init; }
    public required string TargetUserId { get; init; }
    public required Guid ClientId { get; init; }

    public static async Task<SecurityData> CreateAsync(PlumblineFactory factory)
    {
        var admin = await factory.AdminAsync();
        var callers = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        string? tamId = null, vcioId = null;
        foreach (var role in Roles.All)
        {
            var (caller, user) = role == Roles.Admin ? (admin, null) : await factory.UserAsync(role);
            callers[role] = caller;
            if (role == Roles.Tam) tamId = user!.Id;
            if (role == Roles.Vcio) vcioId = user!.Id;
        }
        var (_, target) = await factory.UserAsync(Roles.ReadOnly, "Target person");
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.ClientOfAsync(tamId!, visitsPerYear: 4);
        var review = await admin.CreateReviewAsync(client.Id, library.Ids);
        var visit = await admin.CreateVisitAsync(client.Id, ScheduleData.On(DayOfWeek.Tuesday, new DateOnly(ScheduleData.NextYear, 3, 1)));
        var handoff = await admin.CreateHandoffAsync(client.Id);
        var recommendation = await IdOfAsync(admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations", new { title = "Replace the firewall" }));
        var initiative = await IdOfAsync(admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/initiatives",
            new { name = "Security uplift", color = "#AA3300" }));

        var data = new SecurityData { Admin = admin, Callers = callers, TargetUserId = target.Id, ClientId = client.Id };
        data._ids["clients"] = client.Id.ToString();
        data._ids["sections"] = library.Section.Id.ToString();
        data._ids["categories"] = library.Category.Id.ToString();
        data._ids["standards"] = library[0].Id.ToString();
        data._ids["standardId"] = library[0].Id.ToString();
        data._ids["reviews"] = review.Id.ToString();
        data._ids["visits"] = visit.Id.ToString();
        data._ids["handoffs"] = handoff.Id.ToString();
        data._ids["recommendations"] = recommendation;
        data._ids["initiativeId"] = initiative;
        data._ids["users"] = target.Id;
        // A client's (or review's) TAM and vCIO must hold those roles.
        data._ids["tamUserId"] = tamId!;
        data._ids["vcioUserId"] = vcioId!;
        return data;
    }

    private static async Task<string> IdOfAsync(Task<HttpResponseMessage> request) =>
        (await (await request).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    /// <summary>
    /// The path with each {parameter} filled: a real object's id where the suite has one (by the parameter's name, or
    /// the collection the {id} follows), otherwise a fixed GUID that names nothing.
    /// </summary>
    public string Fill(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var start = segment.IndexOf('{');
            if (start < 0) continue;
            var name = segment[(start + 1)..segment.IndexOf('}')];
            var key = name == "id" && i > 0 ? segments[i - 1] : name;
            segments[i] = segment.Replace($"{{{name}}}", _ids.TryGetValue(key, out var id) ? id : Nothing);
        }
        return string.Join('/', segments);
    }

    /// <summary>A real id for a body field that names an object ("clientId", "tamUserId"), or null.</summary>
    public string? IdFor(string field) => field switch
    {
        "clientId" => _ids["clients"],
        "standardId" => _ids["standards"],
        "categoryId" => _ids["categories"],
        "sectionId" => _ids["sections"],
        "reviewId" => _ids["reviews"],
        "visitId" => _ids["visits"],
        "recommendationId" => _ids["recommendations"],
        "initiativeId" => _ids["initiativeId"],
        "tamUserId" or "vcioUserId" => _ids[field],
        "ownerUserId" or "userId" => _ids["users"],
        _ => null,
    };

    public const string Nothing = "7d5e0c52-4f8a-4c1e-9a41-0c2f1b9e6a11";

    public static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 300) body = body[..300] + "...";
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {body}";
    }

    public static bool IsProblem(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    /// <summary>The problem's detail, or "" when the body is not a problem.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        if (!IsProblem(response)) return "";
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }
}
