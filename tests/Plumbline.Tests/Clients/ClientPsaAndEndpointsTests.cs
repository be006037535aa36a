using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Clients;

/// <summary>What smart numbers (issue 12) keep on a client: its company in the PSA and its endpoints month by month.</summary>
public abstract class ClientPsaAndEndpointsTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_client_keeps_its_psa_company_and_no_two_clients_share_one_in_any_spelling()
    {
        var admin = await factory.AdminAsync();
        var psa = LibraryData.UniqueName("CW");

        var created = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name = LibraryData.UniqueName("Fabrikam"), psaCompanyId = $"  {psa}  " }))
            .ReadJsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(psa, created.GetProperty("psaCompanyId").GetString());
        Assert.Equal(psa, (await (await admin.GetAsync($"/api/v1/clients/{id}")).ReadJsonAsync()).GetProperty("psaCompanyId").GetString());

        var clash = await admin.PostAsJsonAsync("/api/v1/clients", new { name = LibraryData.UniqueName("Other"), psaCompanyId = psa.ToUpperInvariant() });
        var problem = await clash.ValidationProblemAsync("psaCompanyId");
        Assert.Contains(created.GetProperty("name").GetString()!, problem.GetProperty("errors").GetProperty("psaCompanyId")[0].GetString());

        // Saving the client itself with its own PSA company is no clash.
        var own = await admin.PutAsJsonAsync($"/api/v1/clients/{id}", new { name = created.GetProperty("name").GetString(), psaCompanyId = psa });
        await own.ReadJsonAsync();
        var cleared = await (await admin.PutAsJsonAsync($"/api/v1/clients/{id}", new { name = created.GetProperty("name").GetString() })).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("psaCompanyId").ValueKind);
    }

    [Fact]
    public async Task Saving_a_client_records_its_endpoints_for_the_month_only_when_they_change()
    {
        var admin = await factory.AdminAsync();
        var name = LibraryData.UniqueName("Northwind");
        var id = (await (await admin.PostAsJsonAsync("/api/v1/clients", new { name, workstations = 20, servers = 2 }))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await admin.PutAsJsonAsync($"/api/v1/clients/{id}", new { name, workstations = 20, servers = 2, mrr = 5000 })).ReadJsonAsync();

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var month = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        var history = await db.ClientEndpointCounts.Where(h => h.ClientId == id).ToListAsync();
        Assert.Equal(22, Assert.Single(history).Endpoints);
        Assert.Equal(month, history[0].Month);

        await (await admin.PutAsJsonAsync($"/api/v1/clients/{id}", new { name, workstations = 20, servers = 2, endpoints = 30 })).ReadJsonAsync();
        db.ChangeTracker.Clear();
        Assert.Equal(30, Assert.Single(await db.ClientEndpointCounts.Where(h => h.ClientId == id).ToListAsync()).Endpoints);
    }
}

public sealed class ClientPsaAndEndpointsOnSqlite(SqliteFactory factory) : ClientPsaAndEndpointsTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientPsaAndEndpointsOnPostgres(PostgresFactory factory) : ClientPsaAndEndpointsTests(factory), IClassFixture<PostgresFactory>;
