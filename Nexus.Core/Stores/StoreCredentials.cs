using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexus.Core.Stores;

/// <summary>
/// What a connector needs to authenticate, as the named fields of its platform's credential schema
/// (<see cref="Platforms.PlatformDescriptor.Credentials"/>): WooCommerce's <c>key</c> and <c>secret</c>, Shopify's
/// access token, Magento's four OAuth values. Field names compare case-insensitively. Never logged; <see cref="ToString"/>
/// is redacted on purpose.
/// </summary>
[JsonConverter(typeof(StoreCredentialsJsonConverter))]
public sealed class StoreCredentials : IEquatable<StoreCredentials>
{
    /// <summary>WooCommerce's field names (the consumer key and secret).</summary>
    public const string KeyField = "key";
    public const string SecretField = "secret";

    private readonly Dictionary<string, string> _fields;

    public StoreCredentials(IEnumerable<KeyValuePair<string, string>> fields) =>
        _fields = new Dictionary<string, string>(fields, StringComparer.OrdinalIgnoreCase);

    /// <summary>A key and a secret (WooCommerce's consumer key and secret).</summary>
    public StoreCredentials(string key, string secret) : this([new(KeyField, key), new(SecretField, secret)])
    {
    }

    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The field's value, or "" when it was not given.</summary>
    public string this[string field] => _fields.GetValueOrDefault(field) ?? "";

    public string Key => this[KeyField];

    public string Secret => this[SecretField];

    /// <summary>These credentials with <paramref name="changes"/> replacing fields of the same name (an edit that retypes only some fields).</summary>
    public StoreCredentials With(IEnumerable<KeyValuePair<string, string>> changes)
    {
        var merged = new Dictionary<string, string>(_fields, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in changes) merged[name] = value;
        return new StoreCredentials(merged);
    }

    public override string ToString() => $"StoreCredentials {{ {string.Join(", ", _fields.Keys.Order(StringComparer.Ordinal).Select(k => $"{k} = ***"))} }}";

    /// <summary>Enough of a key for a person to recognise it (<c>ck_12…ab</c>), never enough to use it.</summary>
    public static string Redact(string value) =>
        value.Length <= 8 ? "***" : $"{value[..5]}…{value[^2..]}";

    public bool Equals(StoreCredentials? other) =>
        other is not null && other._fields.Count == _fields.Count && _fields.All(f => other._fields.TryGetValue(f.Key, out var v) && v == f.Value);

    public override bool Equals(object? obj) => Equals(obj as StoreCredentials);

    public override int GetHashCode() => _fields.Count;
}

/// <summary>
/// Credentials as a flat JSON object of field → value. Blobs written before credential schemas (<c>{"Key":…,"Secret":…}</c>)
/// read as the same WooCommerce fields, because names compare case-insensitively.
/// </summary>
public sealed class StoreCredentialsJsonConverter : JsonConverter<StoreCredentials>
{
    public override StoreCredentials Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader) ?? throw new JsonException("Stored credentials are empty."));

    public override void Write(Utf8JsonWriter writer, StoreCredentials value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Fields, options);
}
