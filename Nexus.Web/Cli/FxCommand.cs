using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nexus.Core.Currency;
using Nexus.Core.Storage;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>fx import --file F</c> loads a newer ECB reference-rates file (the ECB's zip or CSV, historical or daily) in one
/// transaction; <c>fx override add|list|remove</c> manages a merchant's own rates (<c>--owner EMAIL</c>).
/// A malformed file is one <c>error:</c> line naming the line that is wrong, and nothing is loaded.
/// </summary>
internal static class FxCommand
{
    public static Command Create() => new("fx", "ECB reference rates: load a newer file, or set a merchant's own rates.") { Import(), Override() };

    private static Command Import()
    {
        var file = new Option<string>("--file") { Description = "The ECB's eurofxref-hist.zip / .csv (or the daily eurofxref.csv).", HelpName = "F", Required = true };
        var json = new Option<bool>("--json") { Description = "Print what was loaded as JSON." };
        var command = new Command("import", "Load an ECB reference-rates file (adds new days, replaces changed ones; all or nothing).") { file, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(token);
            var rates = services.GetRequiredService<FxRateStore>();
            await rates.EnsureShippedRatesAsync(token); // a fresh database first gets the history, then the newer file on top
            FxImportResult result;
            try
            {
                result = await rates.ImportFileAsync(parse.GetValue(file)!, token);
            }
            catch (EcbRatesFileException ex)
            {
                throw new CliException(ex.Message + " Nothing was loaded.");
            }
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(result, CliJson.Options)
                : string.Create(CultureInfo.InvariantCulture, $"Loaded {result.Rates:N0} rates for {result.Currencies} currencies on {result.Days:N0} days ({result.FirstDay:yyyy-MM-dd} to {result.LastDay:yyyy-MM-dd})."));
            return 0;
        }, ct));
        return command;
    }

    private static Command Override()
    {
        var currency = new Option<string>("--currency") { Description = "The currency whose rate per EUR is set, e.g. USD.", HelpName = "XXX", Required = true };
        var from = AnalyzeCommand.DateOption("--from", "First day the rate applies to.");
        from.Required = true;
        var to = AnalyzeCommand.DateOption("--to", "Last day it applies to (default: --from).");
        var rate = new Option<double>("--rate") { Description = "Units of the currency per 1 EUR, like the ECB's figure (e.g. 1.08).", Required = true };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print as JSON." };

        var add = new Command("add", "Use your own rate instead of the ECB's on these days.") { currency, from, to, rate, owner, json };
        add.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var start = parse.GetValue(from)!.Value;
            var added = await services.GetRequiredService<FxRateStore>().AddOverrideAsync(tenant, parse.GetValue(currency)!, start, parse.GetValue(to) ?? start, parse.GetValue(rate), token);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(added, CliJson.Options) : Describe(added));
            return 0;
        }, ct));

        var listOwner = CliTenant.OwnerOption();
        var listJson = new Option<bool>("--json") { Description = "Print as JSON." };
        var list = new Command("list", "The account's own rates.") { listOwner, listJson };
        list.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(listOwner), token);
            var overrides = await services.GetRequiredService<FxRateStore>().ListOverridesAsync(tenant, token);
            Console.WriteLine(parse.GetValue(listJson) ? JsonSerializer.Serialize(overrides, CliJson.Options)
                : overrides.Count == 0 ? "No own rates: every conversion uses the ECB's." : string.Join(Environment.NewLine, overrides.Select(Describe)));
            return 0;
        }, ct));

        var id = new Argument<int>("ID") { Description = "The override's id (see: fx override list)." };
        var removeOwner = CliTenant.OwnerOption();
        var remove = new Command("remove", "Go back to the ECB's rate on those days.") { id, removeOwner };
        remove.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(removeOwner), token);
            if (!await services.GetRequiredService<FxRateStore>().RemoveOverrideAsync(tenant, parse.GetValue(id), token))
                throw new CliException($"There is no own rate {parse.GetValue(id)} in this account. See: fx override list");
            Console.WriteLine($"Removed own rate {parse.GetValue(id)}.");
            return 0;
        }, ct));

        return new Command("override", "A merchant's own exchange rates, used instead of the ECB's on their days.") { add, list, remove };
    }

    private static string Describe(RateOverride o) =>
        string.Create(CultureInfo.InvariantCulture, $"{o.Id}: {o.Currency} {o.PerEur} per EUR from {o.From:yyyy-MM-dd} to {o.To:yyyy-MM-dd}");
}
