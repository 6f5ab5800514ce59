using Microsoft.Extensions.DependencyInjection;

namespace Nexus.Core.Currency;

public static class CurrencyServiceCollectionExtensions
{
    /// <summary>ECB reference rates (loaded on first start), merchants' own rates and reporting currencies (docs/currency.md).</summary>
    public static IServiceCollection AddCurrency(this IServiceCollection services)
    {
        services.AddSingleton<FxRateStore>();
        services.AddSingleton<ReportingCurrencies>();
        return services;
    }
}
