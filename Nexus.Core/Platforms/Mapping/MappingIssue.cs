namespace Nexus.Core.Platforms.Mapping;

/// <summary>
/// Why one record could not be mapped: which field (JSON path relative to the record), the offending
/// value as sent, the rule it broke (a stable id the UI and Quality can group by) and a human message.
/// </summary>
public sealed record MappingIssue(string Field, string? Value, string Rule, string Message);

/// <summary>Stable rule ids for mapping issues, shared by every platform mapper.</summary>
public static class MappingRules
{
    /// <summary>The value is not valid JSON of the expected shape (e.g. an object where a list belongs).</summary>
    public const string JsonShape = "json-shape";

    /// <summary>A number or money string that does not parse with the invariant culture.</summary>
    public const string Decimal = "decimal-invariant";

    public const string Integer = "integer";
    public const string Boolean = "boolean";
    public const string DateTime = "iso-8601-datetime";
    public const string Required = "required";
    public const string PositiveId = "positive-id";
    public const string CurrencyCode = "iso-4217-currency";
}
