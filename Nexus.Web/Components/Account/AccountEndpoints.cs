using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Nexus.Core.Accounts;

namespace Nexus.Web.Components.Account;

/// <summary>The account endpoints that are not pages. Sign-out is a POST so a link elsewhere cannot sign a merchant out.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<NexusUser> signInManager, [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}
