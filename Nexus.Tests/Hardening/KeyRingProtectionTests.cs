using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Nexus.Core.Monitoring;
using Nexus.Core.Stores;
using Nexus.Web;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 item 9: the key ring is encrypted at rest with a certificate kept outside the data folder; Production refuses an unprotected ring.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nexus-keyring", Guid.NewGuid().ToString("N"));
    private string DataFolder => Path.Combine(_root, "data");
    private string CertificatePath => Path.Combine(_root, "secrets", "keyring.pfx");

    public KeyRingProtectionTests()
    {
        Directory.CreateDirectory(DataFolder);
        Directory.CreateDirectory(Path.GetDirectoryName(CertificatePath)!);
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Nexus key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
    }

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private IConfiguration WithCertificate(string? path = null) => Config(("Nexus:DataFolder", DataFolder),
        ("Nexus:KeyRing:CertificatePath", path ?? CertificatePath), ("Nexus:KeyRing:CertificatePassword", "pfx-pass"));

    private IDataProtector Protector(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddNexusDataProtection(configuration, DataFolder);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    [Fact]
    public void With_a_certificate_the_keys_on_disk_are_encrypted_and_a_copy_of_the_data_folder_alone_decrypts_nothing()
    {
        var secret = Protector(WithCertificate()).Protect("cs_live_secret");

        var keyFiles = Directory.GetFiles(Path.Combine(DataFolder, "keys"), "key-*.xml");
        var xml = File.ReadAllText(Assert.Single(keyFiles));
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("unencrypted form", xml); // what an unprotected ring says above the key

        Assert.Equal("cs_live_secret", Protector(WithCertificate()).Unprotect(secret)); // the app after a restart
        var thief = Protector(Config(("Nexus:DataFolder", DataFolder)));                 // the data folder without the certificate
        Assert.ThrowsAny<CryptographicException>(() => thief.Unprotect(secret));
    }

    [Fact]
    public void Production_refuses_an_unprotected_ring_unless_explicitly_allowed_and_validate_deployment_says_how_to_fix_it()
    {
        var production = new HostingEnvironment { EnvironmentName = "Production" };
        var refused = Assert.Single(DeploymentValidator.CheckConfiguration(Config(("Nexus:DataFolder", DataFolder)), production), c => c.Name == KeyRingProtection.CheckName);
        Assert.False(refused.Passed);
        Assert.Contains("Nexus__KeyRing__CertificatePath", refused.Detail);

        var allowed = KeyRingProtection.Check(Config(("Nexus:DataFolder", DataFolder), ("Nexus:KeyRing:AllowUnprotected", "true")), production, DataFolder);
        Assert.True(allowed.Passed);
        Assert.Contains("AllowUnprotected", allowed.Detail);

        var protectedRing = KeyRingProtection.Check(WithCertificate(), production, DataFolder);
        Assert.True(protectedRing.Passed, protectedRing.Detail);
        Assert.Contains("CN=Nexus key ring", protectedRing.Detail);

        var development = KeyRingProtection.Check(Config(), new HostingEnvironment { EnvironmentName = "Development" }, DataFolder);
        Assert.True(development.Passed);
    }

    [Fact]
    public void A_certificate_inside_the_data_folder_or_with_a_wrong_password_fails_the_check()
    {
        var production = new HostingEnvironment { EnvironmentName = "Production" };
        var inside = Path.Combine(DataFolder, "keyring.pfx");
        File.Copy(CertificatePath, inside);
        Assert.Contains("inside the data folder", KeyRingProtection.Check(WithCertificate(inside), production, DataFolder).Detail);

        var wrong = KeyRingProtection.Check(Config(("Nexus:KeyRing:CertificatePath", CertificatePath), ("Nexus:KeyRing:CertificatePassword", "nope")), production, DataFolder);
        Assert.False(wrong.Passed);
        Assert.Contains("cannot be loaded", wrong.Detail);
    }

    [Fact]
    public void The_web_app_refuses_to_start_in_production_with_an_unprotected_ring()
    {
        var builder = NexusWebApp.CreateBuilder(["--environment", "Production", "--Nexus:DataFolder", DataFolder,
            "--Nexus:Demo:Enabled", "false", "--Nexus:Sandbox:Enabled", "false"]);
        var error = Assert.Throws<Nexus.Core.Monitoring.DeploymentRefusedException>(() => NexusWebApp.Build(builder));
        Assert.Contains($"[{KeyRingProtection.CheckName}]", error.Message);
        Assert.DoesNotContain("[Demo mode]", error.Message);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
