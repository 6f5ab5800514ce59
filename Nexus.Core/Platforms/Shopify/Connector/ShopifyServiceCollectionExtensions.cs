using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Resilience;

namespace Nexus.Core.Platforms.Shopify.Connector;

public static class ShopifyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Shopify platform: its descriptor (for <see cref="PlatformRegistry"/>), the per-store cost buckets,
    /// and the shared connector HTTP stack (named HttpClient, per-store budgets and pipelines).
    /// </summary>
    /// <param name="optionsFor">Per-store options; default options when null.</param>
    /// <remarks>Idempotent: the first call wins.</remarks>
    public static IServiceCollection AddShopify(this IServiceCollection services, Func<ConnectorTarget, ShopifyConnectorOptions>? optionsFor = null)
    {
        if (services.Any(d => d.ServiceType == typeof(PlatformDescriptor) && d.ImplementationInstance is PlatformDescriptor { Id: ShopifyConnector.PlatformId }))
            return services;
        services.AddConnectorHttp();
        services.TryAddSingleton<ShopifyCostBuckets>();
        services.AddSingleton(new PlatformDescriptor
        {
            Id = ShopifyConnector.PlatformId,
            DisplayName = "Shopify",
            Icon = "M15.3 3.2c-.1 0-1.7.1-1.7.1s-1.1-1.1-1.3-1.2v19.8l6.2-1.3S16.3 3.4 16.3 3.3c0-.1-.1-.1-.2-.1zM12 2.3l-.8.2C10.8 1.4 10.1.8 9.2.8 7 .8 5.9 3.6 5.6 5l-1.9.6c-.6.2-.6.2-.7.8L1.5 19.6l10.5 2z",
            CredentialsHelp = $"In {ShopifyApiError.AppPage}, create a custom app with the read_orders, read_all_orders, read_customers and read_products "
                              + "Admin API scopes, install it, and copy the Admin API access token (shown only once).",
            Credentials =
            [
                new CredentialField(ShopifyConnector.TokenField, "Admin API access token", "Starts with shpat_; shown once when the custom app is installed", Secret: true,
                    Pattern: @"shp(at|ca|ss)_\S+", PatternHint: "it starts with shpat_"),
            ],
            UrlPlaceholder = "https://your-shop.myshopify.com",
            UrlHelp = "The shop's .myshopify.com address or its own domain; add /admin/api/2026-07 to pin an API version",
            CheckUrl = url => ShopifyAddress.Problem(url.ToString()),
            DefaultRequestsPerMinute = 600,
            IncrementalEntities = new HashSet<SyncEntity> { SyncEntity.Customers, SyncEntity.Products, SyncEntity.Orders },
            CreateConnector = (provider, target) => Create(provider, target, optionsFor?.Invoke(target) ?? new ShopifyConnectorOptions()),
        });
        return services;
    }

    private static ShopifyConnector Create(IServiceProvider provider, ConnectorTarget target, ShopifyConnectorOptions options)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpServiceCollectionExtensions.HttpClientName);
        var budget = provider.GetRequiredService<RequestBudgetRegistry>().For(ShopifyConnector.PlatformId, target.StoreId, target.RequestsPerMinute);
        var pipeline = provider.GetRequiredService<ConnectorPipelineFactory>().For(ShopifyConnector.PlatformId, target.StoreId, options.Resilience);
        var bucket = provider.GetRequiredService<ShopifyCostBuckets>().For(target.StoreId);
        return new ShopifyConnector(http, target, options, time, budget, pipeline, bucket);
    }
}
