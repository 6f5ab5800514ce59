using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Web.Sandbox.WooCommerce;

/// <summary>Writes WooCommerce success bodies, paging headers, and the injected faults' responses.</summary>
internal static class WooResponses
{
    private const string JsonType = "application/json; charset=UTF-8";
    private const string WordPressCriticalError =
        "<!DOCTYPE html>\n<html dir='ltr'><head><meta charset=\"utf-8\"><title>WordPress &rsaquo; Error</title></head>" +
        "<body id=\"error-page\"><div class=\"wp-die-message\"><p>There has been a critical error on this website.</p></div></body></html>";
    private const string NginxBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    private const string Maintenance =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Maintenance</title></head><body><h1>Briefly unavailable for scheduled maintenance. Check back in a minute.</h1></body></html>";

    public static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, WooJson.WriterOptions))
            write(w);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Page(WooCollection collection, WooListQuery q)
        => Json(w =>
        {
            w.WriteStartArray();
            var end = Math.Min(collection.Keys.Count, q.Skip + q.PerPage);
            for (var k = q.Skip; k < end; k++) collection.WriteItem(w, collection.Keys[k]);
            w.WriteEndArray();
        });

    /// <summary>X-WP-Total, X-WP-TotalPages and an RFC 5988 Link header (prev/next/first/last).</summary>
    public static void PagingHeaders(HttpContext http, int total, WooListQuery q)
    {
        var pages = total == 0 ? 0 : (total + q.PerPage - 1) / q.PerPage;
        var headers = http.Response.Headers;
        headers["X-WP-Total"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-WP-TotalPages"] = pages.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (pages > 0)
        {
            links.Add($"<{PageUrl(http.Request, 1)}>; rel=\"first\"");
            if (q.Page > 1 && q.Page <= pages + 1) links.Add($"<{PageUrl(http.Request, q.Page - 1)}>; rel=\"prev\"");
            if (q.Page < pages) links.Add($"<{PageUrl(http.Request, q.Page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(http.Request, pages)}>; rel=\"last\"");
        }
        if (links.Count > 0) headers.Link = string.Join(", ", links);
    }

    /// <summary>The same request with another page. oauth_* parameters are dropped: each request is signed anew.</summary>
    private static string PageUrl(HttpRequest request, int page)
    {
        var parts = request.Query
            .Where(p => p.Key != "page" && !p.Key.StartsWith("oauth_", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"page={page}");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join("&", parts)}";
    }

    public static async Task WriteBody(HttpResponse response, byte[] body, string contentType, CancellationToken ct)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    public static Task Ok(HttpResponse response, byte[] body, CancellationToken ct) => WriteBody(response, body, JsonType, ct);

    /// <summary>Faults that replace the response before any work is done. False when the fault applies later.</summary>
    public static async Task<bool> TryWriteEarlyFault(HttpContext http, FaultKind fault, CancellationToken ct)
    {
        var response = http.Response;
        switch (fault)
        {
            case FaultKind.ServerError:
                await WooError.Internal().WriteAsync(response, ct);
                return true;
            case FaultKind.BadGateway:
                response.StatusCode = 502;
                await WriteBody(response, Encoding.UTF8.GetBytes(NginxBadGateway), "text/html", ct);
                return true;
            case FaultKind.ServiceUnavailable:
                response.StatusCode = 503;
                response.Headers.RetryAfter = "30";
                await WriteBody(response, Encoding.UTF8.GetBytes(Maintenance), "text/html; charset=UTF-8", ct);
                return true;
            case FaultKind.HtmlErrorPage:
                response.StatusCode = 200;
                await WriteBody(response, Encoding.UTF8.GetBytes(WordPressCriticalError), "text/html; charset=UTF-8", ct);
                return true;
            case FaultKind.AuthFailure:
                await WooError.Authentication("Consumer key is invalid.").WriteAsync(response, ct);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Faults that distort an otherwise correct body.</summary>
    public static Task WriteWithLateFault(HttpResponse response, byte[] body, FaultKind? fault, SandboxStoreHost host, string? collection, CancellationToken ct)
    {
        switch (fault)
        {
            case FaultKind.TruncatedJson:
                return WriteBody(response, body[..(body.Length / 2)], JsonType, ct);
            case FaultKind.WrongContentType:
                return WriteBody(response, body, "text/html; charset=UTF-8", ct);
            case FaultKind.RepeatPreviousPage when collection is not null:
                var previous = host.SwapLastPage(collection, body);
                if (previous is not null) host.SwapLastPage(collection, previous); // the repeated page stays "previous"
                return Ok(response, previous ?? body, ct);
            default:
                if (collection is not null) host.SwapLastPage(collection, body); // lists only: single items are unbounded
                return Ok(response, body, ct);
        }
    }
}
