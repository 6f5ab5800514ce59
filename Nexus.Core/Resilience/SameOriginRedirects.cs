using System.Net;

namespace Nexus.Core.Resilience;

/// <summary>A store answered with a redirect to another origin; the message names where it pointed (without its query string, which may carry credentials).</summary>
public sealed class RedirectRefusedException(Uri from, Uri location)
    : Exception($"The store redirected to {SameOriginRedirects.Describe(location)}, which is not the address registered for it ({SameOriginRedirects.Describe(from)}). "
                + "If the shop has moved, change the store's address to the new one.")
{
    public Uri Location { get; } = location;
}

/// <summary>
/// Redirect handling for store clients, whose handler never follows redirects itself: a redirect to the same
/// origin (scheme, host and port) is followed — re-signed, since signatures cover the URL — up to a few hops;
/// a redirect anywhere else is refused, so a signed query string or credentials never travel to another host.
/// </summary>
public static class SameOriginRedirects
{
    public const int MaxHops = 5;

    /// <param name="send">Sends one signed GET of the given address.</param>
    public static async Task<HttpResponseMessage> SendAsync(Uri uri, Func<Uri, CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var current = uri;
        for (var hop = 0; ; hop++)
        {
            var response = await send(current, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location) return response;
            var target = location.IsAbsoluteUri ? location : new Uri(current, location);
            response.Dispose();
            if (!SameOrigin(uri, target)) throw new RedirectRefusedException(uri, target);
            if (hop >= MaxHops) throw new HttpRequestException($"The store redirected more than {MaxHops} times (last to {Describe(target)}).");
            current = target;
        }
    }

    public static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.MultipleChoices;

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>scheme://host[:port]/path, never the query string.</summary>
    public static string Describe(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
