using System.Text;
using Microsoft.AspNetCore.Http;
using Nexus.Web.Sandbox.Behaviour;
using Nexus.Web.Sandbox.Hosting;

namespace Nexus.Web.Sandbox.Magento;

/// <summary>Magento-flavoured responses for the injected faults, and the success writer.</summary>
internal static class MagentoResponses
{
    private const string JsonType = "application/json; charset=utf-8";
    private const string NginxBadGateway =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    // What pub/errors/503.php serves while bin/magento maintenance:enable is on.
    private const string Maintenance =
        "<!doctype html><html><head><title>Error 503: Service Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1>" +
        "<p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.</p></body></html>";
    private const string ErrorReport =
        "<!doctype html><html><head><title>There has been an error processing your request</title></head><body><h1>There has been an error processing your request</h1>" +
        "<p>Exception printing is disabled by default for security reasons.</p><p>Error log record number: 1d6e0a0c5b3f</p></body></html>";

    public static async Task WriteBody(HttpResponse response, byte[] body, string contentType, CancellationToken ct)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }

    /// <summary>Faults that replace the response before any work is done. False when the fault applies later.</summary>
    public static async Task<bool> TryWriteEarlyFault(HttpContext http, FaultKind fault, string resource, CancellationToken ct)
    {
        var response = http.Response;
        switch (fault)
        {
            case FaultKind.ServerError:
                await MagentoError.Internal().WriteAsync(response, ct);
                return true;
            case FaultKind.BadGateway:
                response.StatusCode = 502;
                await WriteBody(response, Encoding.UTF8.GetBytes(NginxBadGateway), "text/html", ct);
                return true;
            case FaultKind.ServiceUnavailable:
                response.StatusCode = 503;
                await WriteBody(response, Encoding.UTF8.GetBytes(Maintenance), "text/html; charset=UTF-8", ct);
                return true;
            case FaultKind.HtmlErrorPage:
                response.StatusCode = 200;
                await WriteBody(response, Encoding.UTF8.GetBytes(ErrorReport), "text/html; charset=UTF-8", ct);
                return true;
            case FaultKind.AuthFailure:
                await MagentoError.NotAuthorized(resource).WriteAsync(response, ct);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Faults that distort an otherwise correct body; lists remember their body for RepeatPreviousPage.</summary>
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
                if (previous is not null) host.SwapLastPage(collection, previous);
                return WriteBody(response, previous ?? body, JsonType, ct);
            default:
                if (collection is not null) host.SwapLastPage(collection, body);
                return WriteBody(response, body, JsonType, ct);
        }
    }
}
