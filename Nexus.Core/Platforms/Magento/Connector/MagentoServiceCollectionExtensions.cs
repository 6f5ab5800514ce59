using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Resilience;
using Nexus.Core.Stores;

namespace Nexus.Core.Platforms.Magento.Connector;

public static class MagentoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Magento platform: its descriptor (credential schema, address rule, incremental entities, connector
    /// factory) over the shared connector HttpClient, per-store budgets and pipelines.
    /// </summary>
    /// <param name="optionsFor">Per-store options; default options (with the store's budget) when null.</param>
    /// <remarks>Idempotent: the first call wins.</remarks>
    public static IServiceCollection AddMagento(this IServiceCollection services, Func<ConnectorTarget, MagentoConnectorOptions>? optionsFor = null)
    {
        if (services.Any(d => d.ServiceType == typeof(PlatformDescriptor) && d.ImplementationInstance is PlatformDescriptor { Id: MagentoConnector.PlatformId }))
            return services;
        services.AddConnectorHttp();
        services.AddSingleton(Descriptor(optionsFor));
        return services;
    }

    public static PlatformDescriptor Descriptor(Func<ConnectorTarget, MagentoConnectorOptions>? optionsFor = null) => new()
    {
        Id = MagentoConnector.PlatformId,
        DisplayName = "Magento",
        Icon = "M12 1 2 6.8v11.5l2.9 1.7V8.5L12 4.4l7.1 4.1V20l2.9-1.7V6.8L12 1zm1.4 19.4L12 21.2l-1.4-.8V8.9L8.1 10.3v11.4L12 24l3.9-2.3V10.3l-2.5-1.4v11.5z",
        CredentialsHelp = $"In the Magento admin, create an integration under {MagentoApiError.IntegrationsPage} with read access to Sales, Customers, Catalog and Stores, activate it, "
                          + "and copy its four values. An admin token (or an integration token on a store that allows Bearer use) can go in Access token alone.",
        Credentials =
        [
            new CredentialField(MagentoCredentials.ConsumerKey, "Consumer key", "Integration Details: Consumer Key", Pattern: @"\S+", Required: false),
            new CredentialField(MagentoCredentials.ConsumerSecret, "Consumer secret", "Integration Details: Consumer Secret", Secret: true, Pattern: @"\S+", Required: false),
            new CredentialField(MagentoCredentials.AccessToken, "Access token", "Integration Details: Access Token", Secret: true, Pattern: @"\S+"),
            new CredentialField(MagentoCredentials.AccessTokenSecret, "Access token secret", "Integration Details: Access Token Secret", Secret: true, Pattern: @"\S+", Required: false),
            new CredentialField(MagentoCredentials.StoreCode, "Store view code", "Optional; 'default' unless the shop uses another store view",
                Pattern: "[A-Za-z0-9_]+", PatternHint: "letters, digits and underscores, e.g. default", Required: false),
        ],
        CheckCredentials = MagentoCredentials.Check,
        UrlHelp = "The shop's base URL, without /rest or /admin",
        CheckUrl = url => url.Scheme == Uri.UriSchemeHttps || url.IsLoopback ? null
            : $"'{url}' is not https. Magento integrations must be reached over https (e.g. https://{url.Authority}).",
        IncrementalEntities = new HashSet<SyncEntity> { SyncEntity.Customers, SyncEntity.Products, SyncEntity.Orders },
        CreateConnector = (provider, target) => Create(provider, target, optionsFor?.Invoke(target) ?? new MagentoConnectorOptions { RequestsPerMinute = target.RequestsPerMinute }),
    };

    private static MagentoConnector Create(IServiceProvider provider, ConnectorTarget target, MagentoConnectorOptions options)
    {
        var time = provider.GetRequiredService<TimeProvider>();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpServiceCollectionExtensions.HttpClientName);
        var budget = provider.GetRequiredService<RequestBudgetRegistry>().For(MagentoConnector.PlatformId, target.StoreId, options.RequestsPerMinute);
        var pipeline = provider.GetRequiredService<ConnectorPipelineFactory>().For(MagentoConnector.PlatformId, target.StoreId, options.Resilience);
        return new MagentoConnector(http, target, options, time, budget, pipeline);
    }
}
