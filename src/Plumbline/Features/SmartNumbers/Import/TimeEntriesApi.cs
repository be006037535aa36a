using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Plumbline.Data;
using Plumbline.Features.Accounts;
using Plumbline.Features.SmartNumbers.Import;
using Plumbline.Infrastructure;

// In the parent namespace so Program.cs maps it with the using it already has.
namespace Plumbline.Features.SmartNumbers;

/// <summary>Endpoints to bring PSA time entries in: CSV import, entries from connectors, saved column mappings and unmatched companies.</summary>
public static class TimeEntriesApi
{
    public const long MaxImportBytes = 256L * 1024 * 1024;
    public const int MaxEntriesPerCall = 5000;

    public static IEndpointRouteBuilder MapTimeEntriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/time-entries").WithTags("Time entries").RequireAuthorization(Policies.ManageSmartNumbers);
        group.MapPost("/import", Import).DisableAntiforgery().WithMetadata(new ImportSizeLimit()).WithName("importTimeEntries")
            .WithSummary("Import a CSV of time entries (the body, or a multipart 'file' field, up to 256 MB) in the generic, ConnectWise, " +
                "Autotask or HaloPSA layout (format) or a saved mapping (mapping). Upserts by source and external id; returns the report.")
            .ProducesProblem(413).AddOpenApiOperationTransformer((operation, _, _) =>
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
            });
        group.MapPost("", Push).WithName("pushTimeEntries")
            .WithSummary("Create or update up to 5,000 time entries for known clients (connectors). Upserts by source (default api) and external id.");
        group.MapGet("/mappings", ListMappings).WithName("listTimeEntryMappings").WithSummary("The saved column mappings for CSV layouts of your own.");
        group.MapPost("/mappings", CreateMapping).WithName("createTimeEntryMapping")
            .WithSummary("Save a column mapping: which CSV column feeds each field of a time entry, and an optional date format.").ProducesProblem(409);
        group.MapPut("/mappings/{name}", UpdateMapping).WithName("updateTimeEntryMapping").WithSummary("Change a saved column mapping.")
            .ProducesProblem(404);
        group.MapDelete("/mappings/{name}", DeleteMapping).WithName("deleteTimeEntryMapping")
            .WithSummary("Delete a saved column mapping. Entries it imported stay.").ProducesProblem(404);
        group.MapGet("/unmatched-companies", Unmatched).WithName("listUnmatchedCompanies")
            .WithSummary("PSA companies whose time entries are held because they match no client: held rows, hours, first and last date.");
        group.MapPost("/unmatched-companies/match", Match).WithName("matchCompany")
            .WithSummary("Match a PSA company to a client: remembered for later imports, and every held entry of that company moves to the client.")
            .ProducesProblem(404);
        return app;
    }

    private sealed class ImportSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxImportBytes;
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large",
        detail: "A time entry file can be at most 256 MB. Export a shorter period (for example one quarter at a time) and import each file.");

    private static async Task<Results<Ok<TimeEntryImportReport>, ValidationProblem, ProblemHttpResult>> Import(HttpRequest request, string? format,
        string? mapping, TimeEntryImporter importer, TimeEntryMappings mappings, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes) return TooLarge();
        if (!string.IsNullOrWhiteSpace(format) && !string.IsNullOrWhiteSpace(mapping))
            return ApiErrors.Validation("format", "Give either format or mapping, not both.");
        PsaLayout layout;
        if (!string.IsNullOrWhiteSpace(mapping))
        {
            if (await mappings.FindAsync(mapping, ct) is not { } saved)
                return ApiErrors.Validation("mapping", $"There is no saved mapping named '{TimeEntryValues.Short(mapping.Trim())}'.");
            layout = saved.ToLayout();
        }
        else if (PsaLayouts.Find(string.IsNullOrWhiteSpace(format) ? "generic" : format) is { } builtIn) layout = builtIn;
        else return ApiErrors.Validation("format", "Use generic, connectwise, autotask or halo (or name a saved mapping with mapping=).");

        var (body, error) = await OpenBodyAsync(request, ct);
        if (error is not null) return ApiErrors.Validation("file", error);
        try
        {
            return TypedResults.Ok(await importer.ImportCsvAsync(body!, layout, ct));
        }
        catch (TimeEntryFileException e)
        {
            return ApiErrors.Validation(new Dictionary<string, string[]> { ["file"] = [e.Message] }, e.MissingColumns.Count > 0
                ? $"The file lacks the columns: {string.Join(", ", e.MissingColumns)}." : "The file cannot be imported.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException || e is IOException and not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // Rows read before the break are kept (each batch is saved as it fills); importing the whole file again completes it.
            return ApiErrors.Validation("file", "The upload ended before the file was complete. Send the whole file again.");
        }
    }

    /// <summary>The CSV: the request body itself, or the 'file' part of a multipart upload, read as a stream (never buffered whole).</summary>
    public static async Task<(Stream? Body, string? Error)> OpenBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
            if (string.IsNullOrEmpty(boundary)) return (null, "The multipart upload has no boundary.");
            var reader = new MultipartReader(boundary, request.Body);
            try
            {
                while (await reader.ReadNextSectionAsync(ct) is { } section)
                {
                    if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                        && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal))
                        return (section.Body, null);
                }
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException and not BadHttpRequestException)
            {
                return (null, "The multipart upload is malformed. Attach the CSV file in a form field named 'file'.");
            }
            return (null, "Attach the CSV file in a form field named 'file'.");
        }
        if (request.HasFormContentType) return (null, "Send the CSV as the request body (text/csv) or as a multipart upload with a 'file' field.");
        if (request.ContentLength == 0) return (null, "The request body is empty: send the CSV file as the body, or as a multipart 'file' field.");
        return (request.Body, null);
    }

    private static async Task<Results<Ok<TimeEntryImportReport>, ValidationProblem>> Push(TimeEntriesRequest r, TimeEntryImporter importer,
        AppDbContext db, CancellationToken ct)
    {
        if (r.Entries is null || r.Entries.Count == 0) return ApiErrors.Validation("entries", "Send at least one entry.");
        if (r.Entries.Count > MaxEntriesPerCall)
            return ApiErrors.Validation("entries", $"Send at most {MaxEntriesPerCall:N0} entries per call ({r.Entries.Count:N0} were sent); split them.");
        var source = string.IsNullOrWhiteSpace(r.Source) ? PsaLayouts.ApiSource : r.Source.Trim().ToLowerInvariant();
        if (TimeEntryMappings.NameError(source, allowReserved: true) is { } sourceError) return ApiErrors.Validation("source", sourceError);
        var ids = r.Entries.Where(e => e?.ClientId is not null).Select(e => e!.ClientId!.Value).Distinct().ToList();
        // The company kept with each entry is the client's PSA company id, or its name.
        var known = (await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.PsaCompanyId }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => string.IsNullOrWhiteSpace(c.PsaCompanyId) ? c.Name : c.PsaCompanyId);
        var items = r.Entries.Select((e, i) => Check(i + 1, e, known));
        return TypedResults.Ok(await importer.ImportEntriesAsync(source, items, ct));
    }

    private static (int, IncomingTimeEntry?, string?) Check(int row, TimeEntryInput? e, IReadOnlyDictionary<Guid, string> clients)
    {
        if (e is null) return (row, null, "The entry is empty.");
        var externalId = e.ExternalId?.Trim() ?? "";
        if (externalId.Length == 0) return (row, null, "The external id is empty.");
        if (externalId.Length > 100) return (row, null, "The external id is longer than 100 characters.");
        if (e.ClientId is not { } clientId) return (row, null, "The clientId is missing.");
        if (!clients.TryGetValue(clientId, out var company)) return (row, null, $"There is no client with id {clientId}.");
        if (e.Date is not { } date || date.Year is < 1990 or > 2100) return (row, null, "The date is missing or outside 1990 to 2100.");
        if (e.Hours is not { } raw) return (row, null, "The hours are missing.");
        var hours = Math.Round(raw, 2, MidpointRounding.AwayFromZero);
        if (hours is <= 0 or > TimeEntryValues.MaxHours) return (row, null, "The hours must be more than 0 and at most 24.");
        return (row, new IncomingTimeEntry(row, externalId, TimeEntryValues.Text(company, 200), clientId, date, hours,
            TimeEntryValues.Text(e.WorkType, 100), TimeEntryValues.Text(e.Board, 100), TimeEntryValues.Text(e.TicketType, 100)), null);
    }

    private static async Task<Ok<List<TimeEntryMappingDetails>>> ListMappings(TimeEntryMappings mappings, CancellationToken ct) =>
        TypedResults.Ok(await mappings.ListAsync(ct));

    private static async Task<Results<Created<TimeEntryMappingDetails>, ValidationProblem, ProblemHttpResult>> CreateMapping(TimeEntryMappingRequest r,
        TimeEntryMappings mappings, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await mappings.CreateAsync(r, CurrentUser.Name(user), ct);
        return outcome.Details is { } d ? TypedResults.Created($"/api/v1/time-entries/mappings/{Uri.EscapeDataString(d.Name)}", d)
            : outcome.Conflict ? ApiErrors.Conflict(outcome.Errors!.Values.First()[0]) : ApiErrors.Validation(outcome.Errors!);
    }

    private static async Task<Results<Ok<TimeEntryMappingDetails>, ValidationProblem, ProblemHttpResult>> UpdateMapping(string name,
        TimeEntryMappingRequest r, TimeEntryMappings mappings, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await mappings.UpdateAsync(name, r, CurrentUser.Name(user), ct);
        return outcome.Details is { } d ? TypedResults.Ok(d)
            : outcome.NotFound ? NoMapping(name) : ApiErrors.Validation(outcome.Errors!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteMapping(string name, TimeEntryMappings mappings, CancellationToken ct) =>
        await mappings.DeleteAsync(name, ct) ? TypedResults.NoContent() : NoMapping(name);

    private static ProblemHttpResult NoMapping(string name) => ApiErrors.NotFound($"There is no saved mapping named '{TimeEntryValues.Short(name)}'.");

    private static async Task<Ok<List<UnmatchedCompany>>> Unmatched(HeldEntries held, CancellationToken ct) => TypedResults.Ok(await held.ListAsync(ct));

    private static async Task<Results<Ok<CompanyMatched>, ValidationProblem, ProblemHttpResult>> Match(MatchCompanyRequest r, HeldEntries held,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Company)) return ApiErrors.Validation("company", "Name the company as the PSA spells it.");
        if (r.Company.Trim().Length > 200) return ApiErrors.Validation("company", "The company name is longer than 200 characters.");
        if (r.ClientId is not { } clientId) return ApiErrors.Validation("clientId", "Choose the client this company is.");
        return await held.MatchAsync(r.Company, clientId, CurrentUser.Name(user), ct) is { } done ? TypedResults.Ok(done)
            : ApiErrors.NotFound($"There is no client with id {clientId}.");
    }
}
