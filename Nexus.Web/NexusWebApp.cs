using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Products.Insights;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Currency;
using Nexus.Core.Monitoring;
using Nexus.Core.Platforms;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Sync;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Web.Accounts;
using Nexus.Web.Api;
using Nexus.Web.Components;
using Nexus.Web.Components.Account;
using Nexus.Web.Demo;
using Nexus.Web.Hosting;
using Nexus.Web.Forecasts;
using Nexus.Web.Products;
using Nexus.Web.Jobs;
using Nexus.Web.Monitoring;
using Nexus.Web.Quality;
using Nexus.Web.Sync;

namespace Nexus.Web;

/// <summary>Composes the web app. Holds no logic of its own: each feature registers itself through one extension method.</summary>
public static class NexusWebApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        UseRepositoryRootSettings(builder.Configuration, builder.Environment.EnvironmentName);
        builder.Services.AddNexusServices(builder.Configuration);
        return builder;
    }

    /// <summary>Everything the web app and the command-line verbs share.</summary>
    public static IServiceCollection AddNexusServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddNexusStorage(configuration);
        // Keys live in the data folder so store credentials encrypted by the web app can be read by the CLI and
        // after restarts; encrypted at rest with a certificate from outside the folder when one is configured.
        var dataFolder = (configuration.GetSection(NexusStorageOptions.Section).Get<NexusStorageOptions>() ?? new()).ResolveDataFolder();
        services.AddNexusDataProtection(configuration, dataFolder);
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DeploymentValidator>();
        services.AddStores();
        services.AddSandbox(configuration);
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddPlatforms(configuration);
        services.AddSync(configuration);
        services.AddAnalytics();
        services.AddCurrency();
        services.AddMonitoringServices(configuration);
        services.AddForecasting();
        services.AddProductInsights();
        return services;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var problems = DeploymentValidator.CheckConfiguration(builder.Configuration, builder.Environment).Where(c => !c.Passed).ToList();
        if (problems.Count > 0)
        {
            throw new DeploymentRefusedException(problems);
        }

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<Nexus.Web.Components.Layout.ThemePreferences>();
        builder.Services.AddHostedService<DemoStoreRegistration>();
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddSyncWeb();
        builder.Services.AddMonitoringWeb();
        builder.Services.AddNexusHosting(builder.Configuration);
        builder.Services.AddForecastsWeb();
        builder.Services.AddProductsWeb();
        builder.Services.AddQualityWeb();

        var app = builder.Build();
        // Every options class validates here, before anything reads one, so a misconfigured start lists all its problems at once.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts(); // only answers over HTTPS carry the header (and never for localhost)
        }
        app.UseNexusHosting();
        app.UseCookiePolicy();
        // A bodiless 4xx/5xx gets the app's page for its status: /status/404 "not found", /status/403 "not allowed".
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapJobsDashboard();
        app.MapSyncHub();
        app.MapAnalyticsApi();
        app.MapSegmentExportApi();
        app.MapProductsApi();
        app.MapQualityEndpoints();
        app.MapMonitoring();
        if (app.Configuration.GetValue<bool>("Nexus:Sandbox:Enabled"))
        {
            // Fake stores speaking the platforms' real wire formats: the demo and the tests sync from them over HTTP.
            app.MapSandboxStores("/sandbox").AllowAnonymous();
        }
        return app;
    }

    /// <summary>Migrates the database and seeds roles (and demo users in demo mode) before the first request.</summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        // The ECB rates ship with the app; the first start loads them (about a second), later starts find them there.
        await app.Services.GetRequiredService<FxRateStore>().EnsureShippedRatesAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>
    /// appsettings.json lives at the repository root and is copied next to the binaries. When the content root (the
    /// project folder under <c>dotnet run</c>, or a test host's) has no copy, read the one beside the binaries, at the
    /// same precedence, so environment variables and command-line arguments still override it.
    /// </summary>
    public static void UseRepositoryRootSettings(ConfigurationManager configuration, string environmentName)
    {
        IConfigurationBuilder builder = configuration;
        foreach (var name in new[] { "appsettings.json", $"appsettings.{environmentName}.json" })
        {
            var index = builder.Sources.ToList().FindIndex(s => s is JsonConfigurationSource json && json.Path == name);
            var existing = index >= 0 ? (JsonConfigurationSource)builder.Sources[index] : null;
            if (existing?.FileProvider?.GetFileInfo(name).Exists == true) continue;
            var beside = new JsonConfigurationSource
            {
                Path = name, Optional = true, ReloadOnChange = false,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            };
            if (index >= 0) builder.Sources[index] = beside;
            else builder.Sources.Insert(0, beside);
        }
    }
}
