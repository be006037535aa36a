using System.Net;
using System.Text;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>
/// Calls every operation of the live OpenAPI document as an anonymous caller and as a user of each role, and checks
/// that what happens is what the document's x-plumbline-roles promise: anonymous callers get 401, roles outside the
/// list 403, roles inside it are never refused for their role. The calls change data, so the class has an instance of its own.
/// </summary>
public sealed class AccessMatrixTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    /// <summary>The only operations that need no sign-in, and why.</summary>
    private static readonly Dictionary<string, string> AnonymousOperations = new(StringComparer.Ordinal)
    {
        ["GET /health"] = "load balancers and monitoring cannot sign in",
        ["GET /health/live"] = "a process supervisor cannot sign in",
        ["HEAD /health/live"] = "a process supervisor cannot sign in",
        ["GET /health/ready"] = "load balancers cannot sign in",
        ["HEAD /health/ready"] = "load balancers cannot sign in",
        ["POST /api/v1/setup"] = "first-run setup creates the first user; it answers 409 once there is one",
        ["POST /api/v1/auth/token"] = "signing in is how a token is had",
        ["GET /calendar/{token}.ics"] = "calendar programs cannot sign in; the secret address is the key",
    };

    /// <summary>
    /// Handlers that check the resource itself on top of the role, so a role inside the list may still get 403 here, but
    /// only with that handler's own refusal: (operation id, how its detail starts, why).
    /// </summary>
    private static readonly (string OperationId, string Detail, string Why)[] ResourceChecks =
    [
        ("addLeave", "Only planners", "people keep their own leave; the path names another user"),
        ("deleteLeave", "Only planners", "people keep their own leave; the path names another user"),
        ("getUserCalendarFeed", "Only the TAM whose visits", "a feed's address is its key: the person and admins only"),
        ("renewUserCalendarFeed", "Only the TAM whose visits", "a feed's address is its key: the person and admins only"),
        ("getClientCalendarFeed", "Only the TAM whose visits", "a client's feed: the client's TAM and admins only"),
        ("renewClientCalendarFeed", "Only the TAM whose visits", "a client's feed: the client's TAM and admins only"),
        ("updateHandoff", "Only the ", "a hand-off is worked by its queue's people, its owner, service leads and admins"),
    ];

    [Fact]
    public async Task Only_the_listed_operations_are_anonymous_and_every_other_one_answers_401_without_a_token()
    {
        var (_, operations) = await ApiSurface.ReadAsync(factory);
        var data = await SecurityData.CreateAsync(factory);
        var anonymous = factory.CreateClient();
        var wrong = new List<string>();

        Assert.Equal(AnonymousOperations.Keys.Order(), operations.Where(o => o.Anonymous).Select(o => $"{o.Method} {o.Path}").Order());
        foreach (var operation in operations.Where(o => !o.Anonymous))
        {
            using var response = await anonymous.SendAsync(Request(operation, data));
            if (response.StatusCode != HttpStatusCode.Unauthorized || !SecurityData.IsProblem(response))
                wrong.Add($"{operation}: {await SecurityData.DescribeAsync(response)}");
        }
        foreach (var operation in operations.Where(o => o.Anonymous))
        {
            using var response = await anonymous.SendAsync(Request(operation, data));
            if ((int)response.StatusCode >= 500) wrong.Add($"{operation}: {await SecurityData.DescribeAsync(response)}");
        }
        Assert.True(wrong.Count == 0, $"Protected operations that did not answer 401 with a problem, or open ones that failed:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public async Task Each_role_is_refused_outside_its_documented_roles_and_never_refused_inside_them()
    {
        var (_, operations) = await ApiSurface.ReadAsync(factory);
        var data = await SecurityData.CreateAsync(factory);
        var wrong = new List<string>();
        var calls = 0;
        var reached = new HashSet<string>();

        // Deletions go last so the other operations still find the objects; the admin goes last within each operation.
        foreach (var operation in operations.Where(o => !o.Anonymous).OrderBy(o => o.Method == "DELETE"))
            foreach (var role in Roles.All.Where(r => !operation.Allows(r)).Concat(Roles.All.Where(operation.Allows).OrderBy(r => r == Roles.Admin)))
            {
                using var response = await data.Callers[role].SendAsync(Request(operation, data));
                calls++;
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 300) reached.Add(operation.OperationId);
                if (!operation.Allows(role))
                {
                    if (response.StatusCode != HttpStatusCode.Forbidden || !SecurityData.IsProblem(response))
                        wrong.Add($"{operation} as {role} (not allowed): {await SecurityData.DescribeAsync(response)}");
                }
                else if (status >= 500 || response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Forbidden && !await ResourceCheckAsync(operation, role, response)))
                    wrong.Add($"{operation} as {role} (allowed): {await SecurityData.DescribeAsync(response)}");
            }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {calls} calls disagree with x-plumbline-roles:\n{string.Join("\n", wrong)}");
        // The calls aim at real objects; if most stopped at "not found" or validation, the test would prove little.
        Assert.True(reached.Count >= operations.Count / 3, $"Only {reached.Count} of {operations.Count} operations succeeded for any allowed role.");
    }

    private static async Task<bool> ResourceCheckAsync(ApiOperation operation, string role, HttpResponseMessage response)
    {
        if (role == Roles.Admin) return false;
        var detail = await SecurityData.DetailAsync(response);
        return ResourceChecks.Any(c => c.OperationId == operation.OperationId && detail.StartsWith(c.Detail, StringComparison.Ordinal));
    }

    /// <summary>The operation with real ids in its path and the smallest body it takes: {} for JSON, empty otherwise.</summary>
    internal static HttpRequestMessage Request(ApiOperation operation, SecurityData data)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), data.Fill(operation.Path));
        if (operation.JsonBody is not null) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        else if (operation.BodyTypes.Count > 0) request.Content = new ByteArrayContent([]) { Headers = { ContentType = new(operation.BodyTypes[0]) } };
        return request;
    }
}
