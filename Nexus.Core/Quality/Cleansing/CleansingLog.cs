using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Core.Quality.Cleansing;

/// <summary>One value a cleanser changed: where, from what, to what, and which cleanser did it.</summary>
public sealed record CleansingChange(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("by")] string Cleanser);

/// <summary>
/// The changes made to one record. Cleansing is never silent: the changes travel inside the stored record under
/// <see cref="ExtrasKey"/> (so an export shows what Nexus changed and what the platform sent) and are counted per run.
/// </summary>
public sealed class CleansingLog
{
    /// <summary>The key in a record's Extras holding the JSON list of changes.</summary>
    public const string ExtrasKey = "nexus:cleansing";

    private List<CleansingChange>? _changes;

    public IReadOnlyList<CleansingChange> Changes => (IReadOnlyList<CleansingChange>?)_changes ?? [];

    public bool Any => _changes is { Count: > 0 };

    public void Clear() => _changes?.Clear();

    /// <summary>
    /// Records the change when <paramref name="after"/> differs from <paramref name="before"/> and returns <paramref name="after"/>.
    /// Blank to blank ("" or spaces to null, as platforms send empty address lines) is not a change a merchant would
    /// call cleansing: it is not logged, so "cleansed" counts only records whose values really changed.
    /// </summary>
    public string? Track(string field, string? before, string? after, string cleanser)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal) && !(string.IsNullOrWhiteSpace(before) && string.IsNullOrWhiteSpace(after)))
            (_changes ??= []).Add(new CleansingChange(field, before, after, cleanser));
        return after;
    }

    /// <summary>
    /// The value in UTC. The instant is the same, only its offset is written differently, so this is not logged as a
    /// change (nor counted as cleansing); the record is stored in UTC whenever another value of it changed.
    /// </summary>
    public DateTimeOffset? TrackUtc(string field, DateTimeOffset? value) =>
        value is { } v && v.Offset != TimeSpan.Zero ? v.ToUniversalTime() : value;

    /// <summary>The record's extras with the change list added (or replaced); the same instance when nothing changed.</summary>
    public IReadOnlyDictionary<string, string> AttachTo(IReadOnlyDictionary<string, string> extras)
    {
        if (!Any) return extras;
        var copy = new Dictionary<string, string>(extras, StringComparer.Ordinal)
        {
            [ExtrasKey] = JsonSerializer.Serialize(_changes, CleansingJsonContext.Default.ListCleansingChange),
        };
        return copy;
    }
}

/// <summary>Stable cleanser ids, as recorded in <see cref="CleansingChange.Cleanser"/> and documented in docs/quality-rules.md.</summary>
public static class Cleansers
{
    public const string Whitespace = "trim-whitespace";
    public const string EmailLowerCase = "email-lower-case";
    public const string PhoneE164 = "phone-e164";
    public const string CountryIso = "country-iso-3166";
    public const string PostcodeUpper = "postcode-upper-case";
    public const string CurrencyIso = "currency-iso-4217";
    public const string DatesUtc = "dates-utc";
    public const string StatusLowerCase = "status-lower-case";
}

[JsonSerializable(typeof(List<CleansingChange>))]
internal sealed partial class CleansingJsonContext : JsonSerializerContext;
