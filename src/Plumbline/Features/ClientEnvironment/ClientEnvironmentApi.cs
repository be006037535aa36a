using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Plumbline.Features.Accounts;
using Plumbline.Features.Recommendations;
using Plumbline.Features.SmartNumbers;
using Plumbline.Infrastructure;

namespace Plumbline.Features.ClientEnvironment;

/// <summary>Contacts, sites, assets and the lifecycle of a client (issue 17; API.md, Client environment).</summary>
public static class ClientEnvironmentApi
{
    public const string Tag = "Client environment";

    public static IServiceCollection AddClientEnvironment(this IServiceCollection services) =>
        services.AddScoped<ContactService>().AddScoped<AssetService>().AddScoped<AssetImporter>().AddScoped<LifecycleService>();

    public static IEndpointRouteBuilder MapClientEnvironmentApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/clients/{id:guid}").WithTags(Tag).RequireAuthorization(Policies.SignedIn);
        var write = app.MapGroup("/api/v1/clients/{id:guid}").WithTags(Tag).RequireAuthorization(Policies.EditClientEnvironment);
        read.MapGet("/contacts", ListContacts).WithName("listClientContacts")
            .WithSummary("The client's contacts: the decision maker first, then the primary contact, then by name (paged).").ProducesProblem(404);
        write.MapPost("/contacts", CreateContact).WithName("createClientContact")
            .WithSummary("Add a contact. A client has at most one decision maker and one primary contact.").ProducesProblem(404);
        write.MapPut("/contacts/{contactId:guid}", UpdateContact).WithName("updateClientContact").WithSummary("Replace a contact.").ProducesProblem(404);
        write.MapDelete("/contacts/{contactId:guid}", DeleteContact).WithName("deleteClientContact").WithSummary("Remove a contact.").ProducesProblem(404);
        read.MapGet("/sites", ListSites).WithName("listClientSites").WithSummary("The client's sites (offices, data centres), by name (paged).")
            .ProducesProblem(404);
        write.MapPost("/sites", CreateSite).WithName("createClientSite").WithSummary("Add a site with its address.").ProducesProblem(404);
        write.MapPut("/sites/{siteId:guid}", UpdateSite).WithName("updateClientSite").WithSummary("Replace a site.").ProducesProblem(404);
        write.MapDelete("/sites/{siteId:guid}", DeleteSite).WithName("deleteClientSite").WithSummary("Remove a site.").ProducesProblem(404);
        read.MapGet("/assets", ListAssets).WithName("listClientAssets")
            .WithSummary("The client's assets, searchable by name or serial (q), by kind, sortable (name, kind, warranty, endOfLife, cost; - for "
                + "descending) and paged, each with its warranty state today.").ProducesProblem(404);
        write.MapPost("/assets", CreateAsset).WithName("createClientAsset")
            .WithSummary("Add an asset. A warranty or end of life cannot come before the purchase; the annual cost cannot be negative.").ProducesProblem(404);
        write.MapPut("/assets/{assetId:guid}", UpdateAsset).WithName("updateClientAsset").WithSummary("Replace an asset.").ProducesProblem(404);
        write.MapDelete("/assets/{assetId:guid}", DeleteAsset).WithName("deleteClientAsset").WithSummary("Remove an asset.").ProducesProblem(404);
        write.MapPost("/assets/import", Import).DisableAntiforgery().WithMetadata(new ImportSizeLimit()).WithName("importClientAssets")
            .WithSummary("Import assets from CSV (the body, or a multipart 'file' field, under 10 MB) with the header " +
                "kind,name,manufacturer,model,serialNumber,purchasedOn,warrantyEndsOn,endOfLifeOn,renewsOn,annualCost, common names for those " +
                "columns, or columns named with the ...Column parameters. A bad row is skipped with its reason; a serial number the client " +
                "already has updates that asset. Returns the report row by row.")
            .ProducesProblem(404).ProducesProblem(413).AddOpenApiOperationTransformer(DescribeCsvBody);
        read.MapGet("/lifecycle", Lifecycle).WithName("getClientLifecycle")
            .WithSummary("Per fiscal quarter from the current one (quarters: 1 to 12, default 4), the assets whose warranty ends, end of life comes "
                + "or renewal falls in it, with their count and cost.").ProducesProblem(404);
        app.MapPost("/api/v1/clients/{id:guid}/lifecycle/recommendation", Recommend).WithTags(Tag)
            .RequireAuthorization(Policies.ManageRecommendations).WithName("createLifecycleRecommendation")
            .WithSummary("Make a recommendation from a quarter's assets (assetIds, or every asset with an event), titled like \"Replace 12 " +
                "workstations out of warranty in FY2027-Q3\", with the cost from the assets and the quarter as its target.").ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Ok<PagedList<ContactDetails>>, ProblemHttpResult>> ListContacts(Guid id, [AsParameters] ListPage page,
        ContactService contacts, CancellationToken ct) =>
        await contacts.ClientExistsAsync(id, ct) ? TypedResults.Ok(await contacts.ListAsync(id, page, ct)) : NoClient(id);

    private static async Task<Results<Created<ContactDetails>, ValidationProblem, ProblemHttpResult>> CreateContact(Guid id, ContactRequest request,
        ContactService contacts, CancellationToken ct) =>
        (await contacts.SaveAsync(id, null, request, ct)).ToResult(c => TypedResults.Created($"/api/v1/clients/{id}/contacts/{c.Id}", c), Missing(id));

    private static async Task<Results<Ok<ContactDetails>, ValidationProblem, ProblemHttpResult>> UpdateContact(Guid id, Guid contactId,
        ContactRequest request, ContactService contacts, CancellationToken ct) =>
        (await contacts.SaveAsync(id, contactId, request, ct)).ToResult(TypedResults.Ok, Missing(id));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteContact(Guid id, Guid contactId, ContactService contacts, CancellationToken ct) =>
        await contacts.DeleteAsync(id, contactId, ct) ? TypedResults.NoContent() : ApiErrors.NotFound($"The client has no contact with id '{contactId}'.");

    private static async Task<Results<Ok<PagedList<SiteDetails>>, ProblemHttpResult>> ListSites(Guid id, [AsParameters] ListPage page,
        ContactService contacts, CancellationToken ct) =>
        await contacts.ClientExistsAsync(id, ct) ? TypedResults.Ok(await contacts.ListSitesAsync(id, page, ct)) : NoClient(id);

    private static async Task<Results<Created<SiteDetails>, ValidationProblem, ProblemHttpResult>> CreateSite(Guid id, SiteRequest request,
        ContactService contacts, CancellationToken ct) =>
        (await contacts.SaveSiteAsync(id, null, request, ct)).ToResult(s => TypedResults.Created($"/api/v1/clients/{id}/sites/{s.Id}", s), Missing(id));

    private static async Task<Results<Ok<SiteDetails>, ValidationProblem, ProblemHttpResult>> UpdateSite(Guid id, Guid siteId, SiteRequest request,
        ContactService contacts, CancellationToken ct) =>
        (await contacts.SaveSiteAsync(id, siteId, request, ct)).ToResult(TypedResults.Ok, Missing(id));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSite(Guid id, Guid siteId, ContactService contacts, CancellationToken ct) =>
        await contacts.DeleteSiteAsync(id, siteId, ct) ? TypedResults.NoContent() : ApiErrors.NotFound($"The client has no site with id '{siteId}'.");

    private static async Task<Results<Ok<PagedList<AssetDetails>>, ValidationProblem, ProblemHttpResult>> ListAssets(Guid id,
        [AsParameters] AssetFilter filter, AssetService assets, ContactService contacts, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(filter.Kind) && !ApiEnum.TryParse<AssetKind>(filter.Kind, out _))
            return ApiErrors.Validation("kind", $"Filter by one of {AssetRules.KindsText}.");
        return await contacts.ClientExistsAsync(id, ct) ? TypedResults.Ok(await assets.ListAsync(id, filter, ct)) : NoClient(id);
    }

    private static async Task<Results<Created<AssetDetails>, ValidationProblem, ProblemHttpResult>> CreateAsset(Guid id, AssetRequest request,
        AssetService assets, CancellationToken ct) =>
        (await assets.SaveAsync(id, null, request, ct)).ToResult(a => TypedResults.Created($"/api/v1/clients/{id}/assets/{a.Id}", a), Missing(id));

    private static async Task<Results<Ok<AssetDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsset(Guid id, Guid assetId, AssetRequest request,
        AssetService assets, CancellationToken ct) =>
        (await assets.SaveAsync(id, assetId, request, ct)).ToResult(TypedResults.Ok, Missing(id));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsset(Guid id, Guid assetId, AssetService assets, CancellationToken ct) =>
        await assets.DeleteAsync(id, assetId, ct) ? TypedResults.NoContent() : ApiErrors.NotFound($"The client has no asset with id '{assetId}'.");

    private sealed class ImportSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => AssetImporter.MaxBytes + 64 * 1024;
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
        detail: "An asset file must be smaller than 10 MB. Split it into several files (for example by site or by kind) and import each.");

    private static async Task<Results<Ok<AssetImportReport>, ValidationProblem, ProblemHttpResult>> Import(Guid id, HttpRequest request,
        [AsParameters] AssetColumnMapping mapping, ContactService contacts, AssetImporter importer, CancellationToken ct)
    {
        if (request.ContentLength >= AssetImporter.MaxBytes) return TooLarge();
        if (!await contacts.ClientExistsAsync(id, ct)) return NoClient(id);
        try
        {
            var (body, error) = await TimeEntriesApi.OpenBodyAsync(request, ct);
            if (error is not null) return ApiErrors.Validation("file", error);
            // Read whole (it is small) so that a file at or over the limit is refused before anything is imported.
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body!.ReadAsync(buffer, ct)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length >= AssetImporter.MaxBytes) return TooLarge();
            }
            if (copy.Length == 0) return ApiErrors.Validation("file", "The file is empty: it needs a header line and one line per asset.");
            copy.Position = 0;
            return TypedResults.Ok(await importer.ImportAsync(id, copy, mapping, ct));
        }
        catch (AssetFileException e)
        {
            return ApiErrors.Validation(new Dictionary<string, string[]> { ["file"] = [e.Message] }, "The file cannot be imported.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
    }

    private static async Task<Results<Ok<LifecycleTimeline>, ValidationProblem, ProblemHttpResult>> Lifecycle(Guid id, int? quarters,
        LifecycleService lifecycle, CancellationToken ct)
    {
        if (quarters is < 1 or > LifecycleRules.MaxQuarters)
            return ApiErrors.Validation("quarters", "Show from 1 to 12 quarters (up to three years).");
        return await lifecycle.TimelineAsync(id, quarters ?? 4, ct) is { } timeline ? TypedResults.Ok(timeline) : NoClient(id);
    }

    private static async Task<Results<Created<RecommendationDetails>, ValidationProblem, ProblemHttpResult>> Recommend(Guid id,
        LifecycleRecommendationRequest request, LifecycleService lifecycle, ClaimsPrincipal user, CancellationToken ct) =>
        (await lifecycle.RecommendAsync(id, request, CurrentUser.Name(user), ct))
            .ToResult(r => TypedResults.Created($"/api/v1/recommendations/{r.Id}", r), Missing(id));

    private static Task DescribeCsvBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The CSV file: the body itself, or a multipart upload with a 'file' field.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = file },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static ProblemHttpResult NoClient(Guid id) => ApiErrors.NotFound(Missing(id));

    private static string Missing(Guid id) => $"There is no client with id '{id}'.";
}
