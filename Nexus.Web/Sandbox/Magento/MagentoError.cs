using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>
/// A Magento REST error body: <c>{"message": "… %1 …", "parameters": [...]}</c> (positional) or with named
/// parameters (<c>{"resources": "…"}</c>), as Magento's web API error processor writes it in production mode (no trace).
/// </summary>
public sealed record MagentoError(int Status, string Message, object? Parameters = null, bool WithNullTrace = false)
{
    /// <summary>The exact ACL refusal, also what an unrecognised or missing token gets (the caller is then a guest).</summary>
    public static MagentoError NotAuthorized(string resource) =>
        new(401, "The consumer isn't authorized to access %resources.", new Dictionary<string, string> { ["resources"] = resource });

    public static MagentoError NoRoute() => new(404, "Request does not match any route.");

    public static MagentoError Required(string field) =>
        new(400, "\"%fieldName\" is required. Enter and try again.", new Dictionary<string, string> { ["fieldName"] = field });

    public static MagentoError InvalidType(string value, string type) =>
        new(400, "The \"%value\" value's type is invalid. The \"%type\" type was expected. Verify and try again.",
            new Dictionary<string, string> { ["value"] = value, ["type"] = type });

    public static MagentoError NoSuchEntity(string field, string value) =>
        new(404, "No such entity with %fieldName = %fieldValue", new Dictionary<string, string> { ["fieldName"] = field, ["fieldValue"] = value });

    public static MagentoError EntityMissing() => new(404, "The entity that was requested doesn't exist. Verify the entity and try again.");

    public static MagentoError ProductMissing() => new(404, "The product that was requested doesn't exist. Verify the product and try again.");

    /// <summary>Body of the 2.4.7 backpressure limiter (docs: rate-limiting.md), byte for byte.</summary>
    public static MagentoError TooManyRequests() => new(429, "Too Many Requests", WithNullTrace: true);

    /// <summary>What any unexpected exception looks like in production mode.</summary>
    public static MagentoError Internal() =>
        new(500, $"Internal Error. Details are available in Magento log file. Report ID: webapi-{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()}");

    public byte[] Body()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, MagentoJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("message", Message);
            switch (Parameters)
            {
                case IReadOnlyDictionary<string, string> named:
                    w.WriteStartObject("parameters");
                    foreach (var (k, v) in named) w.WriteString(k, v);
                    w.WriteEndObject();
                    break;
                case IEnumerable<string> positional:
                    w.WriteStartArray("parameters");
                    foreach (var v in positional) w.WriteStringValue(v);
                    w.WriteEndArray();
                    break;
            }
            if (WithNullTrace) w.WriteNull("trace");
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public async Task WriteAsync(HttpResponse response, CancellationToken ct)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=utf-8";
        var body = Body();
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }
}
