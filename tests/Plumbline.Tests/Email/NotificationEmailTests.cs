using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Features.Email;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Email;

/// <summary>
/// Notification e-mails through the real SMTP server: at once by default, off or in a daily summary by choice, and Monday's
/// "due this week".
/// </summary>
public sealed class NotificationEmailTests(SqliteEmailFactory factory) : IClassFixture<SqliteEmailFactory>
{
    private static async Task<int> QueueDigestsAsync(PlumblineFactory instance)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailDigests>().QueueDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_handoff_given_to_me_is_emailed_at_once_with_an_absolute_link()
    {
        var admin = await factory.AdminAsync();
        await Mailbox.UseTestServerAsync(factory.Services);
        var (_, tam) = await factory.UserAsync("Tam", "Hana Handoff");
        var client = await admin.CreateClientAsync();

        var handoff = await admin.CreateHandoffAsync(client.Id, "Tam", title: "Replace the printer", ownerUserId: tam.Id);
        await factory.SendDueAsync();
        var message = await Mailbox.WaitForAsync(tam.Email);

        Assert.Equal("A hand-off was given to you: Replace the printer", message.Subject);
        Assert.Contains("Hello Hana Handoff,", message.TextBody);
        Assert.Contains($"{EmailFactory.PublicUrl}/handoffs/{handoff.Id}", message.TextBody);
        Assert.Contains($"href=\"{EmailFactory.PublicUrl}/handoffs/{handoff.Id}\"", message.HtmlBody);
        Assert.Contains($"{EmailFactory.PublicUrl}/account", message.TextBody);
        await using var scope = factory.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<Plumbline.Data.AppDbContext>().EmailMessages.AsNoTracking()
            .SingleAsync(m => m.UserId == tam.Id && m.Status == EmailStatus.Sent);
        Assert.Equal((tam.Email, "Hana Handoff"), (row.To, row.ToName));
    }

    [Fact]
    public async Task The_person_who_handed_off_is_emailed_when_it_is_done()
    {
        await factory.AdminAsync();
        await Mailbox.UseTestServerAsync(factory.Services);
        var (tamClient, tam) = await factory.UserAsync("Tam", "Dora Delegate");
        var (desk, _) = await factory.UserAsync("ServiceDesk", "Sam Solver");
        var client = await (await factory.AdminAsync()).CreateClientAsync();
        var handoff = await tamClient.CreateHandoffAsync(client.Id, title: "Swap the broken dock");

        await (await desk.PatchHandoffAsync(handoff.Id, new { status = "Done" })).ExpectAsync(HttpStatusCode.OK);
        await factory.SendDueAsync();
        var message = await Mailbox.WaitForAsync(tam.Email);

        Assert.Equal("Done: Swap the broken dock (finished by Sam Solver)", message.Subject);
        Assert.Contains($"{EmailFactory.PublicUrl}/handoffs/{handoff.Id}", message.TextBody);
    }

    [Fact]
    public async Task Off_sends_nothing_and_daily_collects_the_day_into_one_summary()
    {
        var admin = await factory.AdminAsync();
        await Mailbox.UseTestServerAsync(factory.Services);
        var (_, tam) = await factory.UserAsync("Tam", "Dana Daily");
        var browser = await CookieBrowser.SignInAsync(factory, tam.Email);
        var before = await (await browser.GetAsync("/account")).ExpectAsync(HttpStatusCode.OK);
        var saved = await browser.SubmitAsync("/account", "/account", new()
        {
            ["Email.ReviewSubmitted"] = "AtOnce",
            ["Email.RecommendationApproved"] = "Off",
            ["Email.HandoffAssigned"] = "Daily",
        }, "email-choices");
        var client = await admin.CreateClientAsync(new { name = $"Daily client {Guid.NewGuid():N}", tamUserId = tam.Id });

        await admin.CreateHandoffAsync(client.Id, "Tam", title: "First daily hand-off", ownerUserId: tam.Id);
        await admin.CreateHandoffAsync(client.Id, "Tam", title: "Second daily hand-off", ownerUserId: tam.Id);
        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations", new { title = "Approved but off", status = "Approved" }))
            .ExpectAsync(HttpStatusCode.Created);
        await factory.SendDueAsync();
        var atOnce = Mailbox.To(tam.Email);
        await QueueDigestsAsync(factory);
        await QueueDigestsAsync(factory);
        await factory.SendDueAsync();
        await Mailbox.WaitForAsync(tam.Email);
        var summaries = Mailbox.To(tam.Email).Where(m => (m.Subject ?? "").StartsWith("Your Plumbline summary", StringComparison.Ordinal)).ToList();

        Assert.Contains("A hand-off is given to me", before);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty(atOnce);
        var summary = Assert.Single(summaries);
        Assert.Equal("Your Plumbline summary: 2 new items", summary.Subject);
        Assert.Contains("Hand-offs given to you", summary.TextBody);
        Assert.Contains("First daily hand-off", summary.TextBody);
        Assert.Contains("Second daily hand-off", summary.TextBody);
        Assert.DoesNotContain("Approved but off", summary.TextBody);
    }

    [Fact]
    public async Task A_review_submitted_to_me_is_emailed_at_once_but_not_to_a_locked_person()
    {
        var admin = await factory.AdminAsync();
        await Mailbox.UseTestServerAsync(factory.Services);
        var (_, vcio) = await factory.UserAsync("Vcio", "Vera Ratings");
        var (_, locked) = await factory.UserAsync("Vcio", "Lou Locked");
        await (await admin.PutAsJsonAsync($"/api/v1/users/{locked.Id}", new { name = locked.Name, roles = locked.Roles, lockedOut = true }))
            .ExpectAsync(HttpStatusCode.OK);
        var library = await admin.CreateLibraryAsync("High");
        var client = await admin.CreateClientAsync();

        var review = await admin.CreateReviewAsync(client.Id, library.Ids, vcioUserId: vcio.Id);
        await admin.AnswerAsync(review.Id, library[0].Id, "No");
        await admin.SubmitAsync(review.Id);
        var other = await admin.CreateReviewAsync((await admin.CreateClientAsync()).Id, library.Ids, vcioUserId: locked.Id);
        await admin.AnswerAsync(other.Id, library[0].Id, "No");
        await admin.SubmitAsync(other.Id);
        await factory.SendDueAsync();
        var message = await Mailbox.WaitForAsync(vcio.Email);

        Assert.Equal($"{review.Title} was submitted and is waiting for your ratings.", message.Subject);
        Assert.Contains($"{EmailFactory.PublicUrl}/reviews/{review.Id}/vcio", message.TextBody);
        Assert.Empty(Mailbox.To(locked.Email));
    }

    [Fact]
    public async Task A_recommendation_approved_for_my_client_is_emailed_to_its_tam()
    {
        var admin = await factory.AdminAsync();
        await Mailbox.UseTestServerAsync(factory.Services);
        var (_, tam) = await factory.UserAsync("Tam", "Reece Roadmap");
        var client = await admin.CreateClientAsync(new { name = "Contoso Dental", tamUserId = tam.Id });

        await (await admin.PostAsJsonAsync($"/api/v1/clients/{client.Id}/recommendations", new { title = "New firewall", status = "Approved" }))
            .ExpectAsync(HttpStatusCode.Created);
        await factory.SendDueAsync();
        var message = await Mailbox.WaitForAsync(tam.Email);

        Assert.Equal("\"New firewall\" was approved for Contoso Dental.", message.Subject);
    }

    [Fact]
    public async Task On_monday_morning_the_weekly_email_lists_the_visits_and_handoffs_due_this_week_once()
    {
        await using var instance = new SqliteEmailFactory();
        var admin = await instance.AdminAsync();
        await Mailbox.UseTestServerAsync(instance.Services);
        var now = instance.Clock.GetUtcNow();
        var daysToMonday = ((int)DayOfWeek.Monday - (int)now.DayOfWeek + 7) % 7;
        var monday = now.UtcDateTime.Date.AddDays(daysToMonday == 0 ? 7 : daysToMonday);
        instance.Clock.SetUtcNow(new DateTimeOffset(monday.AddHours(7), TimeSpan.Zero));
        var (_, tam) = await instance.UserAsync("Tam", "Wes Weekly");
        var (_, idle) = await instance.UserAsync("Tam", "Ivo Idle");
        var client = await admin.CreateClientAsync(new { name = "Fabrikam Legal", tamUserId = tam.Id });
        var tuesday = DateOnly.FromDateTime(monday.AddDays(1));
        var visit = await admin.CreateVisitAsync(client.Id, tuesday);
        await admin.CreateHandoffAsync(client.Id, "Tam", title: "Set up the new scanner", ownerUserId: tam.Id);
        await instance.SendDueAsync();

        var queued = await QueueDigestsAsync(instance);
        var again = await QueueDigestsAsync(instance);
        await instance.SendDueAsync();
        await Mailbox.WaitForAsync(tam.Email, count: 2);
        var weekly = Assert.Single(Mailbox.To(tam.Email), m => (m.Subject ?? "").StartsWith("Due this week", StringComparison.Ordinal));

        Assert.Equal(1, queued);
        Assert.Equal(0, again);
        Assert.Equal($"Due this week in Plumbline ({monday:d MMM} to {monday.AddDays(6):d MMM})", weekly.Subject);
        Assert.Contains($"{tuesday:ddd d MMM}: Fabrikam Legal", weekly.TextBody);
        Assert.Contains($"{EmailFactory.PublicUrl}/visits/{visit.Id}", weekly.TextBody);
        Assert.Contains("Set up the new scanner", weekly.TextBody);
        Assert.Empty(Mailbox.To(idle.Email));
    }
}
