namespace Nexus.Core.Stores;

/// <summary>A store's settings after validation: trimmed, with the address in its one canonical form.</summary>
public sealed record ValidStoreSettings(string Name, Uri? BaseUrl, int RequestsPerMinute)
{
    /// <summary>The address as stored: absolute, without a trailing slash; empty for a store without one (uploaded files).</summary>
    public string BaseUrlText => BaseUrl?.ToString().TrimEnd('/') ?? "";
}

/// <summary>
/// The one validation of a store's settings, used by the Add-store wizard, the edit dialog and the CLI (through
/// <see cref="StoreService"/>): an absolute http(s) address without credentials in it, and lengths enforced
/// here rather than trusted to the database (SQLite ignores column lengths). Every failure is an
/// <see cref="ArgumentException"/> whose message says what to enter instead.
/// </summary>
public static class StoreValidation
{
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 2000;
    public const int MaxCredentialLength = 500;
    public const int MinRequestsPerMinute = 1;
    public const int MaxRequestsPerMinute = 100_000;

    public static ValidStoreSettings Validate(string? name, string? baseUrl, int requestsPerMinute, StoreCredentials? credentials = null)
    {
        var url = ValidateUrl(baseUrl);
        return ValidateWithoutAddress(name, requestsPerMinute, credentials) with { BaseUrl = url };
    }

    /// <summary>Name, budget and credentials of a store that has no address (it is fed by uploaded files).</summary>
    public static ValidStoreSettings ValidateWithoutAddress(string? name, int requestsPerMinute, StoreCredentials? credentials = null)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0) throw new ArgumentException("A store needs a name.");
        if (trimmed.Length > MaxNameLength) throw new ArgumentException($"The store name is {trimmed.Length:N0} characters long; use at most {MaxNameLength}.");
        if (trimmed.Any(char.IsControl)) throw new ArgumentException("The store name contains control characters; type it again.");
        ValidateBudget(requestsPerMinute);
        if (credentials is not null) ValidateCredentials(credentials);
        return new ValidStoreSettings(trimmed, null, requestsPerMinute);
    }

    /// <summary>An absolute http:// or https:// address with a host, no user name or password in it, at most <see cref="MaxUrlLength"/> characters.</summary>
    public static Uri ValidateUrl(string? baseUrl)
    {
        var typed = (baseUrl ?? "").Trim();
        // "shop.example.com" means https://shop.example.com: every store platform serves its API over HTTPS.
        var text = typed.Length > 0 && !typed.Contains("://", StringComparison.Ordinal) ? "https://" + typed : typed;
        if (text.Length > MaxUrlLength) throw new ArgumentException($"The store address is {text.Length:N0} characters long; use at most {MaxUrlLength}.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
            throw new ArgumentException($"'{Shorten(typed)}' is not a web address. Use the store's address, e.g. https://shop.example.com.");
        if (url.UserInfo.Length > 0)
            throw new ArgumentException("The store address contains a user name or password; enter the address alone and put the credentials in their own fields.");
        if (url.Query.Length > 0 || url.Fragment.Length > 0)
            throw new ArgumentException("Use the store's home address without '?…' or '#…', e.g. https://shop.example.com.");
        return url;
    }

    public static void ValidateCredentials(StoreCredentials credentials)
    {
        foreach (var (label, value) in credentials.Fields.Select(f => (f.Key.Replace('_', ' '), f.Value)))
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"The {label} is empty; paste it from the store's admin.");
            if (value.Length > MaxCredentialLength) throw new ArgumentException($"The {label} is {value.Length:N0} characters long; real keys are far shorter (at most {MaxCredentialLength}). Paste it again.");
            if (value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) throw new ArgumentException($"The {label} contains spaces or line breaks; paste it again without them.");
        }
    }

    public static void ValidateBudget(int requestsPerMinute)
    {
        if (requestsPerMinute is < MinRequestsPerMinute or > MaxRequestsPerMinute)
            throw new ArgumentException($"A request budget of {requestsPerMinute} per minute is not usable; use {MinRequestsPerMinute} to {MaxRequestsPerMinute}; the platform's default suits most hosts.");
    }

    /// <summary>Five-field cron in UTC, parsed here so a schedule the job server cannot read is never saved.</summary>
    public static string ValidateCron(string? cron)
    {
        var text = (cron ?? "").Trim();
        if (text.Length is 0 or > 100) throw new ArgumentException("Enter a schedule in cron syntax, e.g. '0 * * * *' for hourly.");
        if (SyncSchedule.TryParse(text, out var error) is null) throw new ArgumentException(error);
        return text;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
