using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Notifications;

public static class NotificationsApi
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services.AddScoped<Notifier>();

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        notifications.MapGet("/", List).WithName("listNotifications").WithSummary("Your 50 most recent notifications, newest first.");
        notifications.MapPost("/{id:guid}/read", MarkRead).WithName("markNotificationRead").WithSummary("Mark one of your notifications as read.")
            .ProducesProblem(404);
        return app;
    }

    private static async Task<Ok<List<NotificationDetails>>> List(Notifier n, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await n.RecentAsync(CurrentUser.Id(user)!, 50, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(Guid id, Notifier n, ClaimsPrincipal user, CancellationToken ct) =>
        await n.MarkReadAsync(CurrentUser.Id(user)!, id, ct) ? TypedResults.NoContent() : ApiErrors.NotFound($"There is no notification with id '{id}'.");
}
