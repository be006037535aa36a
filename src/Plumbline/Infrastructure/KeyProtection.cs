using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Plumbline.Data;

namespace Plumbline.Infrastructure;

/// <summary>
/// The keys that protect sign-in cookies and antiforgery tokens live in the database, so every app node reads them. Anyone
/// with a copy of the database (a backup, say) could then forge a sign-in. With `DataProtection:CertificatePath` (a
/// PFX file, password in `DataProtection:CertificatePassword`) set, new keys are encrypted with that certificate before
/// they are stored, and only nodes that hold it can read them. Certificates being retired can be listed in
/// `DataProtection:OldCertificatePaths` while keys made with them expire.
/// </summary>
public static class KeyProtection
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddKeyProtection(this IServiceCollection services, IConfiguration config)
    {
        // Keys live in the database so any app node can read any cookie (ENGINEERING.md, Running at scale).
        var keys = services.AddDataProtection().SetApplicationName("Plumbline").PersistKeysToDbContext<AppDbContext>();
        var password = config[$"{Section}:CertificatePassword"];
        if (config[$"{Section}:CertificatePath"] is { Length: > 0 } path) keys.ProtectKeysWithCertificate(Load(path, password));
        var old = config.GetSection($"{Section}:OldCertificatePaths").Get<string[]>() ?? [];
        if (old.Length > 0) keys.UnprotectKeysWithAnyCertificate([.. old.Select(p => Load(p, password))]);
        return services;
    }

    private static X509Certificate2 Load(string path, string? password) =>
        File.Exists(path)
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet)
            : throw new InvalidOperationException($"{Section}: the certificate file {path} does not exist.");
}
