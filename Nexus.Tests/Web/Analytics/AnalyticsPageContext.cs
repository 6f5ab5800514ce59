using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Core.Accounts;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Tenancy;

namespace Nexus.Tests.Web.Analytics;

/// <summary>bUnit context for the analytics pages: a signed-in merchant of <see cref="ScratchStoreDatabase"/>'s tenant and the real read models.</summary>
public abstract class AnalyticsPageContext : BunitContext, IAsyncLifetime
{
    protected void Use(ScratchStoreDatabase database)
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("merchant@example.test").SetClaims(new Claim(NexusClaims.TenantId, database.TenantId.ToString()));
        Services.AddSingleton<IDbContextFactory<NexusDbContext>>(database);
        Services.AddScoped<TenantDbContextFactory>();
        Services.AddAnalytics();
    }

    // MudSelect's services are async-disposable only; xunit calls this before the synchronous Dispose.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
