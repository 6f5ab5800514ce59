using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Nexus.Core.Stores;

/// <summary>
/// Encrypts store credentials at rest with ASP.NET Core Data Protection (keys in the data folder). The purpose
/// string isolates these ciphertexts from every other protected payload in the app.
/// </summary>
public sealed class StoreCredentialProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Nexus.Stores.Credentials.v1");

    public string Protect(StoreCredentials credentials) =>
        _protector.Protect(JsonSerializer.Serialize(credentials));

    public StoreCredentials Unprotect(string protectedCredentials) =>
        JsonSerializer.Deserialize<StoreCredentials>(_protector.Unprotect(protectedCredentials))
        ?? throw new InvalidOperationException("Stored credentials are empty.");
}
