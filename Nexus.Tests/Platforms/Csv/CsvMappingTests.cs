using Nexus.Core.Model;
using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Csv.Mapping;
using static Nexus.Tests.Platforms.Csv.CsvTestFiles;

namespace Nexus.Tests.Platforms.Csv;

public class CsvMappingTests
{
    private const string GermanOrders =
        "Bestellnummer;Datum;Kunde;E-Mail;Betrag;Währung;Artikel;Menge;Preis\r\n" +
        "A-100;01.02.2024;Jürgen Groß;j.gross@example.de;1.234,50;EUR;Kaffeemühle;1;1.200,00\r\n" +
        "A-100;01.02.2024;Jürgen Groß;j.gross@example.de;1.234,50;EUR;Filter;2;17,25\r\n" +
        "A-101;13.02.2024;Anna Weiß;anna@example.de;12,50;EUR;Tasse;1;12,50\r\n";

    private static async Task<CsvMappingSuggestion> SuggestAsync(Stream file, CsvImportEntity entity) =>
        (await CsvPreview.ReadAsync(file)).Suggest(entity);

    [Fact]
    public async Task German_orders_get_fields_date_format_decimal_comma_currency_column_and_key_from_names_and_values()
    {
        var suggestion = await SuggestAsync(Utf8(GermanOrders), CsvImportEntity.Orders);
        var mapping = suggestion.Mapping;

        Assert.Equal(
            [("Bestellnummer", "order.number"), ("Datum", "order.createdAt"), ("Kunde", "order.customerName"), ("E-Mail", "order.customerEmail"),
                ("Betrag", "order.total"), ("Artikel", "line.name"), ("Menge", "line.quantity"), ("Preis", "line.unitPrice")],
            mapping.Columns.Select(c => (c.Column, c.Field)));
        Assert.Equal("Bestellnummer", mapping.IdentifyingColumn);
        Assert.Equal("dd.MM.yyyy", mapping.DateFormat);
        Assert.Equal(",", mapping.DecimalSeparator);
        Assert.Equal("Währung", mapping.CurrencyColumn);
        Assert.Null(mapping.FixedCurrency);
        Assert.Empty(mapping.Validate(new CsvHeader(GermanOrders.Split("\r\n")[0].Split(';'))));
        Assert.Equal(["01.02.2024", "01.02.2024", "13.02.2024"], suggestion.Columns[1].Samples);
    }

    [Fact]
    public async Task The_suggested_mapping_imports_grouped_orders_with_lines_and_keeps_unmapped_columns()
    {
        var mapping = (await SuggestAsync(Utf8(GermanOrders), CsvImportEntity.Orders)).Mapping;

        var (orders, quarantined, source) = await ShopifyCsvMappingTests.ImportAsync(Utf8(GermanOrders), CsvRecordMappers.Orders(mapping));

        Assert.Equal("your column mapping", source.Mapper.LayoutName);
        Assert.Empty(quarantined);
        Assert.Equal(["A-100", "A-101"], orders.Select(o => o.PlatformId));
        var first = orders[0];
        Assert.Equal(new Money(1234.50m, "EUR"), first.Total);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal("j.gross@example.de", first.CustomerPlatformId);
        Assert.Equal(("Jürgen", "Groß"), (first.Billing!.FirstName, first.Billing.LastName));
        Assert.Equal([("Kaffeemühle", 1m, 1200.00m), ("Filter", 2m, 34.50m)], first.Lines.Select(l => (l.Name, l.Quantity, l.Subtotal.Amount)));
        Assert.Equal(new Money(1234.50m, "EUR"), first.Subtotal);
        Assert.Equal(new Money(12.50m, "EUR"), orders[1].Total);
    }

    [Fact]
    public async Task Headerless_meaning_is_read_from_values_and_a_currency_symbol_fixes_the_currency()
    {
        const string text = "c1,c2,c3,c4\n9001,ann@example.com,2024-01-05,$12.50\n9002,bob@example.com,2024-01-06,$7.00\n";

        var mapping = (await SuggestAsync(Utf8(text), CsvImportEntity.Orders)).Mapping;

        Assert.Equal([("c2", "order.customerEmail"), ("c3", "order.createdAt"), ("c4", "order.total")], mapping.Columns.Select(c => (c.Column, c.Field)));
        Assert.Equal("c1", mapping.IdentifyingColumn);
        Assert.Null(mapping.DateFormat);
        Assert.Equal("USD", mapping.FixedCurrency);
        Assert.Contains("Order number is not mapped to any column.", mapping.Validate(new CsvHeader(["c1", "c2", "c3", "c4"])));
    }

    [Fact]
    public async Task Us_dates_are_told_apart_by_a_day_above_twelve_and_ambiguous_ones_get_a_note()
    {
        var us = (await SuggestAsync(Utf8("Order,Date,Total,Currency\n1,03/04/2024,1.00,USD\n2,12/25/2024,2.00,USD\n"), CsvImportEntity.Orders));
        var unclear = (await SuggestAsync(Utf8("Order,Date,Total,Currency\n1,03/04/2024,1.00,USD\n2,05/06/2024,2.00,USD\n"), CsvImportEntity.Orders));

        Assert.Equal("MM/dd/yyyy", us.Mapping.DateFormat);
        Assert.DoesNotContain(us.Notes, n => n.Contains("day/month", StringComparison.Ordinal));
        Assert.Equal("dd/MM/yyyy", unclear.Mapping.DateFormat);
        Assert.Contains(unclear.Notes, n => n.Contains("day/month", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Customers_are_keyed_by_email_and_products_by_sku()
    {
        var customers = await SuggestAsync(Utf8("Vorname,Nachname,E-Mail,Telefon,PLZ,Stadt\nAnna,Weiß,anna@example.de,+49 30 1,10115,Berlin\n"), CsvImportEntity.Customers);
        var products = await SuggestAsync(Utf8("Artikelnummer,Bezeichnung,Preis,Bestand\nK-1,Kaffeemühle,\"49,90 €\",3\nK-2,Filter,\"3,50 €\",120\n"), CsvImportEntity.Products);

        Assert.Equal([("Vorname", "customer.firstName"), ("Nachname", "customer.lastName"), ("E-Mail", "customer.email"), ("Telefon", "customer.phone"), ("PLZ", "customer.postalCode"), ("Stadt", "customer.city")],
            customers.Mapping.Columns.Select(c => (c.Column, c.Field)));
        Assert.Equal("E-Mail", customers.Mapping.IdentifyingColumn);
        Assert.Equal([("Artikelnummer", "product.sku"), ("Bezeichnung", "product.name"), ("Preis", "product.price"), ("Bestand", "product.stock")],
            products.Mapping.Columns.Select(c => (c.Column, c.Field)));
        Assert.Equal(("Artikelnummer", ",", "EUR"), (products.Mapping.IdentifyingColumn, products.Mapping.DecimalSeparator, products.Mapping.FixedCurrency));
    }

    [Fact]
    public void A_mapping_survives_a_json_round_trip_exactly()
    {
        var mapping = new CsvMapping
        {
            Entity = CsvImportEntity.Orders,
            IdentifyingColumn = "Bestellnummer",
            DateFormat = "dd.MM.yyyy",
            DecimalSeparator = ",",
            FixedCurrency = "EUR",
            Encoding = "windows-1252",
            Delimiter = ";",
            Columns = [new("Bestellnummer", "order.number"), new("Datum", "order.createdAt") { DateFormat = "dd.MM.yyyy HH:mm" }, new("Betrag", "order.total") { DecimalSeparator = "." }],
        };

        var json = mapping.ToJson();
        var back = CsvMapping.FromJson(json);

        Assert.Contains("\"entity\": \"orders\"", json);
        Assert.Equal(mapping with { Columns = [] }, back with { Columns = [] });
        Assert.Equal(mapping.Columns, back.Columns);
        Assert.Equal(json, back.ToJson());
        Assert.Equal((CsvEncodingChoice.Windows1252, (char?)';'), (back.ReadOptions().Encoding, back.ReadOptions().Delimiter));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"version\": 2, \"entity\": \"orders\", \"identifyingColumn\": \"x\"}")]
    [InlineData("null")]
    public void A_broken_mapping_file_is_a_clear_format_error(string json) => Assert.Throws<FormatException>(() => CsvMapping.FromJson(json));

    [Fact]
    public void Validation_lists_every_problem_in_plain_words()
    {
        var mapping = new CsvMapping
        {
            Entity = CsvImportEntity.Orders,
            IdentifyingColumn = "Nr",
            Columns = [new("Datum", "order.createdAt"), new("Betrag", "order.total"), new("Summe", "order.total"), new("Name", "customer.email")],
        };

        var problems = mapping.Validate(new CsvHeader(["Datum", "Betrag", "Summe"]));

        Assert.Equal(
            [
                "The identifying column \"Nr\" is not in the file.",
                "The column \"Name\" is not in the file.",
                "\"customer.email\" (for column \"Name\") is not a orders field.",
                "Order total is mapped from more than one column (Betrag, Summe).",
                "Order number is not mapped to any column.",
                "Choose the currency: a column that holds it, or one currency for the whole file.",
            ],
            problems);
    }

    [Fact]
    public async Task A_hand_written_mapping_may_name_the_currency_column_as_a_field()
    {
        var mapping = CsvMapping.FromJson("""
            {
              "version": 1, "entity": "orders", "identifyingColumn": "No", "decimalSeparator": ",",
              "columns": [
                { "column": "No", "field": "order.number" }, { "column": "Day", "field": "order.createdAt", "dateFormat": "dd.MM.yyyy" },
                { "column": "Sum", "field": "order.total" }, { "column": "Cur", "field": "order.currency" }
              ]
            }
            """);

        var (orders, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(Utf8("No;Day;Sum;Cur\n7;24.12.2024;99,95;chf\n"), CsvRecordMappers.Orders(mapping));

        Assert.Empty(quarantined);
        var order = Assert.Single(orders);
        Assert.Equal((new Money(99.95m, "CHF"), new DateTimeOffset(2024, 12, 24, 0, 0, 0, TimeSpan.Zero)), (order.Total, order.CreatedAt));
    }

    [Fact]
    public async Task With_a_mapping_a_date_that_does_not_match_its_format_is_quarantined_with_its_line()
    {
        var mapping = (await SuggestAsync(Utf8(GermanOrders), CsvImportEntity.Orders)).Mapping;
        var edited = GermanOrders.Replace("13.02.2024", "2024/02/13", StringComparison.Ordinal);

        var (orders, quarantined, _) = await ShopifyCsvMappingTests.ImportAsync(Utf8(edited), CsvRecordMappers.Orders(mapping));

        Assert.Equal("A-100", Assert.Single(orders).PlatformId);
        var bad = Assert.Single(quarantined);
        Assert.Equal((4L, "A-101", "iso-8601-datetime", "2024/02/13"), (bad.LineNumber, bad.RecordKey, bad.Issues[0].Rule, bad.Issues[0].Value));
        Assert.Contains("dd.MM.yyyy", bad.Issues[0].Message);
    }

    [Fact]
    public async Task A_saved_mapping_that_does_not_fit_the_file_is_refused_with_its_problems()
    {
        var mapping = (await SuggestAsync(Utf8(GermanOrders), CsvImportEntity.Orders)).Mapping;

        var error = await Assert.ThrowsAsync<CsvMappingRequiredException>(() =>
            ShopifyCsvMappingTests.ImportAsync(Utf8("Order;Date;Total\n1;01.02.2024;3,00\n"), CsvRecordMappers.Orders(mapping)));

        Assert.Contains("\"Bestellnummer\" is not in the file", error.Message);
    }

    [Fact]
    public async Task The_preview_reads_only_the_first_rows_and_counts_problems()
    {
        var text = "a,b\n" + "1,\"x\"y\n" + string.Concat(Enumerable.Range(2, 100).Select(i => $"{i},v\n"));

        var preview = await CsvPreview.ReadAsync(Utf8(text), rows: 5);

        Assert.Equal(5, preview.Rows.Count);
        Assert.Equal(1, preview.ProblemRows);
        Assert.Equal(CsvLayout.Unknown, preview.Layout);
        Assert.Equal(["a", "b"], preview.Header.Names);
    }
}
