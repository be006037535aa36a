using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

public sealed class ErrorHandlingTests
{
    /// <summary>A clock that breaks once the app has started (start-up itself writes audited rows, such as the roles).</summary>
    private sealed class BrokenClock : TimeProvider
    {
        public bool Broken { get; set; }
        public override DateTimeOffset GetUtcNow() => Broken ? throw new InvalidOperationException("The clock is broken.") : System.GetUtcNow();
    }

    [Fact]
    public async Task An_unexpected_error_in_the_api_is_a_500_problem_that_hides_the_exception()
    {
        await using var instance = new PlumblineFactory();
        var clock = new BrokenClock();
        using var broken = instance.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = broken.CreateClient();
        clock.Broken = true;
        client.DefaultRequestHeaders.Authorization = new("Bearer", "any-token");

        var response = await client.PutAsync("/api/v1/standards/" + Guid.NewGuid(), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("clock", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
