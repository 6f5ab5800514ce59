using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nexus.Core.Monitoring;

namespace Nexus.Core.Stores;

/// <summary>
/// How the Data Protection key ring (which decrypts every store secret) is protected at rest (<c>Nexus:KeyRing</c>).
/// The ring lives in <c>{DataFolder}/keys</c>; without protection a copy of the data folder decrypts everything.
/// With a certificate, each key is encrypted with it, and the certificate (kept outside the data folder, its
/// password in an environment variable) is needed to read them.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "Nexus:KeyRing";

    /// <summary>A PKCS#12 (.pfx) file with a private key, outside the data folder.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its password; supply it through <c>Nexus__KeyRing__CertificatePassword</c>, never in a file next to it.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Accept an unencrypted ring in Production (not recommended; the disk itself must then be encrypted).</summary>
    public bool AllowUnprotected { get; set; }
}

public static class KeyRingProtection
{
    public const string CheckName = "Key ring at rest";

    /// <summary>Data Protection with keys in <c>{dataFolder}/keys</c>, encrypted with the configured certificate when there is one.</summary>
    public static IDataProtectionBuilder AddNexusDataProtection(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var options = Options(configuration);
        var builder = services.AddDataProtection()
            .SetApplicationName("Nexus")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysFolder(dataFolder)));
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = LoadCertificate(options);
            // UnprotectKeysWithAnyCertificate: decryption finds the certificate here, not in a machine store the app may not have.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return builder;
    }

    public static string KeysFolder(string dataFolder) => Path.Combine(dataFolder, "keys");

    public static KeyRingOptions Options(IConfiguration configuration) => configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();

    public static X509Certificate2 LoadCertificate(KeyRingOptions options)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey) throw new CryptographicException($"{options.CertificatePath} has no private key; Nexus needs it to read the key ring back.");
        return certificate;
    }

    /// <summary>The <c>validate-deployment</c> check, also run before the web app starts (Production refuses an unprotected ring unless allowed).</summary>
    public static DeploymentCheck Check(IConfiguration configuration, IHostEnvironment environment, string dataFolder)
    {
        var options = Options(configuration);
        var keys = KeysFolder(dataFolder);
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!environment.IsProduction()) return new DeploymentCheck(CheckName, true, $"unencrypted in {keys} (allowed outside Production)");
            if (options.AllowUnprotected) return new DeploymentCheck(CheckName, true, $"unencrypted in {keys}, allowed by Nexus:KeyRing:AllowUnprotected; the disk itself must be encrypted");
            return new DeploymentCheck(CheckName, false,
                $"The key ring in {keys} is not encrypted: a copy of the data folder decrypts every store secret. Set Nexus__KeyRing__CertificatePath to a .pfx "
                + "outside the data folder and Nexus__KeyRing__CertificatePassword (see README, \"Protecting the key ring\"), or accept the risk with Nexus__KeyRing__AllowUnprotected=true.");
        }
        var path = Path.GetFullPath(options.CertificatePath);
        if (path.StartsWith(Path.GetFullPath(dataFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return new DeploymentCheck(CheckName, false, $"The certificate {path} is inside the data folder, so a copy of the folder still decrypts everything. Keep it elsewhere.");
        try
        {
            using var certificate = LoadCertificate(options);
            var unencrypted = Directory.Exists(keys) ? Directory.EnumerateFiles(keys, "key-*.xml").Count(f => File.ReadAllText(f).Contains("<masterKey", StringComparison.Ordinal) && !File.ReadAllText(f).Contains("encryptedSecret", StringComparison.Ordinal)) : 0;
            return new DeploymentCheck(CheckName, true, $"keys encrypted with certificate {certificate.Subject} ({certificate.Thumbprint[..8]}…), which expires {certificate.NotAfter:yyyy-MM-dd}"
                + (unencrypted > 0 ? $"; {unencrypted} older key(s) were written before protection and are still unencrypted: they expire on their own (90 days), or delete them after re-entering store credentials" : ""));
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return new DeploymentCheck(CheckName, false, $"The key-ring certificate {path} cannot be loaded ({ex.Message}). Check the path and Nexus__KeyRing__CertificatePassword.");
        }
    }
}
