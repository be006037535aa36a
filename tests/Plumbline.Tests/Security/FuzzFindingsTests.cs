using System.Net;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>
/// Inputs the fuzz pass (FuzzTests) once answered with a 500, each kept as a case of its own so a regression names
/// itself. They run on both databases because some failures only happened on one of them.
/// </summary>
public abstract class FuzzFindingsTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_null_blackout_period_in_a_clients_availability_is_a_400_naming_it()
    {
        var admin = await factory.AdminAsync();
        var client = await admin.CreateClientAsync();

        await (await admin.PutRawAsync($"/api/v1/clients/{client.Id}/availability", """{"blackouts": [null, null]}""")).ValidationProblemAsync("blackouts[0]");
    }

    [Fact]
    public async Task A_null_role_when_adding_or_changing_a_user_is_a_400_naming_roles()
    {
        var admin = await factory.AdminAsync();
        var (_, user) = await factory.UserAsync("Tam");

        var body = $$"""{"email": "nr-{{Guid.NewGuid():N}}@provider.test", "name": "N", "password": "{{PlumblineFactory.Password}}", "roles": [null]}""";
        await (await admin.PostRawAsync("/api/v1/users", body)).ValidationProblemAsync("roles");
        await (await admin.PutRawAsync($"/api/v1/users/{user.Id}", """{"name": "Tam person", "roles": [null, null]}""")).ValidationProblemAsync("roles");
    }
}

public sealed class FuzzFindingsOnSqlite(SqliteFactory factory) : FuzzFindingsTests(factory), IClassFixture<SqliteFactory>;

public sealed class FuzzFindingsOnPostgres(PostgresFactory factory) : FuzzFindingsTests(factory), IClassFixture<PostgresFactory>;
