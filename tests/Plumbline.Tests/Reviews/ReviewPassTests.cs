using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Reviews;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Reviews;

/// <summary>What the tests of both passes share: a client with a small library and a review of all of it.</summary>
public abstract class ReviewPassTests(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;

    protected static readonly DateOnly Visit = ReviewData.VisitDay;

    protected async Task<(HttpClient Admin, TestLibrary Library, ReviewDetails Review)> ReviewAsync(params string[] priorities)
    {
        var admin = await Factory.AdminAsync();
        var library = await admin.CreateLibraryAsync(priorities.Length == 0 ? ["High", "Medium", "Low"] : priorities);
        var client = await admin.CreateClientAsync();
        return (admin, library, await admin.CreateReviewAsync(client.Id, library.Ids, Visit));
    }

    protected static async Task<ReviewSummary> SummaryAsync(HttpClient api, ReviewDetails review) =>
        (await (await api.GetAsync($"/api/v1/reviews?clientId={review.ClientId}")).ReadAsync<Paged<ReviewSummary>>()).Items.Single(r => r.Id == review.Id);
}
