using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Plumbline.Tests.TestSupport;

/// <summary>Small library files, written the way a provider would write them by hand.</summary>
public static class LibraryFiles
{
    public const string CsvHeader = "section,category,code,title,question,whyWeAsk,howToCheck,references,priority,reviewIntervalMonths,kind,tags,status";

    public static string CsvRow(string section, string code, string question = "Is MFA enforced for every administrator account?", string priority = "High") =>
        $"{section},Identity,{code},MFA for admins,\"{question}\",Stolen passwords are the most common way in.,Check the conditional access policies.," +
        $"CIS Controls v8 | Safeguard 6.5,{priority},3,Technology,\"mfa, identity\",Active";

    public static string Csv(params string[] rows) => string.Join("\r\n", [CsvHeader, .. rows]) + "\r\n";

    public static object JsonStandard(string code, string question = "Is MFA enforced for every administrator account?") => new
    {
        code,
        title = "MFA for admins",
        question,
        whyWeAsk = "Stolen passwords are the most common way in.",
        howToCheck = "Check the conditional access policies.",
        references = new[] { new { authority = "CIS Controls v8", citation = "Safeguard 6.5" } },
        priority = "High",
        reviewIntervalMonths = 3,
        kind = "Technology",
        tags = new[] { "mfa" },
        status = "Active",
    };

    public static string Json(string section, params object[] standards) => JsonSerializer.Serialize(new
    {
        format = "plumbline-library",
        version = 1,
        sections = new[] { new { name = section, order = 50, description = "Imported by a test.",
            categories = new[] { new { name = "Identity", order = 1, reviewIntervalMonths = 6, standards } } } },
    }, HttpAssertions.Json);

    public static ByteArrayContent File(byte[] content, string contentType)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return file;
    }

    public static ByteArrayContent File(string content, string contentType) => File(Encoding.UTF8.GetBytes(content), contentType);

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string contentType) =>
        new() { { File(content, contentType), "file", fileName } };

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
