using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Features.Reviews;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Clients;

public static class ClientsApi
{
    public static IServiceCollection AddClients(this IServiceCollection services) =>
        services.AddScoped<ClientService>().AddScoped<ClientScope>().AddScoped<ClientOverview>().AddScoped<ClientTemplates>().AddScoped<ClientExceptions>()
            .AddScoped<OnboardingPlan>();

    public static IEndpointRouteBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/clients").WithTags("Clients").RequireAuthorization(Policies.SignedIn);
        var write = app.MapGroup("/api/v1/clients").WithTags("Clients").RequireAuthorization(Policies.ManageClients);
        read.MapGet("/", List).WithName("listClients").WithSummary("Clients, searchable by name and sortable (paged).");
        read.MapGet("/{id:guid}", Get).WithName("getClient").WithSummary("One client with its agreement numbers.").ProducesProblem(404);
        read.MapGet("/{id:guid}/due", Due).WithName("getClientDue").WithSummary("The standards due for this client on a date (default today).")
            .WithDescription("Due: never answered, or falling due by the date plus the provider's grace window (graceDays), or before the client's "
                + "next planned or confirmed visit (nextVisitOn).")
            .ProducesProblem(404);
        read.MapGet("/{id:guid}/template", GetTemplate).WithName("getClientTemplate")
            .WithSummary("The sections, categories and standards excluded for this client, and its exceptions.").ProducesProblem(404);
        read.MapGet("/{id:guid}/findings", Findings).WithName("listClientFindings")
            .WithSummary("The client's findings: status=open (default), resolved or all.").ProducesProblem(404);
        OnboardingApi.Map(app);
        write.MapPost("/", Create).WithName("createClient").WithSummary("Add a client.");
        write.MapPut("/{id:guid}", Update).WithName("updateClient")
            .WithSummary("Change a client. Send the version you read to refuse overwriting someone else's change.")
            .ProducesProblem(404).ProducesProblem(409);
        write.MapPut("/{id:guid}/template", PutTemplate).WithName("setClientTemplate")
            .WithSummary("Replace the excluded sections, categories and standards and the exceptions (reason, acceptedBy, expiresOn after today).")
            .ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Ok<PagedList<ClientDetails>>, ValidationProblem>> List([AsParameters] ClientFilter filter,
        ClientService clients, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(filter.Status) && !ApiEnum.TryParse<ClientStatus>(filter.Status, out _))
            return ApiErrors.Validation("status", "Filter by Onboarding, Active or Inactive.");
        return TypedResults.Ok(await clients.ListAsync(filter, ct));
    }

    private static async Task<Results<Ok<ClientDetails>, ProblemHttpResult>> Get(Guid id, ClientService clients, CancellationToken ct) =>
        await clients.GetAsync(id, ct) is { } c ? TypedResults.Ok(c) : NotFound(id);

    private static async Task<Results<Created<ClientDetails>, ValidationProblem, ProblemHttpResult>> Create(ClientRequest request,
        ClientService clients, CancellationToken ct) =>
        (await clients.SaveAsync(null, request, ct)).ToResult(c => TypedResults.Created($"/api/v1/clients/{c.Id}", c), Missing(Guid.Empty));

    private static async Task<Results<Ok<ClientDetails>, ValidationProblem, ProblemHttpResult>> Update(Guid id, ClientRequest request,
        ClientService clients, CancellationToken ct) =>
        (await clients.SaveAsync(id, request, ct)).ToResult(TypedResults.Ok, Missing(id));

    private static async Task<Results<Ok<DueList>, ProblemHttpResult>> Due(Guid id, DateOnly? asOf, ClientService clients,
        ClientScope scope, TimeProvider clock,
        CancellationToken ct)
    {
        if (await clients.GetAsync(id, ct) is null) return NotFound(id);
        var on = asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(await scope.DueAsync(id, on, ct));
    }

    private static async Task<Results<Ok<ClientTemplate>, ProblemHttpResult>> GetTemplate(Guid id, ClientService clients,
        ClientTemplates templates, CancellationToken ct) =>
        await clients.GetAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await templates.TemplateAsync(id, ct));

    private static async Task<Results<Ok<ClientTemplate>, ValidationProblem, ProblemHttpResult>> PutTemplate(Guid id, ClientTemplateRequest request,
        ClientService clients, ClientTemplates templates, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await clients.GetAsync(id, ct) is null) return NotFound(id);
        var errors = await templates.SaveTemplateAsync(id, request, CurrentUser.Name(user), ct);
        return errors.Count > 0 ? ApiErrors.Validation(errors) : TypedResults.Ok(await templates.TemplateAsync(id, ct));
    }

    private static async Task<Results<Ok<PagedList<FindingDetails>>, ValidationProblem, ProblemHttpResult>> Findings(Guid id, string? status, int? page,
        int? pageSize, ClientService clients, ReviewQueries queries, CancellationToken ct)
    {
        if (status?.ToLowerInvariant() is not (null or "open" or "resolved" or "all")) return ApiErrors.Validation("status", "Use open, resolved or all.");
        return await clients.GetAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await queries.FindingsAsync(id, status, page, pageSize, ct));
    }

    private static ProblemHttpResult NotFound(Guid id) => ApiErrors.NotFound(Missing(id));

    private static string Missing(Guid id) => $"There is no client with id '{id}'.";
}
