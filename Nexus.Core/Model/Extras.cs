using System.Collections.Frozen;

namespace Nexus.Core.Model;

/// <summary>
/// Platform fields the canonical model has no column for (e.g. WooCommerce <c>meta_data</c>), kept as
/// raw JSON text per key so nothing fetched is lost.
/// </summary>
public static class Extras
{
    /// <summary>Shared empty bag: most records have no extras and should not allocate one.</summary>
    public static IReadOnlyDictionary<string, string> Empty { get; } = FrozenDictionary<string, string>.Empty;
}
