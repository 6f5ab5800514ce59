using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>A WooCommerce/WordPress REST error: {"code","message","data":{"status"}}.</summary>
public sealed record WooError(int Status, string Code, string Message, IReadOnlyDictionary<string, string>? Params = null)
{
    public static WooError NoRoute() => new(404, "rest_no_route", "No route was found matching the URL and request method");
    public static WooError InvalidId(string code) => new(404, code, "Invalid ID.");
    public static WooError CannotView(bool list) => new(401, "woocommerce_rest_cannot_view",
        list ? "Sorry, you cannot list resources." : "Sorry, you cannot view this resource.");
    public static WooError Authentication(string message) => new(401, "woocommerce_rest_authentication_error", message);
    public static WooError InvalidParam(string param, string detail)
        => new(400, "rest_invalid_param", $"Invalid parameter(s): {param}", new Dictionary<string, string> { [param] = detail });
    public static WooError TooManyRequests() => new(429, "woocommerce_rest_too_many_requests", "Too many requests. Please wait before trying again.");
    public static WooError Internal() => new(500, "internal_server_error", "There has been a critical error on this website.");

    public async Task WriteAsync(HttpResponse response, CancellationToken ct)
    {
        response.StatusCode = Status;
        response.ContentType = "application/json; charset=UTF-8";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("code", Code);
            w.WriteString("message", Message);
            w.WriteStartObject("data");
            w.WriteNumber("status", Status);
            if (Params is not null)
            {
                w.WriteStartObject("params");
                foreach (var (k, v) in Params) w.WriteString(k, v);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        await response.Body.WriteAsync(buffer.ToArray(), ct);
    }
}
