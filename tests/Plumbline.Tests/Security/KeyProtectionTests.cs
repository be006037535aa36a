using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Plumbline.Data;
using Plumbline.Tests.TestSupport;

namespace Plumbline.Tests.Security;

/// <summary>With a certificate configured, the cookie-protecting keys are stored encrypted, so a database copy cannot forge a sign-in.</summary>
public sealed class KeyProtectionTests
{
    [Fact]
    public async Task Keys_are_encrypted_with_the_configured_certificate_and_sign_in_still_works()
    {
        var folder = Directory.CreateTempSubdirectory("plumbline-keys-").FullName;
        try
        {
            var pfx = Path.Combine(folder, "keys.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=Plumbline data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "s3cret-pass"));
            }
            await using var instance = new PlumblineFactory(settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = pfx,
                ["DataProtection:CertificatePassword"] = "s3cret-pass",
            });

            var admin = await instance.AdminAsync();
            var page = await instance.Anonymous().GetAsync("/account/sign-in");

            Assert.True(page.IsSuccessStatusCode);
            using var scope = instance.Services.CreateScope();
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml);
                Assert.DoesNotContain("<masterKey", xml);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_certificate_the_keys_are_stored_as_before()
    {
        await using var instance = new PlumblineFactory();
        await instance.Anonymous().GetAsync("/account/sign-in");

        using var scope = instance.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.Contains(stored, xml => xml!.Contains("<masterKey"));
    }
}
