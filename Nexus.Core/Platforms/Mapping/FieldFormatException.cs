using System.Text.Json;

namespace Nexus.Core.Platforms.Mapping;

/// <summary>
/// Thrown by tolerant JSON converters when a value cannot be read even leniently. It is a JsonException
/// so System.Text.Json fills in <see cref="JsonException.Path"/>; the page mapper turns it into a
/// <see cref="MappingIssue"/> with the value and rule, and quarantines only that record.
/// </summary>
public sealed class FieldFormatException(string? value, string rule, string message) : JsonException(message)
{
    public string? Value { get; } = value;
    public string Rule { get; } = rule;
}
