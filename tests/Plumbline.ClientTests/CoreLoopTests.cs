using Plumbline.Client;
using Plumbline.Client.Models;
using Plumbline.Tests.TestSupport;

namespace Plumbline.ClientTests;

/// <summary>
/// What an integrator does first, only through the generated client: set up an empty instance, get a token and
/// build a library. Each test runs on an instance of its own, so setup is always the first call.
/// </summary>
public abstract class CoreLoopTests(PlumblineFactory factory)
{
    private const string Email = "integrator@provider.test";
    private const string Password = "correct horse battery staple";

    private static async Task<PlumblineClient> SetUpAsync(PlumblineFactory instance)
    {
        var anonymous = GeneratedClient.For(instance.CreateClient());
        await anonymous.Api.V1.Setup.PostAsync(new SetupRequest { ProviderName = "Northwind IT Partners", AdminEmail = Email, AdminPassword = Password, AdminName = "Ivy Integrator" });
        var token = await anonymous.Api.V1.Auth.Token.PostAsync(new TokenRequest { Email = Email, Password = Password });
        Assert.False(string.IsNullOrEmpty(token?.Token));
        return GeneratedClient.For(instance.CreateClient(), token!.Token);
    }

    [Fact]
    public async Task An_integrator_sets_up_an_instance_and_builds_a_library()
    {
        await using var instance = factory.NewInstance();
        var api = await SetUpAsync(instance);

        await api.Api.V1.Sections.PostAsync(new SectionRequest { Name = "Network", Order = 1 });
        var section = Assert.Single((await api.Api.V1.Sections.GetAsync())!);
        await api.Api.V1.Categories.PostAsync(new CategoryRequest { SectionId = section.Id, Name = "Firewalls", ReviewIntervalMonths = 3 });
        var category = Assert.Single((await api.Api.V1.Categories.GetAsync())!);
        await api.Api.V1.Standards.PostAsync(new StandardRequest
        {
            CategoryId = category.Id, Code = "FW1", Title = "Firewall firmware", Priority = "High", Kind = "Technology", Status = "Active",
            Question = "Is the firewall firmware on a release the vendor still supports?",
            WhyWeAsk = "Unsupported firmware gets no security fixes.",
            HowToCheck = "Compare the firmware version on the firewall's status page with the vendor's support list.",
            References = [new ReferenceDto { Authority = "CIS Controls v8", Citation = "Safeguard 12.1", Url = "https://www.cisecurity.org/controls" }],
        });

        var standards = await api.Api.V1.Standards.GetAsync(r => r.QueryParameters.CategoryId = category.Id);

        var standard = Assert.Single(standards!.Items!);
        Assert.Equal(("FW1", 1, 1), (standard.Code, standard.Revision, standards.Total));
        Assert.Equal(3, standard.EffectiveReviewIntervalMonths);
    }
}

public sealed class SqliteCoreLoopTests(SqliteFactory factory) : CoreLoopTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresCoreLoopTests(PostgresFactory factory) : CoreLoopTests(factory), IClassFixture<PostgresFactory>;
