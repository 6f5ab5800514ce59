namespace Nexus.Core.Quality.Rules;

/// <summary>
/// What the cross-record rules need to know about the rest of the store, for one page: who owns each e-mail and SKU
/// the page uses (the record with the lowest platform id keeps it: connectors page by id, so the earlier record is
/// the original and later ones are the duplicates) and which referenced customers and products exist. Built per
/// page from batched database look-ups plus the page itself, so memory stays bounded by the page, not the store.
/// </summary>
public sealed class StoreFacts
{
    private readonly Dictionary<string, string> _emailOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skuOwners = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _products = new(StringComparer.Ordinal);

    /// <param name="references">False when references were not looked up (e.g. a single record checked alone): reference rules then pass.</param>
    public StoreFacts(bool references = true) => ReferencesKnown = references;

    /// <summary>No facts at all: uniqueness and reference rules pass. For checking a record on its own.</summary>
    public static StoreFacts None => new(references: false);

    public bool ReferencesKnown { get; }

    public void AddEmail(string platformId, string email) => KeepEarliest(_emailOwners, email, platformId);

    public void AddSku(string platformId, string sku) => KeepEarliest(_skuOwners, sku, platformId);

    public void AddCustomer(string platformId) => _customers.Add(platformId);

    public void AddProduct(string platformId) => _products.Add(platformId);

    /// <summary>True when an earlier record of the store uses this e-mail.</summary>
    public bool IsDuplicateEmail(string platformId, string email) =>
        _emailOwners.TryGetValue(email, out var owner) && !string.Equals(owner, platformId, StringComparison.Ordinal);

    public bool IsDuplicateSku(string platformId, string sku) =>
        _skuOwners.TryGetValue(sku, out var owner) && !string.Equals(owner, platformId, StringComparison.Ordinal);

    /// <summary>Null when references were not looked up.</summary>
    public bool? CustomerExists(string platformId) => ReferencesKnown ? _customers.Contains(platformId) : null;

    public bool? ProductExists(string platformId) => ReferencesKnown ? _products.Contains(platformId) : null;

    private static void KeepEarliest(Dictionary<string, string> owners, string key, string platformId)
    {
        if (!owners.TryGetValue(key, out var current) || ComparePlatformIds(platformId, current) < 0)
            owners[key] = platformId;
    }

    /// <summary>Numeric ids compare as numbers ("9" before "10"); anything else ordinally, after numbers.</summary>
    public static int ComparePlatformIds(string a, string b)
    {
        var aNumeric = long.TryParse(a, out var x);
        var bNumeric = long.TryParse(b, out var y);
        if (aNumeric && bNumeric) return x.CompareTo(y);
        if (aNumeric != bNumeric) return aNumeric ? -1 : 1;
        return string.CompareOrdinal(a, b);
    }
}
