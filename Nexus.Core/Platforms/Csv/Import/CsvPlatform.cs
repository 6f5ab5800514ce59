using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Nexus.Core.Platforms.Csv.Import;

/// <summary>The "CSV files" platform: a store fed by uploaded exports instead of an API. No address, no credentials.</summary>
public static class CsvPlatform
{
    public const string Id = "csv";

    public static PlatformDescriptor Descriptor { get; } = new()
    {
        Id = Id,
        DisplayName = "CSV files",
        Icon = "M14,2H6A2,2 0 0,0 4,4V20A2,2 0 0,0 6,22H18A2,2 0 0,0 20,20V8L14,2M15,18H9V16H15V18M15,14H9V12H15V14M13,9V3.5L18.5,9H13Z",
        Credentials = [],
        CredentialsHelp = "Nothing to connect: upload Shopify or WooCommerce exports, or any CSV, on the store's page.",
        FedByUploads = true,
        CreateConnector = (services, target) => new CsvStoreConnector(target, services.GetRequiredService<CsvUploadStore>(),
            services.GetRequiredService<IOptions<CsvImportOptions>>().Value.PageSize),
    };

    /// <summary>The CSV platform, its upload store and the importer. Upload limits from <c>Nexus:CsvImport</c>.</summary>
    public static IServiceCollection AddCsvImport(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var optionsBuilder = services.AddOptions<CsvImportOptions>();
        if (configuration is not null) optionsBuilder.Bind(configuration.GetSection(CsvImportOptions.Section));
        optionsBuilder.ValidateDataAnnotations();
        services.AddSingleton(Descriptor);
        services.TryAddSingleton<CsvUploadStore>();
        services.TryAddSingleton<CsvImporter>();
        return services;
    }
}
