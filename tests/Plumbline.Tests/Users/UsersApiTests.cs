using System.Net;
using System.Net.Http.Json;
using Plumbline.Features.Accounts;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Users;

public abstract class UsersApiTests(PlumblineFactory factory)
{
    private static object NewUser(string? email = null, string name = "Val Vcio", string[]? roles = null, string password = PlumblineFactory.Password) =>
        new
        {
            email = email ?? $"val-{Guid.NewGuid():N}@provider.test",
            name,
            password,
            roles = roles ?? ["Vcio"],
            workingDaysPerYear = 220,
            leaveDaysPerYear = 25
        };

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_be_read_back()
    {
        var admin = await factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", NewUser(roles: ["Tam", "Vcio"]));

        var created = await response.ReadAsync<UserDetails>(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/users/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(["Vcio", "Tam"], created.Roles);
        Assert.Equal(220, created.WorkingDaysPerYear);
        var read = await (await admin.GetAsync($"/api/v1/users/{created.Id}")).ReadAsync<UserDetails>();
        Assert.Equivalent(created, read, strict: true);
    }

    [Fact]
    public async Task The_user_list_is_paged_and_searchable_by_name_or_email()
    {
        var admin = await factory.AdminAsync();
        var surname = $"Quill{Guid.NewGuid():N}"[..12];
        foreach (var first in new[] { "Ada", "Bea", "Cy" })
            await (await admin.PostAsJsonAsync("/api/v1/users", NewUser(name: $"{first} {surname}"))).ExpectAsync(HttpStatusCode.Created);

        var page = await (await admin.GetAsync($"/api/v1/users?q={surname.ToLowerInvariant()}&page=2&pageSize=2")).ReadJsonAsync();

        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal($"Cy {surname}", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        var byEmail = await (await admin.GetAsync("/api/v1/users?q=ADMIN@PROVIDER")).ReadAsync<Paged<UserDetails>>();
        Assert.Equal(PlumblineFactory.AdminEmail, Assert.Single(byEmail.Items).Email);
    }

    [Fact]
    public async Task An_admin_updates_name_roles_and_capacity()
    {
        var admin = await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Tam");

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}",
            new { name = "Terry Tamsin", roles = new[] { "Tam", "ServiceLead" }, workingDaysPerYear = 225, leaveDaysPerYear = 30 });

        var updated = await response.ReadAsync<UserDetails>();
        Assert.Equal("Terry Tamsin", updated.Name);
        Assert.Equal(["Tam", "ServiceLead"], updated.Roles);
        Assert.Equal((225, 30), (updated.WorkingDaysPerYear, updated.LeaveDaysPerYear));
    }

    [Fact]
    public async Task An_admin_sets_a_new_password_and_only_the_new_one_works()
    {
        var admin = await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Tam");
        const string newPassword = "a brand new passphrase";

        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { name = user.Name, roles = user.Roles, password = newPassword }))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.False(string.IsNullOrEmpty(await factory.TokenAsync(user.Email, newPassword)));
        await (await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = PlumblineFactory.Password }))
            .ProblemAsync(HttpStatusCode.Unauthorized);
        await (await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}", new { name = user.Name, roles = user.Roles, password = "short" }))
            .ValidationProblemAsync("password");
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_cannot_create_or_change_users_but_can_list_them()
    {
        var vcio = await factory.SignedInAsAsync("Vcio");
        var (_, other) = await factory.UserAsync("Tam");

        await (await vcio.PostAsJsonAsync("/api/v1/users", NewUser())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await vcio.PutAsJsonAsync($"/api/v1/users/{other.Id}", new { name = "Renamed", roles = new[] { "Admin" } }))
            .ProblemAsync(HttpStatusCode.Forbidden);
        await (await vcio.GetAsync("/api/v1/users")).ExpectAsync(HttpStatusCode.OK);
        await (await factory.CreateClient().GetAsync("/api/v1/users")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-an-email", "Val Vcio", "Vcio", PlumblineFactory.Password, "email")]
    [InlineData(null, "", "Vcio", PlumblineFactory.Password, "name")]
    [InlineData(null, "Val Vcio", "Wizard", PlumblineFactory.Password, "roles")]
    [InlineData(null, "Val Vcio", "Vcio", "short", "password")]
    [InlineData("a-very-long-mailbox-name-repeated-a-very-long-mailbox-name-repeated-a-very-long-mailbox-name-repeated@" +
        "an-even-longer-domain-name-that-keeps-going-and-going.an-even-longer-domain-name-that-keeps-going-and-going." +
        "an-even-longer-domain-name-that-keeps-going-and-going.test", "Val Vcio", "Vcio", PlumblineFactory.Password, "email")]
    [InlineData(null, "Val Vcio", "Vcio", "aaaaaaaaaaaaaaaa", "password")]
    public async Task A_bad_field_is_a_validation_problem_that_names_it(string? email, string name, string role, string password, string field)
    {
        var admin = await factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", NewUser(email, name, [role], password));

        await response.ValidationProblemAsync(field);
    }

    [Fact]
    public async Task An_email_can_belong_to_one_user_only()
    {
        var admin = await factory.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/users", NewUser(email: PlumblineFactory.AdminEmail.ToUpperInvariant()));

        await response.ValidationProblemAsync("email");
    }

    [Fact]
    public async Task Too_long_names_no_roles_and_impossible_capacity_are_refused()
    {
        var admin = await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Tam");

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{user.Id}",
            new { name = new string('n', 201), roles = Array.Empty<string>(), workingDaysPerYear = 400, leaveDaysPerYear = -1 });

        var problem = await response.ValidationProblemAsync("name");
        foreach (var field in new[] { "roles", "workingDaysPerYear", "leaveDaysPerYear" })
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }

    [Fact]
    public async Task An_unknown_user_id_is_not_found()
    {
        var admin = await factory.AdminAsync();

        await (await admin.GetAsync("/api/v1/users/no-such-user")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync("/api/v1/users/no-such-user", new { name = "Nobody", roles = new[] { "Tam" } }))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_give_up_the_admin_role_or_be_locked()
    {
        await using var instance = factory.NewInstance();
        var admin = await instance.AdminAsync();
        var self = (await (await admin.GetAsync("/api/v1/users")).ReadAsync<Paged<UserDetails>>()).Items.Single();

        var demote = await admin.PutAsJsonAsync($"/api/v1/users/{self.Id}", new { name = self.Name, roles = new[] { "Vcio" } });
        var lockOut = await admin.PutAsJsonAsync($"/api/v1/users/{self.Id}", new { name = self.Name, roles = new[] { "Admin" }, lockedOut = true });

        await demote.ValidationProblemAsync("roles");
        await lockOut.ValidationProblemAsync("roles");
        var (_, second) = await instance.UserAsync("Admin");
        await (await admin.PutAsJsonAsync($"/api/v1/users/{self.Id}", new { name = self.Name, roles = new[] { "Vcio" } })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Admin"], second.Roles);
    }

    [Fact]
    public async Task An_update_without_roles_is_a_validation_problem_even_for_an_admin()
    {
        var admin = await factory.AdminAsync();
        var (_, other) = await factory.UserAsync("Admin");

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{other.Id}", new { name = "Still An Admin" });

        await response.ValidationProblemAsync("roles");
    }
}

public sealed class UsersApiOnSqlite(SqliteFactory factory) : UsersApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class UsersApiOnPostgres(PostgresFactory factory) : UsersApiTests(factory), IClassFixture<PostgresFactory>;
