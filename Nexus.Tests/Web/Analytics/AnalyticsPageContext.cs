using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Nexus.Core.Accounts;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Currency;
using Nexus.Core.Storage;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Tenancy;

namespace Nexus.Tests.Web.Analytics;

/// <summary>bUnit context for the analytics pages: a signed-in merchant of <see cref="ScratchStoreDatabase"/>'s tenant and the real read models.</summary>
public abstract class AnalyticsPageContext : BunitContext, IAsyncLifetime
{
    /// <param name="interactive">False renders as the server's prerendering pass does, before the circuit starts.</param>
    protected void Use(ScratchStoreDatabase database, bool interactive = true)
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization().SetAuthorized("merchant@example.test").SetClaims(new Claim(NexusClaims.TenantId, database.TenantId.ToString()));
        Services.AddSingleton<IDbContextFactory<NexusDbContext>>(database);
        Services.AddScoped<TenantDbContextFactory>();
        Services.AddAnalytics();
        Services.TryAddSingleton(TimeProvider.System);
        Services.TryAddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        Services.AddCurrency(); // the Overview converts All stores into the reporting currency
        Services.AddProductInsights(); // the Overview's top movers and the Products page read the product cache
        Services.TryAddSingleton<Hangfire.IBackgroundJobClient>(new Nexus.Tests.Web.Forecasts.RecordingJobClient());
        // Accessing the renderer builds the service provider, so this comes after every registration.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo(interactive ? "Server" : "Static", interactive));
    }

    // MudSelect's services are async-disposable only; xunit calls this before the synchronous Dispose.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
