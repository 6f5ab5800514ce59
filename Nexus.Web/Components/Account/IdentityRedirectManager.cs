using Microsoft.AspNetCore.Components;

namespace Nexus.Web.Components.Account;

/// <summary>Redirects from the static account pages, refusing anything that is not a local path (no open redirects).</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        uri ??= "";
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal) || uri.Contains('\\'))
        {
            uri = navigationManager.ToBaseRelativePath(uri);
        }
        navigationManager.NavigateTo(uri);
    }
}
