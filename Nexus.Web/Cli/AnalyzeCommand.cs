using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Storage;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>analyze clv|rfm (--store ID [--currency XXX] | --transactions FILE.csv) [--json]</c>: analytics on a synced store's
/// orders or on a plain transactions CSV (<c>customer_id,date,amount</c>). Everything is computed before anything is printed, so a failure leaves stdout
/// empty; errors go to stderr with exit 1 (bad file or data) or 2 (unusable options).
/// </summary>
internal static class AnalyzeCommand
{
    public const int ExitBadInput = 1;
    public const int ExitUsage = 2;

    public static Command Create() => new("analyze", "Analytics (CLV, RFM) on stored data or a transactions CSV (customer_id,date,amount).")
    {
        AnalyzeClvCommand.Create(),
        AnalyzeRfmCommand.Create(),
        AnalyzeForecastCommand.Create(),
        AnalyzeProductsCommand.Create(),
    };

    /// <summary>The input options every analyze sub-verb shares.</summary>
    internal sealed class InputOptions
    {
        public Option<string?> Transactions { get; } = new("--transactions")
        {
            Description = "CSV with a customer_id,date,amount header (ISO dates, invariant numbers).",
            HelpName = "FILE.csv",
        };

        public Option<int?> Store { get; } = new("--store")
        {
            Description = "A synced store's id. Ops use: the CLI has no signed-in user, so the store is found by id across all tenants.",
            HelpName = "ID",
        };

        public Option<string?> Currency { get; } = new("--currency")
        {
            Description = "With --store: the currency of the orders to analyse (default: the one with most revenue orders).",
            HelpName = "XXX",
        };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on stdout." };

        public void AddTo(Command command)
        {
            command.Options.Add(Transactions);
            command.Options.Add(Store);
            command.Options.Add(Currency);
            command.Options.Add(Json);
        }
    }

    /// <summary>A strict yyyy-MM-dd date option (the same date format the CSV reader accepts).</summary>
    public static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            result.AddError($"{name} '{text}' is not a date in yyyy-MM-dd form");
            return null;
        },
    };

    /// <summary>
    /// Runs one analysis: loads the transactions (store or CSV), computes, and prints only when everything succeeded.
    /// <paramref name="analyse"/> gets the transactions and a label for the source and returns the complete stdout text.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, InputOptions input, Func<IReadOnlyList<Transaction>, string, string> analyse,
        CancellationToken cancellationToken)
    {
        var store = parse.GetValue(input.Store);
        var path = parse.GetValue(input.Transactions);
        if (store is not null && path is not null)
        {
            Console.Error.WriteLine("error: give either --store ID or --transactions FILE.csv, not both");
            return ExitUsage;
        }
        if (store is null && path is null)
        {
            Console.Error.WriteLine("error: give --store ID (a synced store) or --transactions FILE.csv (a customer_id,date,amount CSV)");
            return ExitUsage;
        }
        if (path is not null && !File.Exists(path))
        {
            Console.Error.WriteLine($"error: transactions file '{path}' not found");
            return ExitBadInput;
        }

        var source = path ?? $"store {store}";
        string output;
        try
        {
            IReadOnlyList<Transaction> transactions;
            if (store is { } id)
            {
                var loaded = await LoadStoreAsync(id, parse.GetValue(input.Currency), cancellationToken);
                if (loaded is null) return ExitBadInput;
                (transactions, source) = loaded.Value;
            }
            else
            {
                Console.Error.WriteLine($"reading {path}…");
                transactions = TransactionsCsvReader.ReadFile(path!);
            }
            Console.Error.WriteLine($"{transactions.Count:N0} transactions read");
            output = analyse(transactions, source);
        }
        catch (TransactionsCsvException e)
        {
            Console.Error.WriteLine($"error: {path}: {e.Message}");
            return ExitBadInput;
        }
        catch (InsufficientDataException e)
        {
            Console.Error.WriteLine($"error: not enough data in {source}: {e.Message}");
            return ExitBadInput;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot read '{path}': {e.Message}");
            return ExitBadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"error: cannot read '{path}': {e.Message}");
            return ExitBadInput;
        }
        Console.Out.Write(output);
        return 0;
    }

    /// <summary>
    /// A stored store's revenue orders as transactions (see <see cref="StoreTransactions"/>). The CLI is an ops tool
    /// with no signed-in merchant, so the store is looked up by id across tenants and then read with its own tenant.
    /// </summary>
    private static async Task<(IReadOnlyList<Transaction> Transactions, string Source)?> LoadStoreAsync(int storeId, string? currency, CancellationToken cancellationToken)
    {
        await using var host = NexusCli.BuildHost();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        var factory = host.Services.GetRequiredService<IDbContextFactory<NexusDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var store = await db.Stores.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store is null)
        {
            Console.Error.WriteLine($"error: no store with id {storeId}");
            return null;
        }
        var currencies = await ScopeCurrencies.ListAsync(db, store.TenantId, storeId, cancellationToken);
        var chosen = currency ?? currencies.FirstOrDefault()?.Currency;
        if (chosen is null || currencies.All(c => c.Currency != chosen))
        {
            Console.Error.WriteLine(currencies.Count == 0
                ? $"error: store {storeId} ({store.Name}) has no revenue orders yet: sync it first"
                : $"error: store {storeId} has no revenue orders in {chosen}; it has {string.Join(", ", currencies.Select(c => $"{c.Currency} ({c.Orders:N0})"))}");
            return null;
        }
        if (currencies.Count > 1) Console.Error.WriteLine($"note: analysing {chosen} orders only; the store also sells in {string.Join(", ", currencies.Where(c => c.Currency != chosen).Select(c => c.Currency))}");
        Console.Error.WriteLine($"reading store {storeId} ({store.Name}), {chosen}…");
        var transactions = await new StoreTransactions(factory).LoadAsync(AnalyticsScope.AsOfToday(store.TenantId, storeId, chosen, host.Services.GetRequiredService<TimeProvider>()), cancellationToken);
        return (transactions, $"store {storeId} ({store.Name}, {chosen})");
    }
}
