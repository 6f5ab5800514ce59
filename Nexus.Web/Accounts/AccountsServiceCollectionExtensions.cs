using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Nexus.Core.Accounts;
using Nexus.Core.Storage;
using Nexus.Web.Components.Account;
using Nexus.Web.Jobs;
using Nexus.Web.Tenancy;

namespace Nexus.Web.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string OpsPolicy = "Ops";

    /// <summary>Identity on the Nexus database, cookie sign-in, lockout, the two roles and tenant-scoped data access.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountsOptions>().Bind(configuration.GetSection(AccountsOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AccountsOptions>, AccountsOptionsValidation>();
        services.AddOptions<IdentityOptions>().Configure<Microsoft.Extensions.Options.IOptions<AccountsOptions>>((identity, accounts) =>
            identity.SignIn.RequireConfirmedEmail = accounts.Value.RequireConfirmedEmail);
        services.AddScoped<AccountRegistration>();
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
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever the site is served over HTTPS
            // APIs, the hubs and /metrics answer 401 instead of sending a browser to the sign-in page (anonymous /hangfire visitors
            // do go to sign-in); an API they may not use gets a plain 403. A signed-in merchant opening /hangfire gets a
            // 403 whose body is the app's own "not allowed" page (/status/403), with a way back.
            options.Events.OnRedirectToLogin = context =>
                RefuseOrRedirect(context, StatusCodes.Status401Unauthorized, IsApiOrHub(context.Request.Path));
            options.Events.OnRedirectToAccessDenied = context =>
            {
                if (!context.Request.Path.StartsWithSegments(JobsServiceCollectionExtensions.DashboardPath))
                    return RefuseOrRedirect(context, StatusCodes.Status403Forbidden, IsApiOrHub(context.Request.Path));
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
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
            .AddErrorDescriber<PlainIdentityErrors>()
            .AddDefaultTokenProviders();

        // Every cookie (sign-in, antiforgery, external) is Secure under HTTPS; HSTS tells browsers to stay on HTTPS.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(OpsPolicy, policy => policy.RequireRole(NexusRoles.Ops));
        return services;
    }

    /// <summary>
    /// A bare status for machines: no redirect, and no re-executed HTML error page (which would also fail antiforgery
    /// on a POST). People in a browser are redirected as usual.
    /// </summary>
    private static Task RefuseOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status, bool refuse)
    {
        if (!refuse)
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        return Task.CompletedTask;
    }

    /// <summary>Machine endpoints: answered with a status code a client can act on, never a sign-in page (a Prometheus scraper follows no redirects).</summary>
    private static bool IsApiOrHub(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/metrics");
}
