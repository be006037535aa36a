using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Clients;

/// <summary>A client's TAM must have the TAM role and its vCIO the vCIO role, in the API, on reviews and in the pickers.</summary>
public abstract partial class ClientRoleTests(PlumblineFactory factory)
{
    [Fact]
    public async Task A_client_refuses_a_tam_without_the_tam_role_and_a_vcio_without_the_vcio_role_naming_the_field()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam", "Terry Tam");
        var (_, vcio) = await factory.UserAsync("Vcio", "Val Vcio");
        var name = LibraryData.UniqueName("Client");

        var swapped = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name, tamUserId = vcio.Id, vcioUserId = tam.Id }))
            .ValidationProblemAsync("tamUserId");
        var client = await admin.CreateClientAsync(new { name, tamUserId = tam.Id, vcioUserId = vcio.Id });
        var update = await (await admin.PutAsJsonAsync($"/api/v1/clients/{client.Id}", new { name, vcioUserId = tam.Id }))
            .ValidationProblemAsync("vcioUserId");

        var errors = swapped.GetProperty("errors");
        Assert.Contains("Val Vcio does not have the TAM role", errors.GetProperty("tamUserId")[0].GetString());
        Assert.Contains("Terry Tam does not have the vCIO role", errors.GetProperty("vcioUserId")[0].GetString());
        Assert.Contains("Terry Tam does not have the vCIO role", update.GetProperty("errors").GetProperty("vcioUserId")[0].GetString());
    }

    [Fact]
    public async Task A_review_refuses_a_tam_or_vcio_without_the_role()
    {
        var admin = await factory.AdminAsync();
        var (_, tam) = await factory.UserAsync("Tam");
        var (_, desk) = await factory.UserAsync("ServiceDesk");
        var client = await admin.CreateClientAsync();
        var standard = await admin.CreateStandardAsync();

        await (await admin.PostReviewAsync(client.Id, [standard.Id], tamUserId: desk.Id)).ValidationProblemAsync("tamUserId");
        await (await admin.PostReviewAsync(client.Id, [standard.Id], vcioUserId: tam.Id)).ValidationProblemAsync("vcioUserId");
        await (await admin.PostReviewAsync(client.Id, [standard.Id], tamUserId: tam.Id)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_client_editor_lists_only_people_with_the_role_in_each_picker()
    {
        var admin = await factory.AdminAsync();
        var tamName = LibraryData.UniqueName("Tam");
        var vcioName = LibraryData.UniqueName("Vcio");
        await factory.UserAsync("Tam", tamName);
        await factory.UserAsync("Vcio", vcioName);

        var html = WebUtility.HtmlDecode(await (await admin.GetAsync("/clients/new")).ExpectAsync(HttpStatusCode.OK));

        var tams = Select().Match(html[html.IndexOf("id=\"tam\"", StringComparison.Ordinal)..]).Value;
        var vcios = Select().Match(html[html.IndexOf("id=\"vcio\"", StringComparison.Ordinal)..]).Value;
        Assert.Contains(tamName, tams);
        Assert.DoesNotContain(vcioName, tams);
        Assert.Contains(vcioName, vcios);
        Assert.DoesNotContain(tamName, vcios);
        Assert.DoesNotContain("Alex Admin", tams + vcios);
    }

    [GeneratedRegex("^.*?</select>", RegexOptions.Singleline)]
    private static partial Regex Select();
}

public sealed class ClientRolesOnSqlite(SqliteFactory factory) : ClientRoleTests(factory), IClassFixture<SqliteFactory>;

public sealed class ClientRolesOnPostgres(PostgresFactory factory) : ClientRoleTests(factory), IClassFixture<PostgresFactory>;
