namespace Nexus.Core.Platforms.Sandbox.Defects;

/// <summary>Entities that can carry an injected defect.</summary>
public enum SandboxEntity { Customer, Product, Order }

/// <summary>Realistic data problems the generator can inject, each recorded in <see cref="GroundTruth"/>.</summary>
public enum DefectKind
{
    /// <summary>Customer e-mail that is not a valid address (no '@', double '@', spaces, missing TLD).</summary>
    InvalidEmail,
    /// <summary>Customer e-mail equal to an earlier customer's e-mail (the later record carries the defect).</summary>
    DuplicateEmail,
    /// <summary>Customer billing address entirely blank.</summary>
    MissingAddress,
    /// <summary>Customer billing address with city and postcode blank.</summary>
    PartialAddress,
    /// <summary>Customer billing phone that is not a phone number.</summary>
    MalformedPhone,
    /// <summary>Product price of zero or below.</summary>
    ZeroOrNegativePrice,
    /// <summary>Product SKU equal to an earlier product's SKU (the later record carries the defect).</summary>
    DuplicateSku,
    /// <summary>Order total differs from items − discount + shipping + fees + tax.</summary>
    TotalsMismatch,
    /// <summary>Order date_created after the store's clock at generation.</summary>
    FutureDate,
    /// <summary>Order date_created (and its _gmt twin) null.</summary>
    MissingDate,
    /// <summary>Order line item whose product_id is no product of the store.</summary>
    OrphanLineItem,
    /// <summary>Order status outside WooCommerce's set.</summary>
    UnknownStatus,
}

public static class DefectKinds
{
    public static SandboxEntity EntityOf(DefectKind kind) => kind switch
    {
        DefectKind.InvalidEmail or DefectKind.DuplicateEmail or DefectKind.MissingAddress
            or DefectKind.PartialAddress or DefectKind.MalformedPhone => SandboxEntity.Customer,
        DefectKind.ZeroOrNegativePrice or DefectKind.DuplicateSku => SandboxEntity.Product,
        _ => SandboxEntity.Order,
    };

    public static IEnumerable<DefectKind> For(SandboxEntity entity) => Enum.GetValues<DefectKind>().Where(k => EntityOf(k) == entity);
}
