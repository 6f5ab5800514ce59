namespace Nexus.Core.Platforms.Csv.Mapping;

/// <summary>What kind of value a canonical field takes; the suggester only proposes a field whose kind the samples fit.</summary>
public enum CsvFieldKind { Text, Id, Email, Date, Money, Decimal, Integer, Currency }

/// <summary>A canonical field a CSV column can be mapped to.</summary>
/// <param name="Id">Stable id stored in mapping files, e.g. <c>order.total</c>.</param>
/// <param name="Hints">Normalised header words that suggest this field (English plus common German/French/Spanish/Dutch).</param>
public sealed record CsvField(string Id, CsvImportEntity Entity, CsvFieldKind Kind, string Label, bool Required, params string[] Hints);

/// <summary>The catalogue of mappable fields per entity (what the mapping screen offers).</summary>
public static class CsvFields
{
    public static readonly IReadOnlyList<CsvField> All =
    [
        new("order.number", CsvImportEntity.Orders, CsvFieldKind.Id, "Order number", true, "ordernumber", "orderno", "ordernr", "order", "orderid", "name", "bestellnummer", "bestellung", "commande", "pedido", "invoice", "number", "id"),
        new("order.createdAt", CsvImportEntity.Orders, CsvFieldKind.Date, "Order date", true, "createdat", "orderdate", "date", "datum", "fecha", "created", "bestelldatum", "placedat"),
        new("order.total", CsvImportEntity.Orders, CsvFieldKind.Money, "Order total", true, "total", "ordertotal", "grandtotal", "amount", "gesamt", "betrag", "montant", "importe", "totalprice", "sum"),
        new("order.subtotal", CsvImportEntity.Orders, CsvFieldKind.Money, "Subtotal", false, "subtotal", "zwischensumme", "netsales"),
        new("order.shipping", CsvImportEntity.Orders, CsvFieldKind.Money, "Shipping", false, "shipping", "shippingtotal", "versand", "livraison", "envio", "freight"),
        new("order.tax", CsvImportEntity.Orders, CsvFieldKind.Money, "Tax", false, "tax", "taxes", "vat", "mwst", "steuer", "tva", "iva"),
        new("order.discount", CsvImportEntity.Orders, CsvFieldKind.Money, "Discount", false, "discount", "discountamount", "rabatt", "remise", "descuento"),
        new("order.refunded", CsvImportEntity.Orders, CsvFieldKind.Money, "Refunded amount", false, "refunded", "refundedamount", "refund", "erstattet", "rembourse"),
        new("order.currency", CsvImportEntity.Orders, CsvFieldKind.Currency, "Currency", false, "currency", "waehrung", "wahrung", "devise", "moneda", "cur"),
        new("order.status", CsvImportEntity.Orders, CsvFieldKind.Text, "Status", false, "status", "orderstatus", "state", "financialstatus"),
        new("order.paidAt", CsvImportEntity.Orders, CsvFieldKind.Date, "Paid at", false, "paidat", "paymentdate", "paid"),
        new("order.cancelledAt", CsvImportEntity.Orders, CsvFieldKind.Date, "Cancelled at", false, "cancelledat", "canceledat", "cancelled", "canceled", "storniert"),
        new("order.customerEmail", CsvImportEntity.Orders, CsvFieldKind.Email, "Customer e-mail", false, "email", "customeremail", "mail", "emailaddress", "courriel"),
        new("order.customerId", CsvImportEntity.Orders, CsvFieldKind.Id, "Customer id", false, "customerid", "customerno", "kundennummer", "clientid"),
        new("order.customerName", CsvImportEntity.Orders, CsvFieldKind.Text, "Customer name", false, "customer", "customername", "billingname", "kunde", "client", "cliente", "buyer"),
        new("order.city", CsvImportEntity.Orders, CsvFieldKind.Text, "Billing city", false, "city", "billingcity", "stadt", "ort", "ville", "ciudad"),
        new("order.postalCode", CsvImportEntity.Orders, CsvFieldKind.Text, "Billing postal code", false, "zip", "postcode", "postalcode", "plz", "billingzip"),
        new("order.country", CsvImportEntity.Orders, CsvFieldKind.Text, "Billing country", false, "country", "billingcountry", "land", "pays", "pais", "countryregion"),
        new("order.note", CsvImportEntity.Orders, CsvFieldKind.Text, "Note", false, "note", "notes", "comment", "bemerkung"),
        new("line.name", CsvImportEntity.Orders, CsvFieldKind.Text, "Line: product name", false, "product", "products", "productname", "item", "itemname", "lineitemname", "artikel", "produit", "producto"),
        new("line.sku", CsvImportEntity.Orders, CsvFieldKind.Text, "Line: SKU", false, "sku", "lineitemsku", "articlenumber", "artikelnummer"),
        new("line.quantity", CsvImportEntity.Orders, CsvFieldKind.Decimal, "Line: quantity", false, "quantity", "qty", "itemssold", "menge", "anzahl", "quantite", "cantidad"),
        new("line.unitPrice", CsvImportEntity.Orders, CsvFieldKind.Money, "Line: unit price", false, "price", "unitprice", "itemprice", "lineitemprice", "preis", "prix", "precio"),

        new("customer.id", CsvImportEntity.Customers, CsvFieldKind.Id, "Customer id", false, "customerid", "id", "customerno", "kundennummer", "clientid", "username"),
        new("customer.email", CsvImportEntity.Customers, CsvFieldKind.Email, "E-mail", false, "email", "mail", "emailaddress", "courriel", "correo"),
        new("customer.firstName", CsvImportEntity.Customers, CsvFieldKind.Text, "First name", false, "firstname", "givenname", "vorname", "prenom", "nombre"),
        new("customer.lastName", CsvImportEntity.Customers, CsvFieldKind.Text, "Last name", false, "lastname", "surname", "familyname", "nachname", "nom", "apellido"),
        new("customer.name", CsvImportEntity.Customers, CsvFieldKind.Text, "Full name", false, "name", "fullname", "customer", "customername"),
        new("customer.phone", CsvImportEntity.Customers, CsvFieldKind.Text, "Phone", false, "phone", "telephone", "tel", "telefon", "mobile"),
        new("customer.company", CsvImportEntity.Customers, CsvFieldKind.Text, "Company", false, "company", "firma", "societe", "empresa"),
        new("customer.address1", CsvImportEntity.Customers, CsvFieldKind.Text, "Address", false, "address", "address1", "street", "strasse", "adresse"),
        new("customer.city", CsvImportEntity.Customers, CsvFieldKind.Text, "City", false, "city", "stadt", "ort", "ville", "ciudad"),
        new("customer.postalCode", CsvImportEntity.Customers, CsvFieldKind.Text, "Postal code", false, "zip", "postcode", "postalcode", "plz"),
        new("customer.country", CsvImportEntity.Customers, CsvFieldKind.Text, "Country", false, "country", "countryregion", "land", "pays", "pais"),
        new("customer.createdAt", CsvImportEntity.Customers, CsvFieldKind.Date, "Registered at", false, "dateregistered", "createdat", "registered", "signup", "since"),

        new("product.id", CsvImportEntity.Products, CsvFieldKind.Id, "Product id", false, "id", "productid", "handle", "artikelid"),
        new("product.sku", CsvImportEntity.Products, CsvFieldKind.Text, "SKU", false, "sku", "articlenumber", "artikelnummer", "reference", "itemnumber"),
        new("product.name", CsvImportEntity.Products, CsvFieldKind.Text, "Name", true, "name", "title", "productname", "product", "bezeichnung", "nom", "nombre"),
        new("product.price", CsvImportEntity.Products, CsvFieldKind.Money, "Price", false, "price", "preis", "prix", "precio", "sellingprice"),
        new("product.regularPrice", CsvImportEntity.Products, CsvFieldKind.Money, "Regular price", false, "regularprice", "listprice", "msrp", "compareatprice"),
        new("product.salePrice", CsvImportEntity.Products, CsvFieldKind.Money, "Sale price", false, "saleprice", "specialprice", "angebotspreis"),
        new("product.cost", CsvImportEntity.Products, CsvFieldKind.Money, "Unit cost", false, "cost", "unitcost", "costprice", "costperitem", "cogs", "einkaufspreis", "prixdachat"),
        new("product.stock", CsvImportEntity.Products, CsvFieldKind.Integer, "Stock", false, "stock", "inventory", "qty", "quantity", "bestand", "lager"),
        new("product.category", CsvImportEntity.Products, CsvFieldKind.Text, "Category", false, "category", "categories", "type", "kategorie", "categorie"),
        new("product.status", CsvImportEntity.Products, CsvFieldKind.Text, "Status", false, "status", "published", "active"),
        new("product.imageUrl", CsvImportEntity.Products, CsvFieldKind.Text, "Image URL", false, "image", "imageurl", "images", "picture", "bild"),
        new("product.currency", CsvImportEntity.Products, CsvFieldKind.Currency, "Currency", false, "currency", "waehrung", "devise", "moneda"),
    ];

    public static IEnumerable<CsvField> For(CsvImportEntity entity) => All.Where(f => f.Entity == entity);

    public static CsvField? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    /// <summary>"Order No." → "orderno": the form header names are compared in.</summary>
    public static string Normalise(string header) =>
        new(header.ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("é", "e", StringComparison.Ordinal).Where(char.IsAsciiLetterOrDigit).ToArray());
}
