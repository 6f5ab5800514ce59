using System.CommandLine;
using System.Globalization;
using Nexus.Core.Analytics;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>analyze clv|rfm (--store ID | --transactions FILE.csv) [--json]</c>: analytics on a plain transactions CSV
/// (<c>customer_id,date,amount</c>). Everything is computed before anything is printed, so a failure leaves stdout
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
    };

    /// <summary>The input options every analyze sub-verb shares.</summary>
    internal sealed class InputOptions
    {
        public Option<string?> Transactions { get; } = new("--transactions")
        {
            Description = "CSV with a customer_id,date,amount header (ISO dates, invariant numbers).",
            HelpName = "FILE.csv",
        };

        public Option<string?> Store { get; } = new("--store") { Description = "A synced store's id (needs synced data).", HelpName = "ID" };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the result as JSON on stdout." };

        public void AddTo(Command command)
        {
            command.Options.Add(Transactions);
            command.Options.Add(Store);
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
    /// Runs one analysis: loads the transactions, computes, and prints only when everything succeeded.
    /// <paramref name="analyse"/> returns the complete stdout text.
    /// </summary>
    public static int Run(ParseResult parse, InputOptions input, Func<IReadOnlyList<Transaction>, string, string> analyse)
    {
        if (parse.GetValue(input.Store) is { } store)
        {
            Console.Error.WriteLine($"error: --store {store}: --store needs synced data; not available yet — use --transactions FILE.csv");
            return ExitUsage;
        }
        if (parse.GetValue(input.Transactions) is not { } path)
        {
            Console.Error.WriteLine("error: give --transactions FILE.csv (a customer_id,date,amount CSV)");
            return ExitUsage;
        }
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: transactions file '{path}' not found");
            return ExitBadInput;
        }

        string output;
        try
        {
            Console.Error.WriteLine($"reading {path}…");
            var transactions = TransactionsCsvReader.ReadFile(path);
            Console.Error.WriteLine($"{transactions.Count:N0} transactions read");
            output = analyse(transactions, path);
        }
        catch (TransactionsCsvException e)
        {
            Console.Error.WriteLine($"error: {path}: {e.Message}");
            return ExitBadInput;
        }
        catch (InsufficientDataException e)
        {
            Console.Error.WriteLine($"error: not enough data in {path}: {e.Message}");
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
}
