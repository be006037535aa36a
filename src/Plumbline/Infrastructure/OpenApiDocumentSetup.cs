using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Plumbline.Features.Accounts;

namespace Plumbline.Infrastructure;

/// <summary>
/// The document-wide parts of /openapi/v1.json that integrators generate clients from: who we are, how to
/// authenticate, which operations need a token, and schemas whose types match what the API really reads and writes.
/// Each endpoint describes its own results, names and tags; this file only adds what is true of all of them.
/// </summary>
public static class OpenApiDocumentSetup
{
    private const string BearerScheme = "bearer";
    private const string ProblemSchema = "ProblemDetails";

    /// <summary>The operation extension that lists the roles allowed to call it; "*" is any signed-in user.</summary>
    public const string RolesExtension = "x-plumbline-roles";
    public const string AnySignedInUser = "*";

    /// <summary>
    /// Tags are named by the features that use them; their descriptions live here so the document has one voice.
    /// A new tag without a description shows up as a lint warning (RedoclyLintTests).
    /// </summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Whether the app and its database answer; for load balancers and monitoring.",
        ["Setup"] = "First-run setup of an empty instance: the provider's name and the first admin.",
        ["Authentication"] = "API tokens: issue one with an e-mail and password.",
        ["Audit trail"] = "Who changed what and when, newest first.",
        ["Users"] = "People who sign in, their roles and their TAM capacity.",
        ["Sections and categories"] = "How the standards library is organised, and its review intervals.",
        ["Standards"] = "The yes/no technical standards, their revisions, the question linter, retirement and the committee's yearly review.",
        ["Standards committee"] = "Proposals to add, change or retire standards and the decisions that apply them; the committee's meetings: "
            + "a planned year, agendas built from the library, minutes and a calendar feed.",
        ["Meetings"] = "TAM-vCIO debriefs, client strategy meetings and service-lead syncs: agendas built from the data, attendees, minutes "
            + "and decisions that approve, defer or decline recommendations. The list also shows the committee's meetings.",
        ["Library import and export"] = "The whole standards library as JSON, CSV or Excel, and the starter library.",
        ["Clients"] = "The provider's clients, their numbers, templates, exceptions and what is due.",
        ["Client environment"] = "A client's contacts, sites and assets (with CSV import), and the lifecycle: warranty ends, ends of life and "
            + "renewals per fiscal quarter, and recommendations made from them.",
        ["Reviews"] = "Alignment reviews: the TAM pass (answers), the vCIO pass (ratings), scores and findings.",
        ["Recommendations"] = "Recommendations, initiatives, templates and the budgeted roadmap per client.",
        ["Design desk"] = "Priced proposals for approved recommendations: steps, lines, margin, versions, the client's answer, TCO and templates.",
        ["Practice self-assessment"] = "The service lead's quarterly yes/no check of the practice itself, its scores over time and its questions.",
        ["Time entries"] = "PSA time entries in: CSV import (generic, ConnectWise, Autotask, HaloPSA or a saved mapping), connectors, held companies.",
        ["Visits"] = "Planned visits, the year plan, visit days and calendar feeds.",
        ["Capacity"] = "TAM capacity, committed days and warnings.",
        ["Holidays"] = "Non-working days the year planner avoids.",
        ["Notifications"] = "Messages for the signed-in user about work that needs them.",
        ["Hand-offs"] = "Follow-ups routed to a delivery area's queue.",
        ["Webhooks"] = "Signed, retried event deliveries to other systems such as a PSA.",
        ["Settings"] = "The provider's settings: branding, defaults and the agreement chart.",
        ["Smart numbers"] = "RHEM, AISP and MRR from PSA time entries: the metrics, which work is reactive and each client's endpoint history.",
    };

    public static IServiceCollection AddPlumblineOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer(DescribeMoneyAsync);
            options.AddSchemaTransformer(DescribeEnumsAsync);
            options.AddSchemaTransformer(DescribeStringEnumsAsync);
            options.AddOperationTransformer(RequireTokenAsync);
            options.AddDocumentTransformer(DescribeDocumentAsync);
        });

    /// <summary>
    /// Every endpoint needs a signed-in caller unless it says AllowAnonymous (the fallback policy, Roles.cs), so
    /// those are the operations that take the bearer token and can answer 401; those whose policy asks for more than
    /// a signed-in caller (a role) can also answer 403. Endpoints that refuse in the handler declare their own 403.
    /// </summary>
    private static async Task RequireTokenAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // An empty requirement says "no credentials needed" explicitly, so a reader can tell it from an omission.
            operation.Security = [new OpenApiSecurityRequirement()];
            operation.Description = WithRoles(operation.Description, "No sign-in needed.");
            return;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem("No valid token: it is missing, expired or revoked.", context.Document));
        var policies = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        // With no authorization metadata of its own an endpoint gets the fallback policy (a signed-in caller), as in the middleware.
        var policy = await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
        if (policy?.Requirements.Any(r => r is not DenyAnonymousAuthorizationRequirement) == true)
            operation.Responses.TryAdd("403", Problem("The caller's role does not allow this.", context.Document));

        var roles = policy is null ? [AnySignedInUser] : await AllowedRolesAsync(policy, context.ApplicationServices);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray(roles.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()));
        operation.Description = WithRoles(operation.Description, roles is [AnySignedInUser]
            ? "Roles: any signed-in user."
            : $"Roles: {string.Join(", ", roles.Select(Roles.DisplayName))}.");
    }

    /// <summary>
    /// Who may call an operation, found by asking the endpoint's real policy about a signed-in caller of each role: the
    /// policies' role lists live in code (Can), so reading them any other way could drift from what the app enforces.
    /// Checks a handler makes on the resource itself (a TAM's own feed, a hand-off's queue) come on top of this.
    /// </summary>
    private static async Task<List<string>> AllowedRolesAsync(AuthorizationPolicy policy, IServiceProvider services)
    {
        var authorization = services.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(Caller(), null, policy)).Succeeded) return [AnySignedInUser];
        var allowed = new List<string>();
        foreach (var role in Roles.All)
            if ((await authorization.AuthorizeAsync(Caller(role), null, policy)).Succeeded) allowed.Add(role);
        return allowed;
    }

    private static ClaimsPrincipal Caller(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)), "openapi-probe", ClaimTypes.Name, ClaimTypes.Role));

    private static string WithRoles(string? description, string roles) =>
        string.IsNullOrWhiteSpace(description) ? roles : $"{description.TrimEnd()}\n\n{roles}";

    private static OpenApiResponse Problem(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

    /// <summary>
    /// Money is written by our own converter (two decimals, API.md), which hides its type from the schema generator:
    /// without this the field would be "any type", and generated clients would not know it is a number.
    /// </summary>
    private static Task DescribeMoneyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        schema.Type = context.JsonPropertyInfo?.CustomConverter switch
        {
            MoneyJsonConverter => JsonSchemaType.Number,
            NullableMoneyJsonConverter => JsonSchemaType.Number | JsonSchemaType.Null,
            _ => schema.Type,
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// JsonStringEnumConverter makes enums strings, and the generator lists their names but leaves out the type;
    /// generators such as Kiota then see "any type" and do not make an enum of it.
    /// </summary>
    private static Task DescribeEnumsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        // The enum's schema is shared by every field of that type, and the generator wraps a nullable field as
        // oneOf [null, the enum]; when the first use it met was nullable, it also put null in the shared schema,
        // which makes the two branches overlap. The enum itself is never null.
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && schema.Enum is { Count: > 0 } names && (schema.Type is null || names.Any(n => n is null)))
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. names.Where(n => n is not null)];
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Lists the allowed names of request strings marked with <see cref="StringEnumAttribute"/>, so generated clients make
    /// an enum of them. (A reference to the enum's own schema would be neater, but the generator inlines it anyway.)
    /// </summary>
    private static Task DescribeStringEnumsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var marked = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(StringEnumAttribute), true)
            ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo
                .GetCustomAttributes(typeof(StringEnumAttribute), true);
        if (marked?.OfType<StringEnumAttribute>().FirstOrDefault() is not { } values) return Task.CompletedTask;
        var nullable = schema.Type?.HasFlag(JsonSchemaType.Null) == true;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Enum = [.. values.Names.Select(n => (JsonNode)JsonValue.Create(n))];
        if (nullable) schema.Enum.Add(null!);
        return Task.CompletedTask;
    }

    private static async Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Plumbline API",
            Version = "v1",
            Description = "The REST API of a Plumbline instance: the standards library, clients, alignment reviews, " +
                "recommendations and the roadmap, visits, hand-offs and webhooks. JSON is camelCase; enums are strings; " +
                "dates are YYYY-MM-DD and timestamps UTC with their zone; numbers are JSON numbers (a quoted number is a 400); " +
                "every error is application/problem+json. Lists are paged with page and pageSize.",
            Contact = new OpenApiContact { Name = "The provider that runs this instance" },
        };
        // The configured public address, never the Host header of whoever asked for the document (PublicUrl).
        var root = context.ApplicationServices.GetRequiredService<PublicUrl>().For("/").TrimEnd('/');
        document.Servers = [new OpenApiServer { Url = root, Description = "This instance" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token from POST /api/v1/auth/token (e-mail and password), sent as " +
                "'Authorization: Bearer <token>'. Tokens expire (expiresAt) and end when the user is locked or signs out.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
            document.Components.Schemas[ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            if (tag.Name is { } name && tag.Description is null && TagDescriptions.TryGetValue(name, out var description))
                tag.Description = description;
    }
}
