using System.Runtime.CompilerServices;
using Nexus.Core.Platforms.Sandbox.Generation;

namespace Nexus.Web.Sandbox.Magento;

public enum MagentoProductKind { Simple, Configurable, ConfigurableChild, Bundle, Grouped }

/// <summary>
/// One row of Magento's catalogue. Magento keeps a configurable product's children as products of their own
/// (simple, not visible individually), so every generated variation is a product here with the variation's id.
/// </summary>
public sealed record MagentoProductEntry(
    int Id, MagentoProductKind Kind, string Sku, string Name, decimal? Price, decimal? SpecialPrice, int? Stock,
    SandboxProduct Source, SandboxVariation? Variation, IReadOnlyList<SandboxProduct> Components, DateTime CreatedUtc, DateTime ModifiedUtc);

/// <summary>
/// The generated catalogue as a Magento store holds it: generated simple and variable products (variable ones become
/// configurable, their variations child products), plus bundles and grouped products composed of generated simple
/// products, one of each per 20 generated products (at least one). A bundle has fixed price: its anchor (first
/// component) product's price. Order lines selling an anchor product are served as that bundle, so orders contain
/// bundle rows while every total stays exactly the generated one.
/// </summary>
public sealed class MagentoCatalog
{
    private static readonly ConditionalWeakTable<SandboxStore, MagentoCatalog> Cache = new();

    /// <summary>Size and Color option ids, the way Magento's EAV stores select options.</summary>
    public static readonly IReadOnlyDictionary<string, int> OptionIds = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["S"] = 167, ["M"] = 168, ["L"] = 169, ["XL"] = 170,
        ["Black"] = 49, ["White"] = 59, ["Blue"] = 50, ["Rot"] = 58, ["Vert"] = 53, ["Grå"] = 52,
    };

    public static readonly IReadOnlyDictionary<string, (string Code, int AttributeId)> Attributes = new Dictionary<string, (string, int)>(StringComparer.Ordinal)
    {
        ["Size"] = ("size", 144), ["Color"] = ("color", 93),
    };

    private readonly Dictionary<int, MagentoProductEntry> _byId;
    private readonly Dictionary<int, MagentoProductEntry> _bundleByAnchor;
    private readonly Dictionary<string, MagentoProductEntry> _bySku;

    private MagentoCatalog(SandboxStore store)
    {
        var entries = new List<MagentoProductEntry>();
        var children = new List<MagentoProductEntry>();
        foreach (var p in store.Products)
        {
            if (p.IsVariable && p.Variations.Count > 0)
            {
                entries.Add(new MagentoProductEntry(p.Id, MagentoProductKind.Configurable, p.Sku, p.Name, null, null, null, p, null, [], p.CreatedUtc, p.ModifiedUtc));
                foreach (var v in p.Variations)
                    children.Add(new MagentoProductEntry(v.Id, MagentoProductKind.ConfigurableChild, v.Sku, ChildName(p, v), v.RegularPrice, v.SalePrice, v.StockQuantity, p, v, [], v.CreatedUtc, v.ModifiedUtc));
            }
            else
            {
                entries.Add(new MagentoProductEntry(p.Id, MagentoProductKind.Simple, p.Sku, p.Name, p.RegularPrice, p.SalePrice, p.StockQuantity, p, null, [], p.CreatedUtc, p.ModifiedUtc));
            }
        }

        var simple = store.Products.Where(p => !p.IsVariable).ToArray();
        var composites = Math.Max(1, store.Products.Count / 20);
        _bundleByAnchor = [];
        var nextId = store.Products.Count + 1;
        for (var k = 0; k < composites && simple.Length >= 3; k++)
        {
            var anchor = simple[k * 2 % simple.Length];
            var parts = new[] { anchor, simple[(k * 2 + 1) % simple.Length], simple[(k * 2 + 2) % simple.Length] }.Distinct().ToArray();
            var bundle = new MagentoProductEntry(nextId++, MagentoProductKind.Bundle, "BDL-" + anchor.Sku, anchor.Name + " Bundle", anchor.RegularPrice, anchor.SalePrice, null,
                anchor, null, parts, anchor.CreatedUtc, anchor.ModifiedUtc);
            entries.Add(bundle);
            _bundleByAnchor[anchor.Id] = bundle;
        }
        for (var k = 0; k < composites && simple.Length >= 2; k++)
        {
            var members = new[] { simple[(k * 3 + 1) % simple.Length], simple[(k * 3 + 2) % simple.Length] }.Distinct().ToArray();
            entries.Add(new MagentoProductEntry(nextId++, MagentoProductKind.Grouped, "GRP-" + members[0].Sku, members[0].Name + " Set", null, null, null,
                members[0], null, members, members[0].CreatedUtc, members[0].ModifiedUtc));
        }
        entries.AddRange(children);
        Products = entries;
        _byId = entries.ToDictionary(e => e.Id);
        _bySku = [];
        foreach (var e in entries) _bySku.TryAdd(e.Sku, e); // a DuplicateSku defect: the first product keeps the SKU, as a lookup would
    }

    public static MagentoCatalog For(SandboxStore store) => Cache.GetValue(store, s => new MagentoCatalog(s));

    /// <summary>Every product: generated ones, then bundles and grouped, then configurable children (ids 500 000+), i.e. in entity_id order.</summary>
    public IReadOnlyList<MagentoProductEntry> Products { get; }

    public MagentoProductEntry? Find(int id) => _byId.GetValueOrDefault(id);

    public MagentoProductEntry? FindBySku(string sku) => _bySku.GetValueOrDefault(sku);

    /// <summary>The bundle an order line of this product is served as, if the product anchors one.</summary>
    public MagentoProductEntry? BundleAnchoredBy(int productId) => _bundleByAnchor.GetValueOrDefault(productId);

    public IEnumerable<MagentoProductEntry> ChildrenOf(MagentoProductEntry configurable) =>
        configurable.Source.Variations.Select(v => _byId[v.Id]);

    /// <summary>Magento names a configurable's children "Parent-S-Black".</summary>
    public static string ChildName(SandboxProduct parent, SandboxVariation v) => parent.Name + "-" + string.Join("-", v.Attributes.Select(a => a.Option));
}
