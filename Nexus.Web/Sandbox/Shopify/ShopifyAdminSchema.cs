namespace Nexus.Web.Sandbox.Shopify;

/// <summary>
/// The subset of Shopify's Admin GraphQL schema the sandbox serves: the same type, field, argument and enum
/// names as shopify.dev's reference for everything a read-only sync needs. Deviation, on purpose: Order.createdAt
/// is nullable so the generator's MissingDate defect reaches the connector (real Shopify never omits it).
/// </summary>
public static class ShopifyAdminSchema
{
    public const string Sdl = """
        schema { query: Query mutation: Mutation }

        scalar DateTime
        scalar Decimal
        scalar Money
        scalar UnsignedInt64
        scalar URL

        type Query {
          shop: Shop!
          currentAppInstallation: AppInstallation!
          orders(first: Int, after: String, last: Int, before: String, query: String, sortKey: OrderSortKeys = ID, reverse: Boolean = false): OrderConnection!
          order(id: ID!): Order
          refund(id: ID!): Refund
          ordersCount(query: String, limit: Int = 10000): Count
          customers(first: Int, after: String, last: Int, before: String, query: String, sortKey: CustomerSortKeys = ID, reverse: Boolean = false): CustomerConnection!
          customer(id: ID!): Customer
          customersCount(query: String, limit: Int = 10000): Count
          products(first: Int, after: String, last: Int, before: String, query: String, sortKey: ProductSortKeys = ID, reverse: Boolean = false): ProductConnection!
          product(id: ID!): Product
          productsCount(query: String, limit: Int = 10000): Count
          bulkOperation(id: ID!): BulkOperation
          currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
        }

        type Mutation {
          bulkOperationRunQuery(query: String!, groupObjects: Boolean = false): BulkOperationRunQueryPayload
        }

        type Shop { id: ID! name: String! currencyCode: CurrencyCode! ianaTimezone: String! myshopifyDomain: String! email: String! plan: ShopPlan! }
        type ShopPlan { partnerDevelopment: Boolean! shopifyPlus: Boolean! publicDisplayName: String! }
        type AppInstallation { id: ID! accessScopes: [AccessScope!]! }
        type AccessScope { handle: String! description: String! }

        type Count { count: Int! precision: CountPrecision! }
        enum CountPrecision { EXACT AT_LEAST }

        type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }

        type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
        type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
        enum CurrencyCode { USD EUR GBP CAD AUD JPY CHF SEK DKK NOK PLN }

        type MailingAddress {
          id: ID! firstName: String lastName: String name: String company: String address1: String address2: String
          city: String province: String provinceCode: String zip: String country: String countryCodeV2: CountryCode phone: String
        }
        enum CountryCode { AT AU BE BR BY CA CH CN CO CZ DE DK ES FI FR GB GR IE IL IN IT JP MA MG MX NL NO NZ PL PT RU SE US ZA }

        type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }
        type OrderEdge { cursor: String! node: Order! }
        enum OrderSortKeys { CREATED_AT ID PROCESSED_AT UPDATED_AT }

        type Order {
          id: ID! legacyResourceId: UnsignedInt64! name: String! email: String phone: String note: String
          createdAt: DateTime updatedAt: DateTime! processedAt: DateTime! closedAt: DateTime cancelledAt: DateTime cancelReason: OrderCancelReason
          closed: Boolean! test: Boolean! confirmed: Boolean!
          displayFinancialStatus: OrderDisplayFinancialStatus displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
          currencyCode: CurrencyCode! presentmentCurrencyCode: CurrencyCode! taxesIncluded: Boolean!
          subtotalPriceSet: MoneyBag totalPriceSet: MoneyBag! totalTaxSet: MoneyBag totalDiscountsSet: MoneyBag
          totalShippingPriceSet: MoneyBag! totalRefundedSet: MoneyBag! currentTotalPriceSet: MoneyBag!
          discountCodes: [String!]! paymentGatewayNames: [String!]! sourceName: String clientIp: String
          customer: Customer billingAddress: MailingAddress shippingAddress: MailingAddress
          lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
          shippingLines(first: Int, after: String, last: Int, before: String, reverse: Boolean = false, includeRemovals: Boolean = false): ShippingLineConnection!
          taxLines: [TaxLine!]!
          additionalFees: [AdditionalFee!]!
          refunds(first: Int): [Refund!]!
        }
        enum OrderDisplayFinancialStatus { AUTHORIZED EXPIRED PAID PARTIALLY_PAID PARTIALLY_REFUNDED PENDING REFUNDED VOIDED }
        enum OrderDisplayFulfillmentStatus { FULFILLED IN_PROGRESS ON_HOLD OPEN PARTIALLY_FULFILLED PENDING_FULFILLMENT RESTOCKED SCHEDULED UNFULFILLED }
        enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }

        type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }
        type LineItemEdge { cursor: String! node: LineItem! }
        type LineItem {
          id: ID! name: String! title: String! sku: String quantity: Int! currentQuantity: Int! variantTitle: String
          product: Product variant: ProductVariant
          originalUnitPriceSet: MoneyBag! discountedUnitPriceSet: MoneyBag! originalTotalSet: MoneyBag! discountedTotalSet: MoneyBag!
          totalDiscountSet: MoneyBag! taxLines(first: Int): [TaxLine!]! customAttributes: [Attribute!]! taxable: Boolean!
        }
        type Attribute { key: String! value: String }
        type TaxLine { title: String! rate: Float ratePercentage: Float priceSet: MoneyBag! }
        type AdditionalFee { id: ID! name: String! price: MoneyBag! taxLines: [TaxLine!]! }

        type ShippingLineConnection { edges: [ShippingLineEdge!]! nodes: [ShippingLine!]! pageInfo: PageInfo! }
        type ShippingLineEdge { cursor: String! node: ShippingLine! }
        type ShippingLine { id: ID title: String! code: String source: String originalPriceSet: MoneyBag! discountedPriceSet: MoneyBag! taxLines: [TaxLine!]! }

        type Refund {
          id: ID! legacyResourceId: UnsignedInt64! createdAt: DateTime updatedAt: DateTime! note: String totalRefundedSet: MoneyBag!
          order: Order!
          refundLineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): RefundLineItemConnection!
        }
        type RefundLineItemConnection { edges: [RefundLineItemEdge!]! nodes: [RefundLineItem!]! pageInfo: PageInfo! }
        type RefundLineItemEdge { cursor: String! node: RefundLineItem! }
        type RefundLineItem {
          id: ID! quantity: Int! restockType: RefundLineItemRestockType! restocked: Boolean! lineItem: LineItem!
          priceSet: MoneyBag! subtotalSet: MoneyBag! totalTaxSet: MoneyBag!
        }
        enum RefundLineItemRestockType { CANCEL LEGACY_RESTOCK NO_RESTOCK RETURN }

        type CustomerConnection { edges: [CustomerEdge!]! nodes: [Customer!]! pageInfo: PageInfo! }
        type CustomerEdge { cursor: String! node: Customer! }
        enum CustomerSortKeys { CREATED_AT ID NAME UPDATED_AT }
        type Customer {
          id: ID! legacyResourceId: UnsignedInt64! firstName: String lastName: String displayName: String!
          email: String phone: String defaultEmailAddress: CustomerEmailAddress defaultPhoneNumber: CustomerPhoneNumber
          defaultAddress: MailingAddress addresses(first: Int): [MailingAddress!]!
          createdAt: DateTime! updatedAt: DateTime! state: CustomerState! numberOfOrders: UnsignedInt64! amountSpent: MoneyV2!
          verifiedEmail: Boolean! tags: [String!]! note: String
        }
        type CustomerEmailAddress { emailAddress: String! marketingState: CustomerEmailAddressMarketingState! }
        enum CustomerEmailAddressMarketingState { INVALID NOT_SUBSCRIBED PENDING SUBSCRIBED UNSUBSCRIBED }
        type CustomerPhoneNumber { phoneNumber: String! }
        enum CustomerState { DECLINED DISABLED ENABLED INVITED }

        type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! }
        type ProductEdge { cursor: String! node: Product! }
        enum ProductSortKeys { CREATED_AT ID TITLE UPDATED_AT }
        type Product {
          id: ID! legacyResourceId: UnsignedInt64! title: String! handle: String! status: ProductStatus! productType: String!
          vendor: String! tags: [String!]! createdAt: DateTime! updatedAt: DateTime! onlineStoreUrl: URL
          totalInventory: Int! tracksInventory: Boolean! hasOnlyDefaultVariant: Boolean! options(first: Int): [ProductOption!]!
          variants(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): ProductVariantConnection!
          variantsCount: Count
        }
        enum ProductStatus { ACTIVE ARCHIVED DRAFT }
        type ProductOption { id: ID! name: String! position: Int! values: [String!]! }
        type ProductVariantConnection { edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo! }
        type ProductVariantEdge { cursor: String! node: ProductVariant! }
        type ProductVariant {
          id: ID! legacyResourceId: UnsignedInt64! title: String! displayName: String! sku: String price: Money! compareAtPrice: Money
          inventoryQuantity: Int availableForSale: Boolean! selectedOptions: [SelectedOption!]! createdAt: DateTime! updatedAt: DateTime!
          product: Product! inventoryItem: InventoryItem!
        }
        type SelectedOption { name: String! value: String! }
        type InventoryItem { id: ID! tracked: Boolean! sku: String unitCost: MoneyV2 }

        type BulkOperation {
          id: ID! status: BulkOperationStatus! errorCode: BulkOperationErrorCode createdAt: DateTime! completedAt: DateTime
          objectCount: UnsignedInt64! rootObjectCount: UnsignedInt64! fileSize: UnsignedInt64 url: URL partialDataUrl: URL
          query: String! type: BulkOperationType!
        }
        enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }
        enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
        enum BulkOperationType { MUTATION QUERY }
        type BulkOperationRunQueryPayload { bulkOperation: BulkOperation userErrors: [BulkOperationUserError!]! }
        type BulkOperationUserError { field: [String!] message: String! code: BulkOperationUserErrorCode }
        enum BulkOperationUserErrorCode { INVALID OPERATION_IN_PROGRESS }
        """;

    /// <summary>The values of one enum in <see cref="Sdl"/>, e.g. to serve only country codes the schema knows.</summary>
    public static HashSet<string> EnumValues(string enumName)
    {
        var document = GraphQLParser.Parser.Parse(Sdl);
        var values = document.Definitions.OfType<GraphQLParser.AST.GraphQLEnumTypeDefinition>()
            .Single(e => e.Name.StringValue == enumName).Values!.Items.Select(v => v.Name.StringValue);
        return new HashSet<string>(values, StringComparer.Ordinal);
    }
}
