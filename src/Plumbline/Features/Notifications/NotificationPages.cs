using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Notifications;

/// <summary>The notification list's form posts.</summary>
public static class NotificationPages
{
    public static IEndpointRouteBuilder MapNotificationPages(this IEndpointRouteBuilder app)
    {
        // Opening a notification marks it read, then goes where it points (only the app's own paths).
        app.MapPost("/notifications/{id:guid}/open", Open).RequireAuthorization(Policies.SignedIn)
            .RequireFormToken(_ => Results.Redirect("/notifications")).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Open(Guid id, Notifier notifier, HttpContext http, CancellationToken ct)
    {
        var me = CurrentUser.Id(http.User)!;
        var link = await notifier.LinkAsync(me, id, ct);
        if (link is null) return Results.Redirect("/notifications");
        await notifier.MarkReadAsync(me, id, ct);
        return Results.Redirect(link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : "/notifications");
    }
}
