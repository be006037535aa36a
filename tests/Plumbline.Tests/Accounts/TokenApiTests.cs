using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

public sealed class TokenApiTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private async Task<string> NewUserEmailAsync()
    {
        var admin = await factory.AdminAsync();
        var email = $"tam-{Guid.NewGuid():N}@provider.test";
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, name = "Terry Tam", password = PlumblineFactory.Password, roles = new[] { "Tam" } });
        await response.ExpectAsync(HttpStatusCode.Created);
        return email;
    }

    [Fact]
    public async Task The_right_password_gets_a_bearer_token_that_opens_the_api()
    {
        var email = await NewUserEmailAsync();

        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = PlumblineFactory.Password });

        var token = await response.ReadAsync<TokenResponse>();
        Assert.False(string.IsNullOrWhiteSpace(token.Token));
        Assert.True(token.ExpiresAt > DateTime.UtcNow.AddDays(29));
        await (await factory.WithToken(token.Token).GetAsync("/api/v1/standards")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_unauthorized()
    {
        var email = await NewUserEmailAsync();

        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password entirely" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_email_is_unauthorized_like_a_wrong_password()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@nowhere.test", password = "whatever it is" });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = await NewUserEmailAsync();
        var client = factory.CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
            await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = $"wrong guess {attempt}" }))
                .ProblemAsync(HttpStatusCode.Unauthorized);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = PlumblineFactory.Password });

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(SignInCheck.Failed, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_absurdly_long_email_and_password_are_just_wrong()
    {
        var response = await factory.CreateClient()
            .PostAsJsonAsync("/api/v1/auth/token", new { email = new string('e', 5000) + "@x.test", password = new string('p', 100_000) });

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_missing_email_or_password_is_a_validation_problem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "", password = "" });

        await response.ValidationProblemAsync("email");
    }

    [Fact]
    public async Task Calls_without_a_token_or_with_an_unknown_token_are_unauthorized()
    {
        await (await factory.CreateClient().GetAsync("/api/v1/standards")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.WithToken("not-a-real-token").GetAsync("/api/v1/standards")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_stops_working_when_an_admin_locks_the_account()
    {
        var admin = await factory.AdminAsync();
        var (tam, user) = await factory.UserAsync("Tam");

        var locked = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { name = user.Name, roles = user.Roles, lockedOut = true });

        Assert.True((await locked.ReadAsync<UserDetails>()).LockedOut);
        await (await tam.GetAsync("/api/v1/standards")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
