using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Infrastructure;

public sealed class ErrorHandlingTests
{
    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("The clock is broken.");
    }

    [Fact]
    public async Task An_unexpected_error_in_the_api_is_a_500_problem_that_hides_the_exception()
    {
        await using var instance = new PlumblineFactory();
        using var broken = instance.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new BrokenClock())));
        var client = broken.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "any-token");

        var response = await client.PutAsync("/api/v1/standards/" + Guid.NewGuid(), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("clock", problem.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
