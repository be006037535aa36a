using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Plumbline.Features.Accounts;
using Plumbline.Features.Practice;
using Plumbline.Features.Practice.Pages;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Practice;

/// <summary>The dashboard card, rendered on its own as the practice dashboard will render it.</summary>
public sealed class SelfAssessmentCardTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task The_card_shows_the_latest_completed_score_its_change_and_a_link_to_answer_this_quarter()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var keys = (await (await admin.GetAsync("/api/v1/practice-assessments/2010-Q1")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("key").GetString()!).ToList();
        foreach (var (quarter, noCount) in new[] { ("2010-Q1", 5), ("2010-Q2", 0) })
        {
            for (var i = 0; i < keys.Count; i++)
                await (await admin.PutAsJsonAsync($"/api/v1/practice-assessments/{quarter}/answers/{keys[i]}", new { answer = i < noCount ? "No" : "Yes" }))
                    .ReadJsonAsync();
            await (await admin.PostAsync($"/api/v1/practice-assessments/{quarter}/complete", null)).ReadJsonAsync();
        }
        var before = PracticeRules.Score(keys.Count - 5, 5)!.Value;

        var lead = await RenderAsync(instance, Roles.ServiceLead);
        var tam = await RenderAsync(instance, Roles.Tam);

        Assert.Contains("100.0%", lead);
        Assert.Contains($"in 2010-Q2 · +{100 - before:0.0} points on 2010-Q1", System.Net.WebUtility.HtmlDecode(lead));
        Assert.Contains("<svg class=\"sparkline\"", lead);
        var current = (await (await admin.GetAsync("/api/v1/practice-assessments")).ReadJsonAsync()).GetProperty("currentQuarter").GetString();
        Assert.Contains($"href=\"/practice/self-assessment/{current}\"", lead);
        Assert.DoesNotContain($"href=\"/practice/self-assessment/{current}\"", tam);
        Assert.Contains("href=\"/practice/self-assessment\"", tam);
    }

    [Fact]
    public async Task Without_a_completed_quarter_the_card_says_so()
    {
        await using var instance = factory.NewInstance();
        await instance.AdminAsync();

        var html = await RenderAsync(instance, Roles.ServiceLead);

        Assert.Contains("No quarter has been completed yet.", html);
        Assert.DoesNotContain("<svg", html);
    }

    private static async Task<string> RenderAsync(PlumblineFactory instance, string role)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test")),
        };
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, NullLoggerFactory.Instance);
        RenderFragment card = b =>
        {
            b.OpenComponent<CascadingValue<HttpContext>>(0);
            b.AddComponentParameter(1, nameof(CascadingValue<HttpContext>.Value), http);
            b.AddComponentParameter(2, nameof(CascadingValue<HttpContext>.ChildContent), (RenderFragment)(c =>
            {
                c.OpenComponent<SelfAssessmentCard>(0);
                c.CloseComponent();
            }));
            b.CloseComponent();
        };
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<Host>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Content"] = card })))
                .ToHtmlString());
    }

    private sealed class Host : ComponentBase
    {
        [Parameter] public RenderFragment? Content { get; set; }
        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, Content);
    }
}
