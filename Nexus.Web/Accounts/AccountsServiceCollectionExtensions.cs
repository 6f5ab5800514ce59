using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Web.Components.Account;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string OpsPolicy = "Ops";

    /// <summary>Identity on the Nexus database, cookie sign-in, lockout, the two roles and tenant-scoped data access.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<TenantDbContextFactory>();
        services.AddScoped<AccountService>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "Nexus.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Events.OnRedirectToAccessDenied = RedirectOrForbid;
            options.Events.OnRedirectToLogin = context =>
            {
                // APIs and the hub answer 401 instead of sending a browser to the sign-in page.
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs")) Refuse(context, StatusCodes.Status401Unauthorized);
                else context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });

        services.AddIdentityCore<NexusUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NexusDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<NexusClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(OpsPolicy, policy => policy.RequireRole(NexusRoles.Ops));
        return services;
    }

    private static Task RedirectOrForbid(RedirectContext<CookieAuthenticationOptions> context)
    {
        // A signed-in merchant opening /hangfire (or calling an API they may not) gets a plain 403, not a page.
        if (IsMachineEndpoint(context.Request.Path)) Refuse(context, StatusCodes.Status403Forbidden);
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A bare status for machines: no re-executed HTML error page (which would also fail antiforgery on a POST).</summary>
    private static void Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
    }

    private static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs");
}
