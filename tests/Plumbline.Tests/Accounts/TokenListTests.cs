using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Accounts;

/// <summary>A person's own API tokens (API.md "Accounts and tokens") and an admin's view of anyone's sessions.</summary>
public abstract class TokenListTests(PlumblineFactory factory)
{
    private async Task<TokenResponse> IssueAsync(string email, string? name)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = PlumblineFactory.Password, name });
        return await response.ReadAsync<TokenResponse>();
    }

    [Fact]
    public async Task A_named_token_has_the_plb_prefix_and_shows_in_the_list_with_its_last_use()
    {
        var (_, user) = await factory.UserAsync("Tam");

        var issued = await IssueAsync(user.Email, "PSA connector");
        var client = factory.WithToken(issued.Token);
        var list = await (await client.GetAsync("/api/v1/auth/tokens")).ReadJsonAsync();

        Assert.StartsWith("plb_", issued.Token);
        Assert.Equal("PSA connector", issued.Name);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var mine = Assert.Single(items, t => t.GetProperty("id").GetGuid() == issued.Id);
        Assert.Equal("PSA connector", mine.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, mine.GetProperty("lastUsedAt").ValueKind);
        Assert.EndsWith("Z", mine.GetProperty("createdAt").GetString());
        Assert.Equal(issued.ExpiresAt, mine.GetProperty("expiresAt").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(2, list.GetProperty("total").GetInt32()); // the factory's own sign-in token and this one
        Assert.DoesNotContain(issued.Token, list.GetRawText());
        Assert.All(items, t => Assert.Equal(["createdAt", "expiresAt", "id", "lastUsedAt", "name"], t.EnumerateObject().Select(p => p.Name).Order()));
    }

    [Fact]
    public async Task A_token_without_a_name_gets_a_plain_one_and_a_long_or_multi_line_name_is_a_validation_problem()
    {
        var (_, user) = await factory.UserAsync("Tam");

        var unnamed = await IssueAsync(user.Email, null);
        var tooLong = await factory.CreateClient()
            .PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = PlumblineFactory.Password, name = new string('n', 101) });

        Assert.Equal(AccountsApi.DefaultTokenName, unnamed.Name);
        await tooLong.ValidationProblemAsync("name");
        await (await factory.CreateClient()
            .PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = PlumblineFactory.Password, name = "two\nlines" }))
            .ValidationProblemAsync("name");
    }

    [Fact]
    public async Task A_revoked_token_is_refused_on_the_next_request_and_the_others_keep_working()
    {
        var (_, user) = await factory.UserAsync("Tam");
        var keep = factory.WithToken((await IssueAsync(user.Email, "laptop script")).Token);
        var revoke = await IssueAsync(user.Email, "old script");

        var deleted = await keep.DeleteAsync($"/api/v1/auth/tokens/{revoke.Id}");
        var again = await keep.DeleteAsync($"/api/v1/auth/tokens/{revoke.Id}");

        await deleted.ExpectAsync(HttpStatusCode.NoContent);
        await (await factory.WithToken(revoke.Token).GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await keep.GetAsync("/api/v1/auth/tokens")).ExpectAsync(HttpStatusCode.OK);
        await again.ProblemAsync(HttpStatusCode.NotFound);
        await (await keep.DeleteAsync("/api/v1/auth/tokens/not-a-token-id")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_persons_token_cannot_be_revoked_or_listed()
    {
        var (_, owner) = await factory.UserAsync("Tam");
        var (stranger, _) = await factory.UserAsync("Admin");
        var theirs = await IssueAsync(owner.Email, "owner's script");

        var response = await stranger.DeleteAsync($"/api/v1/auth/tokens/{theirs.Id}");
        var list = await (await stranger.GetAsync("/api/v1/auth/tokens")).ReadAsync<PagedList<TokenDetails>>();

        await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(list.Items, t => t.Id == theirs.Id);
        await (await factory.WithToken(theirs.Token).GetAsync("/api/v1/auth/tokens")).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_sees_a_persons_sessions_and_tokens_and_ends_them_all()
    {
        var admin = await factory.AdminAsync();
        var (token, user) = await factory.UserAsync("Tam");
        var browser = await CookieBrowser.SignInAsync(factory, user.Email);

        var before = await (await admin.GetAsync($"/api/v1/users/{user.Id}/sessions")).ReadAsync<UserSessionsDetails>();
        var ended = await admin.DeleteAsync($"/api/v1/users/{user.Id}/sessions");
        var after = await (await admin.GetAsync($"/api/v1/users/{user.Id}/sessions")).ReadAsync<UserSessionsDetails>();

        var session = Assert.Single(before.Sessions.Items);
        Assert.StartsWith("Firefox on Windows", session.Device);
        Assert.Equal(1, before.Tokens.Total);
        await ended.ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal(0, after.Sessions.Total);
        Assert.Equal(0, after.Tokens.Total);
        Assert.False(await browser.IsSignedInAsync());
        await (await token.GetAsync("/api/v1/auth/tokens")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_OpenAPI_document_names_the_token_and_session_operations()
    {
        var document = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var ids = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _)))
            .Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        Assert.Contains("listApiTokens", ids);
        Assert.Contains("revokeApiToken", ids);
        Assert.Contains("listUserSessions", ids);
        Assert.Contains("endUserSessions", ids);
    }

    [Fact]
    public async Task Only_admins_see_or_end_sessions_and_an_unknown_user_is_not_found()
    {
        var admin = await factory.AdminAsync();
        var (tam, user) = await factory.UserAsync("Tam");

        await (await tam.GetAsync($"/api/v1/users/{user.Id}/sessions")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await tam.DeleteAsync($"/api/v1/users/{user.Id}/sessions")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/v1/users/nobody/sessions")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/v1/users/nobody/sessions")).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class TokenListOnSqlite(SqliteFactory factory) : TokenListTests(factory), IClassFixture<SqliteFactory>;

public sealed class TokenListOnPostgres(PostgresFactory factory) : TokenListTests(factory), IClassFixture<PostgresFactory>;
