using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Tenancy;
using Nexus.Core.Storage;

namespace Nexus.Core.Currency;

/// <summary>
/// The currency a merchant's "All stores" figures are shown in: their choice (Settings page), or by default the
/// currency of their first store (the one most of its orders are in), because that is the shop they started with.
/// </summary>
public sealed class ReportingCurrencies(IDbContextFactory<NexusDbContext> factory)
{
    /// <summary>Used when nothing is synced yet and nothing was chosen: the ECB's rates are per EUR.</summary>
    public const string Fallback = "EUR";

    /// <summary>An ISO 4217 code as typed ("usd", " EUR ") in its stored form, or an error in plain words.</summary>
    public static string Validate(string? currency)
    {
        var code = (currency ?? "").Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"'{currency}' is not a currency code; use three letters such as EUR, USD or GBP.");
        return code;
    }

    /// <summary>The tenant's reporting currency: chosen, else the first store's, else <see cref="Fallback"/>.</summary>
    public async Task<string> GetAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.ForTenantAsync(tenantId, cancellationToken);
        var chosen = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.ReportingCurrency).FirstOrDefaultAsync(cancellationToken);
        return chosen ?? await DefaultAsync(db, tenantId, cancellationToken);
    }

    /// <summary>Whether the tenant chose one (false: the default is in use).</summary>
    public async Task<bool> IsChosenAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.ForTenantAsync(tenantId, cancellationToken);
        return await db.Tenants.AnyAsync(t => t.Id == tenantId && t.ReportingCurrency != null, cancellationToken);
    }

    /// <summary>Chooses the reporting currency (null: back to the default). Only currencies Nexus has rates for are accepted.</summary>
    public async Task SetAsync(Guid tenantId, string? currency, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.ForTenantAsync(tenantId, cancellationToken);
        string? code = null;
        if (currency is not null)
        {
            code = Validate(currency);
            var known = await AvailableAsync(cancellationToken);
            if (!known.Contains(code))
                throw new ArgumentException($"Nexus has no exchange rates for {code}, so it cannot report in it. Choose one of: {string.Join(", ", known)}.");
        }
        var updated = await db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(t => t.SetProperty(x => x.ReportingCurrency, code), cancellationToken);
        if (updated == 0) throw new KeyNotFoundException("That account does not exist.");
    }

    /// <summary>EUR plus every currency the loaded rates quote, alphabetically.</summary>
    public async Task<IReadOnlyList<string>> AvailableAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var quoted = await db.FxRates.Select(r => r.Currency).Distinct().ToListAsync(cancellationToken);
        return quoted.Append(Fallback).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<string> DefaultAsync(NexusDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var firstStore = await db.Stores.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (firstStore is null) return Fallback;
        var currencies = await ScopeCurrencies.ListAsync(db, tenantId, firstStore, cancellationToken);
        return currencies.FirstOrDefault()?.Currency ?? Fallback;
    }
}
