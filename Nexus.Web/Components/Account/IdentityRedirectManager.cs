using Microsoft.AspNetCore.Components;

namespace Nexus.Web.Components.Account;

/// <summary>Redirects from the static account pages, refusing anything that is not a local path (no open redirects).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(SafeLocalPath(uri));

    /// <summary>
    /// A return URL is followed only when it is a path on this site (<c>/stores</c>, <c>Account/Lockout</c>); anything
    /// else — another host, <c>//evil.example</c>, <c>/\evil.example</c>, a scheme such as <c>javascript:</c> — falls back
    /// to the home page instead of failing the sign-in.
    /// </summary>
    public static string SafeLocalPath(string? uri)
    {
        if (string.IsNullOrWhiteSpace(uri)) return "/";
        var safe = Uri.IsWellFormedUriString(uri, UriKind.Relative)
                   && !uri.StartsWith("//", StringComparison.Ordinal)
                   && !uri.Contains('\\')
                   && !uri.Split('?', '#')[0].Contains(':') // no scheme, not even a relative-looking "javascript:…"
                   && !uri.Any(char.IsControl);
        return safe ? uri : "/";
    }
}
