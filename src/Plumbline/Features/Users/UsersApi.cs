using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Users;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users");
        group.MapGet("/", List).RequireAuthorization(Policies.SignedIn).WithName("listUsers")
            .WithSummary("The people who use Plumbline, by name (paged); q searches names and e-mail addresses.");
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.SignedIn).WithName("getUser").WithSummary("One user with their roles.").ProducesProblem(404);
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).WithName("createUser")
            .WithSummary("Add a user with roles and a password; without a password, Plumbline e-mails them an invitation to choose one "
                + "(400 naming password when e-mail is not set up).");
        group.MapPut("/{id}", Update).RequireAuthorization(Policies.Admin).WithName("updateUser")
            .WithSummary("Change a user's name, roles or password, or lock them out. A lock, a new password or a change of roles ends their sessions and API " +
                "tokens at once.").ProducesProblem(404);
        return app;
    }

    private static async Task<Ok<PagedList<UserDetails>>> List(AppDbContext db, UserAdministration admin, string? q, int? page,
        int? pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Normalize(page, pageSize);
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.Name.ToUpper().Contains(term));
        }
        var total = await query.CountAsync(ct);
        var items = await admin.QueryAsync(query.OrderBy(u => u.Name).ThenBy(u => u.Email).Skip((p - 1) * size).Take(size), ct);
        return TypedResults.Ok(new PagedList<UserDetails>(items, p, size, total));
    }

    private static async Task<Results<Ok<UserDetails>, ProblemHttpResult>> Get(string id, UserAdministration admin, CancellationToken ct) =>
        await admin.GetAsync(id, ct) is { } user ? TypedResults.Ok(user) : ApiErrors.NotFound($"There is no user with id '{id}'.");

    private static async Task<Results<Created<UserDetails>, ValidationProblem>> Create(CreateUserRequest request,
        UserAdministration admin, CancellationToken ct)
    {
        var (user, errors) = await admin.CreateAsync(request, ct);
        return user is null ? ApiErrors.Validation(errors) : TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }

    private static async Task<Results<Ok<UserDetails>, ProblemHttpResult, ValidationProblem>> Update(string id, UpdateUserRequest request,
        UserAdministration admin, CancellationToken ct)
    {
        var (user, errors) = await admin.UpdateAsync(id, request, ct);
        if (user is not null) return TypedResults.Ok(user);
        return errors.Count > 0 ? ApiErrors.Validation(errors) : ApiErrors.NotFound($"There is no user with id '{id}'.");
    }
}
