using Nexus.Core.Platforms.Csv;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Tests.Platforms.Csv;

/// <summary>
/// Typed reads of single CSV cells: blanks are absent, numbers in either decimal convention, dates in the export's
/// formats or a mapped one, and every unreadable cell becomes one issue naming its column, value and line.
/// </summary>
public class CsvValuesTests
{
    private readonly MappingIssueCollector _issues = new();
    private readonly CsvValues _values;

    public CsvValuesTests() => _values = new CsvValues(new CsvHeader(["Name", "Total", "Qty", "Created", "Currency"]), _issues);

    private static CsvRow Row(params string[] cells) => new(7, new CsvPosition(0, 7, "f"), cells, string.Join(',', cells));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t ")]
    public void A_required_cell_that_is_empty_or_only_spaces_is_missing_with_its_line(string cell)
    {
        Assert.Null(_values.Required(Row(cell), 0, "Name"));
        var issue = Assert.Single(_issues.Issues);
        Assert.Equal(("Name", MappingRules.Required, "Name is empty (line 7)."), (issue.Field, issue.Rule, issue.Message));
    }

    [Fact]
    public void A_required_cell_is_trimmed_and_a_missing_column_is_named_by_its_fallback()
    {
        Assert.Equal("#1001", _values.Required(Row("  #1001 "), 0, "Name"));
        Assert.Empty(_issues.Issues);

        Assert.Null(_values.Required(Row("x"), -1, "Order date"));
        Assert.Equal("Order date", Assert.Single(_issues.Issues).Field);
    }

    [Theory]
    [InlineData("1234.50", '.', 1234.50)]
    [InlineData("1,234.50", '.', 1234.50)]
    [InlineData("$ 1,234,567.5", '.', 1234567.5)]
    [InlineData("-12", '.', -12)]
    [InlineData("1.234,50", ',', 1234.50)]
    [InlineData("1 234,50 €", ',', 1234.50)]
    [InlineData("12,5", ',', 12.5)]
    public void Numbers_are_read_in_either_decimal_convention(string text, char separator, double expected)
    {
        Assert.True(CsvValues.TryDecimal(text, separator, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("12,50", '.')]   // a decimal comma read as '.' would silently become 1250
    [InlineData("1,23.4", '.')]  // thousands groups are three digits
    [InlineData("1.2.3", ',')]
    [InlineData("abc", '.')]
    public void Ambiguous_or_malformed_numbers_are_refused(string text, char separator) =>
        Assert.False(CsvValues.TryDecimal(text, separator, out _));

    [Fact]
    public void A_cell_that_is_not_a_number_is_one_decimal_issue_quoting_it()
    {
        Assert.Null(_values.Decimal(Row("", "twelve"), 1));
        var issue = Assert.Single(_issues.Issues);
        Assert.Equal(("Total", "twelve", MappingRules.Decimal), (issue.Field, issue.Value, issue.Rule));
        Assert.Contains("(line 7)", issue.Message, StringComparison.Ordinal);
        Assert.Null(_values.OptionalMoney(Row("", " "), 1, "EUR"));
        Assert.Equal(0m, _values.Money(Row("", ""), 1, "EUR").Amount);
        Assert.Single(_issues.Issues);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("-2", -2)]
    [InlineData("4.0", 4)]
    public void Whole_numbers_may_carry_a_zero_fraction(string text, int expected) =>
        Assert.Equal(expected, _values.Integer(Row("", "", text), 2));

    [Theory]
    [InlineData("2.5")]
    [InlineData("9999999999")]
    [InlineData("two")]
    public void Fractions_overflows_and_words_are_not_whole_numbers(string text)
    {
        Assert.Null(_values.Integer(Row("", "", text), 2));
        Assert.Equal(MappingRules.Integer, Assert.Single(_issues.Issues).Rule);
    }

    [Theory]
    [InlineData("2024-01-15 10:30:00 -0500", "2024-01-15T15:30:00Z")]
    [InlineData("2024-01-15 10:30:00 +0530", "2024-01-15T05:00:00Z")]
    [InlineData("2024-01-15", "2024-01-15T00:00:00Z")]
    [InlineData("2024-01-15T10:30:00", "2024-01-15T10:30:00Z")]
    public void Export_dates_are_read_and_dates_without_an_offset_are_utc(string text, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), _values.Date(Row("", "", "", text), 3));

    [Theory]
    [InlineData("2024-13-15 10:30:00 -0500")]
    [InlineData("2023-02-29 10:30:00 +0000")]
    [InlineData("2024-01-15 24:00:00 +0000")]
    [InlineData("2024-01-15 10:30:00 +1500")]
    [InlineData("15/01/2024")]
    public void Impossible_dates_are_an_issue_that_says_to_map_the_format(string text)
    {
        Assert.Null(_values.Date(Row("", "", "", text), 3));
        Assert.Contains("map the column with its date format", Assert.Single(_issues.Issues).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapped_date_format_is_used_exactly_and_named_when_a_cell_does_not_match()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero), _values.Date(Row("", "", "", "15/01/2024"), 3, "dd/MM/yyyy"));
        Assert.Null(_values.Date(Row("", "", "", "2024-01-15"), 3, "dd/MM/yyyy"));
        Assert.Contains("does not match the date format dd/MM/yyyy", Assert.Single(_issues.Issues).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData(" USD ", "USD")]
    public void Currency_codes_are_upper_cased(string text, string expected) =>
        Assert.Equal(expected, _values.Currency(Row("", "", "", "", text), 4));

    [Theory]
    [InlineData("Euro")]
    [InlineData("")]
    public void Anything_but_a_three_letter_code_is_a_currency_issue(string text)
    {
        Assert.Null(_values.Currency(Row("", "", "", "", text), 4));
        Assert.Equal(("Currency", MappingRules.CurrencyCode), (Assert.Single(_issues.Issues).Field, _issues.Issues[0].Rule));
    }

    [Fact]
    public void Extras_keep_only_non_empty_cells_as_json_strings_with_only_the_escapes_json_needs()
    {
        var extras = CsvValues.Extras([("note", "Müller <b>"), ("blank", ""), ("missing", null), ("quote", "say \"hi\"\n")]);
        Assert.Equal(2, extras.Count);
        Assert.Equal("\"Müller <b>\"", extras["note"]);
        Assert.Equal("say \"hi\"\n", System.Text.Json.JsonSerializer.Deserialize<string>(extras["quote"]));
        Assert.Empty(CsvValues.Extras([("blank", "")]));
    }
}
