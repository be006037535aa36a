using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Audit;

public sealed record AuditEntryDetails(Guid Id, DateTime At, string UserName, string EntityType, string EntityId, string Action, string Changes);

public static class AuditApi
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddSingleton<AuditInterceptor>();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", List).RequireAuthorization(Policies.Admin).WithTags("Audit trail").WithName("listAuditEntries")
            .WithSummary("Who changed what, when: newest first, filtered by entity type and id.");
        return app;
    }

    public static async Task<PagedList<AuditEntryDetails>> QueryAsync(AppDbContext db, string? entityType, string? entityId, int? page,
        int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) query = query.Where(a => a.EntityId == entityId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((p - 1) * size).Take(size)
            .Select(a => new AuditEntryDetails(a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action, a.Changes)).ToListAsync(ct);
        return new PagedList<AuditEntryDetails>(items, p, size, total);
    }

    private static async Task<Ok<PagedList<AuditEntryDetails>>> List(AppDbContext db, string? entityType, string? entityId, int? page,
        int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await QueryAsync(db, entityType, entityId, page, pageSize, ct));
}
