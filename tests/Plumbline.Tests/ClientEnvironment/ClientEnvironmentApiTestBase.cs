using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Plumbline.Features.ClientEnvironment;
using Plumbline.Features.Clients;
using Plumbline.Features.Recommendations;
using Plumbline.Infrastructure;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.ClientEnvironment;

/// <summary>Contacts, sites, assets, their import, the lifecycle and its recommendations through the API (issue 17).</summary>
public abstract class ClientEnvironmentApiTestBase(PlumblineFactory factory)
{
    protected PlumblineFactory Factory => factory;

    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    protected async Task<(HttpClient Admin, ClientDetails Client)> ClientAsync(object? body = null)
    {
        var admin = await factory.AdminAsync();
        return (admin, await admin.CreateClientAsync(body));
    }
}

