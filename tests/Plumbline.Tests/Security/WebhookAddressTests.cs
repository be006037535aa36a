using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Features.Webhooks;
using Plumbline.Tests.TestSupport;
using Plumbline.Tests.Webhooks;

namespace Plumbline.Tests.Security;

/// <summary>
/// Webhook URLs are fetched by the server, so they must not reach its private neighbours (metadata service, database,
/// internal ports). This instance allows only a documentation network, not loopback, as a production instance would.
/// </summary>
public sealed class WebhookAddressTests : IAsyncLifetime
{
    private readonly DeliveryFactory _instance = new GuardedDeliveryFactory();

    private sealed class GuardedDeliveryFactory() : DeliveryFactory(TestDatabase.Sqlite)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Webhooks:AllowedNetworks:0", "192.0.2.0/24");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _instance.DisposeAsync();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:5432/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://0.0.0.0:80/hook")]
    public async Task Internal_addresses_are_refused_when_a_webhook_is_saved(string url)
    {
        var admin = await _instance.AdminAsync();

        var created = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "handoff.created" } });

        var problem = await created.ValidationProblemAsync("url");
        Assert.Contains("private or internal network", problem.ToString());
        var list = await (await admin.GetAsync("/api/v1/webhooks")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("\"url\"", list);
    }

    [Fact]
    public async Task Changing_a_webhook_to_an_internal_address_is_refused_and_the_allowed_network_is_accepted()
    {
        var admin = await _instance.AdminAsync();
        var allowed = await admin.CreateWebhookAsync("http://192.0.2.10/hook", WebhookEvents.HandoffCreated);

        var moved = await admin.PutAsJsonAsync($"/api/v1/webhooks/{allowed.Id}",
            new { url = "http://169.254.169.254/", events = new[] { "handoff.created" }, version = allowed.Version });

        await moved.ValidationProblemAsync("url");
        Assert.Equal("http://192.0.2.10/hook", (await (await admin.GetAsync($"/api/v1/webhooks/{allowed.Id}")).ReadAsync<WebhookDetails>()).Url);
    }

    [Fact]
    public async Task A_saved_url_that_now_points_inside_is_refused_at_connect_time_without_internal_detail()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var admin = await _instance.AdminAsync();
        var webhook = await admin.CreateWebhookAsync("http://192.0.2.10/hook", WebhookEvents.HandoffCreated);
        // As if the name had been re-pointed at an internal address after it was saved (DNS rebinding).
        using (var scope = _instance.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookSubscriptions.Where(w => w.Id == webhook.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Url, receiver.Url));
        await admin.CreateHandoffAsync((await admin.CreateClientAsync()).Id, "CentralizedServices");

        await _instance.Dispatcher.DeliverDueAsync(default);

        Assert.Empty(receiver.Requests);
        var delivery = Assert.Single((await admin.DeliveriesAsync(webhook.Id)).Items);
        Assert.Contains("private or internal network", delivery.LastError);
        Assert.DoesNotContain(new Uri(receiver.Url).Port.ToString(), delivery.LastError);
    }

    [Fact]
    public async Task A_closed_port_is_reported_without_saying_which_address_refused()
    {
        // The shared test setting allows loopback, as an admin's allow-list would for a PSA on their own network.
        await using var open = new DeliveryFactory(TestDatabase.Sqlite);
        var admin = await open.AdminAsync();
        var webhook = await admin.CreateWebhookAsync("http://127.0.0.1:9/closed", WebhookEvents.HandoffCreated);
        await admin.CreateHandoffAsync((await admin.CreateClientAsync()).Id, "CentralizedServices");

        await open.Dispatcher.DeliverDueAsync(default);

        var delivery = Assert.Single((await admin.DeliveriesAsync(webhook.Id)).Items);
        Assert.Equal("Could not reach the receiver: the connection failed.", delivery.LastError);
    }
}
