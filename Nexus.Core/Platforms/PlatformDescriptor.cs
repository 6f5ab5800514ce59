using System.Text.RegularExpressions;
using Nexus.Core.Stores;

namespace Nexus.Core.Platforms;

/// <summary>
/// One credential a platform asks for. The Add-store wizard, the edit dialog and <c>stores add --credential NAME=VALUE</c>
/// are all rendered and validated from these, so a platform with one token or four OAuth values needs no UI change.
/// </summary>
/// <param name="Name">The field's name in stored credentials and on the command line, e.g. <c>key</c>.</param>
/// <param name="Label">What the merchant sees, e.g. "Consumer key".</param>
/// <param name="Help">Where to find it, in the merchant's words.</param>
/// <param name="Secret">Masked in forms and never shown back (a token or secret, not an id).</param>
/// <param name="Pattern">A regular expression the whole value must match (e.g. <c>ck_[0-9a-f]+</c>); null for any text.</param>
/// <param name="PatternHint">What a valid value looks like, for the error message.</param>
/// <param name="Required">False for a field that may be left empty (a default applies, or the platform's <see cref="PlatformDescriptor.CheckCredentials"/> decides).</param>
public sealed record CredentialField(string Name, string Label, string Help, bool Secret = false, string? Pattern = null, string? PatternHint = null, bool Required = true)
{
    /// <summary>Null when the value is acceptable, otherwise what is wrong in plain words.</summary>
    public string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Required ? $"{Label} is required." : null;
        if (Pattern is { } pattern && !Regex.IsMatch(value.Trim(), $"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            return $"{Label} does not look right{(PatternHint is { } hint ? $": {hint}" : ".")}";
        return null;
    }
}

/// <summary>
/// A platform Nexus can connect to, described once: its id, the name and icon merchants see, what a store address looks
/// like, its default request budget, which entities it can filter by modification time, the credentials it asks for, and
/// how to build its connector. Adding a platform is one folder and one registration of this.
/// </summary>
public sealed class PlatformDescriptor
{
    /// <summary>Stable id in stored stores and on the command line, e.g. <c>woocommerce</c>.</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>An SVG path or a MudBlazor icon string for the store card; null shows the name's initial.</summary>
    public string? Icon { get; init; }

    public required IReadOnlyList<CredentialField> Credentials { get; init; }

    /// <summary>Where merchants create these credentials, shown above the fields.</summary>
    public string? CredentialsHelp { get; init; }

    /// <summary>The address field's example and help.</summary>
    public string UrlPlaceholder { get; init; } = "https://shop.example.com";

    public string UrlHelp { get; init; } = "The store's home address";

    /// <summary>A platform's own address rule (e.g. Shopify's *.myshopify.com); null when any http(s) address will do. Returns what is wrong.</summary>
    public Func<Uri, string?>? CheckUrl { get; init; }

    /// <summary>
    /// The store is fed by files the merchant uploads (CSV), not by an API: it has no address and no schedule, and
    /// its page offers an upload instead of "Sync now".
    /// </summary>
    public bool FedByUploads { get; init; }

    public int DefaultRequestsPerMinute { get; init; } = Resilience.RequestBudgetRegistry.DefaultRequestsPerMinute;

    /// <summary>Entities the platform filters by modification time, so incremental syncs fetch only what changed.</summary>
    public IReadOnlySet<SyncEntity> IncrementalEntities { get; init; } = new HashSet<SyncEntity>();

    public required Func<IServiceProvider, ConnectorTarget, IStoreConnector> CreateConnector { get; init; }

    /// <summary>A platform's rule across fields (e.g. "all four OAuth values or the token alone"); returns the problems, none when fine.</summary>
    public Func<StoreCredentials, IEnumerable<string>>? CheckCredentials { get; init; }

    /// <summary>Every problem with these credentials for this platform (missing, malformed, unknown fields); empty when fine.</summary>
    public IReadOnlyList<string> ValidateCredentials(StoreCredentials credentials)
    {
        var problems = Credentials.Select(f => f.Validate(credentials[f.Name])).OfType<string>().ToList();
        var unknown = credentials.Fields.Keys.Where(k => Credentials.All(f => !string.Equals(f.Name, k, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            problems.Add($"{DisplayName} does not use {string.Join(", ", unknown)}; it asks for {string.Join(", ", Credentials.Select(f => f.Name))}.");
        if (problems.Count == 0 && CheckCredentials is { } check) problems.AddRange(check(credentials));
        return problems;
    }

    /// <summary>What is wrong with the address for this platform, or null.</summary>
    public string? ValidateUrl(string address) =>
        !Uri.TryCreate(address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            ? $"'{address}' is not a web address. Use the store's address, e.g. {UrlPlaceholder}."
            : CheckUrl?.Invoke(url);
}
