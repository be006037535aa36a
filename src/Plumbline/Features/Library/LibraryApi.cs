using Microsoft.AspNetCore.Http.HttpResults;
using Plumbline.Features.Accounts;
using Plumbline.Infrastructure;

namespace Plumbline.Features.Library;

public static class LibraryApi
{
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public static IServiceCollection AddLibrary(this IServiceCollection services) =>
        services.AddScoped<LibraryExporter>().AddScoped<LibraryImporter>().AddScoped<StarterLibrary>();

    public static IEndpointRouteBuilder MapLibraryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/library").WithTags("Library import and export");
        group.MapGet("/export", Export).RequireAuthorization(Policies.SignedIn).WithName("exportLibrary")
            .WithSummary("The whole library as json (default), csv or xlsx.")
            .ProducesFile("application/json", "text/csv", LibraryFormats.ContentType(LibraryFormat.Xlsx));
        group.MapPost("/import", Import).RequireAuthorization(Policies.EditLibrary).DisableAntiforgery().WithName("importLibrary")
            .WithSummary("Import a library file (json, csv or xlsx): the body is the file, or a multipart upload with a 'file' field. One " +
                "invalid row changes nothing. While another import runs, 409 and nothing changes.").ProducesProblem(409);
        group.MapPost("/starter/apply", ApplyStarter).RequireAuthorization(Policies.EditLibrary).WithName("applyStarterLibrary")
            .WithSummary("Apply the starter library shipped with this version: adds new standards, updates unedited ones, never deletes.");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(string? format, LibraryExporter exporter,
        TimeProvider clock, CancellationToken ct)
    {
        if (LibraryFormats.FromName(format) is not { } f) return ApiErrors.Validation("format", "Choose json, csv or xlsx.");
        var bytes = LibraryFormats.Write(await exporter.ExportAsync(ct), f);
        return TypedResults.File(bytes, LibraryFormats.ContentType(f), $"plumbline-library-{clock.GetUtcNow():yyyy-MM-dd}.{f.ToString().ToLowerInvariant()}");
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, LibraryImporter importer, CancellationToken ct)
    {
        var (content, contentType, fileName, error) = await ReadUploadAsync(request, ct);
        if (error is not null) return ApiErrors.Validation("file", error);
        var report = await ImportBytesAsync(importer, content!, contentType, fileName, ct);
        if (report.Busy) return ApiErrors.Conflict(report.FileError!);
        if (report.Report is not { } r) return ApiErrors.Validation("file", report.FileError!);
        return r.Applied ? TypedResults.Ok(r) : TypedResults.UnprocessableEntity(r);
    }

    private static async Task<Ok<ImportReport>> ApplyStarter(StarterLibrary starter, CancellationToken ct) => TypedResults.Ok(await starter.ApplyAsync(ct));

    /// <summary>What came of an import: a report, or why the file could not be read, or (Busy) that another import was running.</summary>
    public sealed record ImportAttempt(ImportReport? Report, string? FileError, bool Busy = false);

    public static async Task<ImportAttempt> ImportBytesAsync(LibraryImporter importer, byte[] content, string? contentType,
        string? fileName, CancellationToken ct)
    {
        var problems = new List<ImportRowResult>();
        try
        {
            var format = LibraryFormats.Detect(contentType, fileName, content);
            var doc = LibraryFormats.Read(content, format, problems);
            var report = await importer.ImportAsync(doc, ImportMode.File, problems, ct);
            return report is null ? new(null, LibraryImporter.BusyMessage, Busy: true) : new(report, null);
        }
        catch (LibraryFileException e)
        {
            return new(null, e.Message);
        }
    }

    private static async Task<(byte[]? Content, string? ContentType, string? FileName, string? Error)> ReadUploadAsync(HttpRequest request,
        CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes) return (null, null, null, "The file is larger than 20 MB.");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0) return (null, null, null, "Attach the library file in a form field named 'file'.");
            if (file.Length > MaxImportBytes) return (null, null, null, "The file is larger than 20 MB.");
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms, ct);
            return (ms.ToArray(), file.ContentType, file.FileName, null);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length == 0) return (null, null, null, "Send the library file as the request body, or as a multipart upload with a 'file' field.");
        return (body.ToArray(), request.ContentType, null, null);
    }
}
