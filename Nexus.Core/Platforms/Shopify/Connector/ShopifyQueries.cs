namespace Nexus.Core.Platforms.Shopify.Connector;

/// <summary>
/// The GraphQL documents the connector sends. Field lists are what the mappers read; nested connections ask for
/// <c>pageInfo</c> so an order with more line items (or a product with more variants) than one page is followed to
/// the end with <see cref="MoreLineItems"/> / <see cref="MoreRefundLines"/> / <see cref="MoreVariants"/>.
/// </summary>
public static class ShopifyQueries
{
    private const string Money = "shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }";
    private const string ShopMoney = "shopMoney { amount currencyCode }";
    private const string Address = "id firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone";

    public const string CustomerFields =
        "id legacyResourceId firstName lastName email phone defaultEmailAddress { emailAddress marketingState } defaultPhoneNumber { phoneNumber } "
        + $"defaultAddress {{ {Address} }} addresses(first: 5) {{ {Address} }} createdAt updatedAt state numberOfOrders amountSpent {{ amount currencyCode }} verifiedEmail tags note";

    public const string VariantFields =
        "id legacyResourceId sku price compareAtPrice inventoryQuantity selectedOptions { name value } inventoryItem { tracked unitCost { amount currencyCode } } createdAt updatedAt";

    public const string ProductFields =
        "id legacyResourceId title handle status productType vendor tags createdAt updatedAt onlineStoreUrl totalInventory tracksInventory hasOnlyDefaultVariant "
        + "options(first: 10) { id name values }";

    public const string LineItemFields =
        $"id name sku quantity product {{ id }} variant {{ id }} originalUnitPriceSet {{ {ShopMoney} }} originalTotalSet {{ {ShopMoney} }} "
        + $"discountedTotalSet {{ {ShopMoney} }} taxLines {{ title ratePercentage priceSet {{ {ShopMoney} }} }}";

    public const string OrderFields =
        "id legacyResourceId name email createdAt updatedAt processedAt closedAt cancelledAt displayFinancialStatus displayFulfillmentStatus "
        + "currencyCode presentmentCurrencyCode taxesIncluded discountCodes paymentGatewayNames note "
        + $"totalPriceSet {{ {Money} }} subtotalPriceSet {{ {Money} }} totalTaxSet {{ {Money} }} totalDiscountsSet {{ {Money} }} totalShippingPriceSet {{ {Money} }} totalRefundedSet {{ {Money} }} "
        + $"customer {{ id }} billingAddress {{ {Address} }} shippingAddress {{ {Address} }} "
        + $"taxLines {{ title ratePercentage priceSet {{ {ShopMoney} }} }} "
        + $"additionalFees {{ id name price {{ {ShopMoney} }} taxLines {{ title priceSet {{ {ShopMoney} }} }} }} "
        + $"shippingLines(first: 5) {{ nodes {{ id title code discountedPriceSet {{ {ShopMoney} }} taxLines {{ title priceSet {{ {ShopMoney} }} }} }} }}";

    public const string RefundLineFields = $"id quantity restockType restocked lineItem {{ id sku }} subtotalSet {{ {ShopMoney} }} totalTaxSet {{ {ShopMoney} }}";

    /// <summary>An order's refunds (a plain list: Shopify gives no connection for them), each with its first refund lines.</summary>
    public static string Refunds(int refundLines) =>
        $"refunds {{ id createdAt note totalRefundedSet {{ {ShopMoney} }} refundLineItems(first: {refundLines}) {{ nodes {{ {RefundLineFields} }} pageInfo {{ hasNextPage endCursor }} }} }}";

    /// <summary>The shop's facts and the granted scopes (the connection test, and the currency product prices are in).</summary>
    public const string ShopFacts = "{ shop { name currencyCode ianaTimezone myshopifyDomain } currentAppInstallation { accessScopes { handle } } }";

    /// <summary>One page of a top-level connection with the listing's count (1 point, for progress); <c>$q</c> is the search filter (incremental: <c>updated_at:&gt;='…'</c>).</summary>
    public static string Page(string connection, string sortKey, string nodeFields) =>
        $"query($first: Int!, $after: String, $q: String) {{ {connection}(first: $first, after: $after, query: $q, sortKey: {sortKey}) {{ nodes {{ {nodeFields} }} pageInfo {{ hasNextPage endCursor }} }} {connection}Count(query: $q) {{ count }} }}";

    public static string Customers(string sortKey) => Page("customers", sortKey, CustomerFields);

    public static string Products(string sortKey, int variants) =>
        Page("products", sortKey, $"{ProductFields} variants(first: {variants}) {{ nodes {{ {VariantFields} }} pageInfo {{ hasNextPage endCursor }} }}");

    public static string Orders(string sortKey, int lineItems) =>
        Page("orders", sortKey, $"{OrderFields} {Refunds(lineItems)} lineItems(first: {lineItems}) {{ nodes {{ {LineItemFields} }} pageInfo {{ hasNextPage endCursor }} }}");

    public static string MoreLineItems(int first) =>
        $"query($id: ID!, $after: String) {{ order(id: $id) {{ lineItems(first: {first}, after: $after) {{ nodes {{ {LineItemFields} }} pageInfo {{ hasNextPage endCursor }} }} }} }}";

    public static string MoreRefundLines(int first) =>
        $"query($id: ID!, $after: String) {{ refund(id: $id) {{ refundLineItems(first: {first}, after: $after) {{ nodes {{ {RefundLineFields} }} pageInfo {{ hasNextPage endCursor }} }} }} }}";

    public static string MoreVariants(int first) =>
        $"query($id: ID!, $after: String) {{ product(id: $id) {{ variants(first: {first}, after: $after) {{ nodes {{ {VariantFields} }} pageInfo {{ hasNextPage endCursor }} }} }} }}";

    /// <summary>Shopify's search syntax for "changed at or after": the date-time quoted, in UTC.</summary>
    public static string UpdatedSince(DateTimeOffset after) =>
        $"updated_at:>='{after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}'";
}
