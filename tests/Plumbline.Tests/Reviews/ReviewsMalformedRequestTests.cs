using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>Client and review ids in the path that are not ids at all. Broken bodies are covered with every endpoint in
/// Infrastructure/MalformedRequestTests.</summary>
public sealed class ReviewsMalformedRequestTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("/api/v1/reviews/not-a-guid")]
    [InlineData("/api/v1/reviews/not-a-guid/score")]
    [InlineData("/api/v1/clients/not-a-guid/due")]
    [InlineData("/api/v1/evidence/not-a-guid")]
    public async Task An_id_that_is_not_a_guid_is_not_found(string path)
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync(path)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
