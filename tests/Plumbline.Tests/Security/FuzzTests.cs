using System.Diagnostics;
using System.Net;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;
using Xunit.Abstractions;

namespace Plumbline.Tests.Security;

/// <summary>
/// A bounded, deterministic fuzz pass over every operation of the live OpenAPI document that takes a body, path or
/// query parameters (FuzzCases): no answer may be a 5xx, every 4xx is a problem (application/problem+json), and where
/// a change was refused the object reads back unchanged. Mostly as an admin, and a sample as the narrowest role allowed.
/// Runs on SQLite and PostgreSQL, whose string and constraint checks differ. The calls change data: an instance of its own.
/// </summary>
public abstract class FuzzTests(PlumblineFactory factory, ITestOutputHelper output)
{
    [Fact]
    public async Task No_bad_input_gets_a_5xx_and_every_refusal_is_a_problem()
    {
        var (document, operations) = await ApiSurface.ReadAsync(factory);
        var data = await SecurityData.CreateAsync(factory);
        var cases = new FuzzCases(document.GetProperty("components").GetProperty("schemas"), data);
        var readable = operations.Where(o => o.Method == "GET").Select(o => o.Path).ToHashSet();
        var wrong = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var (requests, narrow, readBacks, fuzzed) = (0, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        var plausible = new List<string>();

        // Deletions go last so the other operations still find the objects they aim at.
        foreach (var operation in operations.OrderBy(o => o.Method == "DELETE"))
        {
            var list = cases.For(operation);
            if (list.Count == 0) continue;
            fuzzed++;
            var narrowest = Narrowest(operation);
            // A refused change must leave the object as it was: checked, for every third case, where the same path can be read back.
            var readBack = operation.Method is "PUT" or "PATCH" && readable.Contains(operation.Path) && !operation.Anonymous;
            for (var i = 0; i < list.Count; i++)
            {
                var fuzz = list[i];
                var check = readBack && i % 3 == 0;
                await SendAsync(data.Admin, "admin");
                if (narrowest is not null && i % 8 == 0)
                {
                    narrow++;
                    await SendAsync(data.Callers[narrowest], narrowest);
                }

                async Task SendAsync(HttpClient caller, string who)
                {
                    var before = check ? await ReadAsync(data.Admin, fuzz.Url) : null;
                    using var response = await caller.SendAsync(fuzz.Request(operation.Method));
                    requests++;
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (fuzz.Name == FuzzCases.Plausible && who == "admin")
                        plausible.Add($"{operation.OperationId} {await SecurityData.DescribeAsync(response)}");
                    // The calendar feed answers calendar programs, not API clients: its 404 is a bare status by design.
                    var api = operation.Path.StartsWith("/api/", StringComparison.Ordinal);
                    if (status >= 500 || (status >= 400 && api && !SecurityData.IsProblem(response)))
                        wrong.Add($"{operation} [{fuzz.Name}] as {who}: {await SecurityData.DescribeAsync(response)}");
                    else if (before is not null && status >= 400)
                    {
                        readBacks++;
                        if (await ReadAsync(data.Admin, fuzz.Url) is var after && after != before)
                            wrong.Add($"{operation} [{fuzz.Name}] as {who}: refused with {status} but changed the object:\n" +
                                $"    before {before}\n    after  {after}");
                    }
                }
            }
        }

        var summary = $"Fuzzed {fuzzed} of {operations.Count} operations on {factory.Database} with {requests} requests ({narrow} as the narrowest " +
            $"allowed role, {readBacks} refusals read back) in {clock.Elapsed.TotalSeconds:0.0} s; answers: " +
            string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"));
        output.WriteLine(summary);
        var accepted = plausible.Count(p => p.Split(' ')[1].StartsWith('2'));
        output.WriteLine("The plausible body of each operation got:\n" + string.Join("\n", plausible));
        Assert.True(wrong.Count == 0,
            $"{summary}\n{wrong.Count} answers were a 5xx, a 4xx without a problem body, or a refusal that changed data:\n" +
            string.Join("\n", wrong.Take(80)) + (wrong.Count > 80 ? $"\n...and {wrong.Count - 80} more" : ""));
        // Each case changes one field of a valid body; if most plausible bodies were refused, the cases would only test validation of other fields.
        Assert.True(accepted * 2 >= plausible.Count,
            $"Only {accepted} of {plausible.Count} plausible bodies were accepted (FuzzCases.GoodValues needs a value for a new rule):\n" +
            string.Join("\n", plausible.Where(p => !p.Split(' ')[1].StartsWith('2'))));
    }

    /// <summary>The least powerful role the operation allows besides admins: the one most likely to be forgotten in a check.</summary>
    private static string? Narrowest(ApiOperation operation) =>
        operation.Anonymous ? null
            : operation.Allows(Roles.ReadOnly) ? Roles.ReadOnly
            : new[] { Roles.ServiceDesk, Roles.DesignDesk, Roles.Tam, Roles.ServiceLead, Roles.Vcio }.FirstOrDefault(operation.Allows);

    private static async Task<string?> ReadAsync(HttpClient admin, string url)
    {
        using var response = await admin.GetAsync(url.Split('?')[0]);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
    }
}

public sealed class FuzzOnSqlite(SqliteFactory factory, ITestOutputHelper output) : FuzzTests(factory, output), IClassFixture<SqliteFactory>;

public sealed class FuzzOnPostgres(PostgresFactory factory, ITestOutputHelper output) : FuzzTests(factory, output), IClassFixture<PostgresFactory>;
