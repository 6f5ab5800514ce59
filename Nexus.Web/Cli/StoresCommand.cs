using System.CommandLine;
using System.Text.Json;
using Nexus.Core.Platforms;
using Nexus.Core.Stores;

namespace Nexus.Web.Cli;

/// <summary><c>stores add|list|test</c>: register, list and test-connect stores from the command line.</summary>
internal static class StoresCommand
{
    public static Command Create() => new("stores", "Register, list and test the connection of stores.") { Add(), List(), Test() };

    private static Command Add()
    {
        var platform = new Option<string>("--platform") { Description = "woocommerce", Required = true };
        var url = new Option<string>("--url") { Description = "The store's address, e.g. https://shop.example.com", Required = true };
        var key = new Option<string>("--key") { Description = "API key (WooCommerce: consumer key)", Required = true };
        var secret = new Option<string>("--secret") { Description = "API secret (WooCommerce: consumer secret)", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the store's host)" };
        var skipTest = new Option<bool>("--no-test") { Description = "Save without testing the connection first." };
        var budget = new Option<int>("--requests-per-minute") { Description = "Request budget for this store (default 300).", DefaultValueFactory = _ => 300 };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print the new store as JSON." };
        var command = new Command("add", "Register a store (tests the connection first).") { platform, url, key, secret, name, skipTest, budget, owner, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var credentials = new StoreCredentials(parse.GetValue(key)!, parse.GetValue(secret)!);
            var platformId = parse.GetValue(platform)!.ToLowerInvariant();
            var registry = services.GetRequiredService<PlatformRegistry>();
            if (!registry.IsKnown(platformId)) throw new CliException($"Nexus does not know the platform '{platformId}'. Known: {string.Join(", ", registry.All.Select(p => p.Id))}.");
            // The same validation the web app applies, before any connection is attempted.
            var storeUrl = StoreValidation.ValidateUrl(parse.GetValue(url));
            var address = storeUrl.ToString().TrimEnd('/');
            StoreValidation.Validate(parse.GetValue(name) ?? storeUrl.Host, address, parse.GetValue(budget), credentials);
            await services.GetRequiredService<StoreService>().EnsureReachableAddressAsync(storeUrl, token);
            if (!parse.GetValue(skipTest))
            {
                var test = await registry.CreateConnector(platformId, new ConnectorTarget(0, address, credentials)).TestConnectionAsync(token);
                if (!test.Ok) throw new CliException($"{test.Summary} {test.Fix} (Use --no-test to save it anyway.)");
                Console.Error.WriteLine($"Connected: {test.StoreName} ({test.Currency}, {test.PlatformVersion}).");
            }
            var storeName = parse.GetValue(name) ?? storeUrl.Host;
            var store = await services.GetRequiredService<StoreService>().AddAsync(tenant, new NewStore(storeName, platformId, address, credentials, parse.GetValue(budget)), token);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(store, CliJson.Options) : $"Added store {store.Id}: {store.Name} ({store.Platform}, {store.BaseUrl})");
            return 0;
        }, ct));
        return command;
    }

    private static Command List()
    {
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print the stores as JSON." };
        var command = new Command("list", "List the stores (never their credentials).") { owner, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var stores = await services.GetRequiredService<StoreService>().ListAsync(tenant, token);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(stores, CliJson.Options));
            }
            else if (stores.Count == 0)
            {
                Console.WriteLine("No stores yet. Add one with: stores add --platform woocommerce --url URL --key KEY --secret SECRET");
            }
            else
            {
                foreach (var s in stores) Console.WriteLine($"{s.Id,5}  {s.Platform,-12} {s.Name,-30} {s.BaseUrl}");
            }
            return 0;
        }, ct));
        return command;
    }

    private static Command Test()
    {
        var id = new Argument<int>("ID") { Description = "The store's id (see stores list)." };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("test", "Test the connection to a registered store and say what is wrong, if anything.") { id, owner, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var found = await services.GetRequiredService<StoreService>().GetWithCredentialsAsync(tenant, parse.GetValue(id), token)
                        ?? throw new CliException($"There is no store {parse.GetValue(id)} for this account. See: stores list");
            var (store, credentials) = found;
            var result = await services.GetRequiredService<PlatformRegistry>()
                .CreateConnector(store.Platform, new ConnectorTarget(store.Id, store.BaseUrl, credentials)).TestConnectionAsync(token);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result, CliJson.Options)
                : result.Ok ? $"OK: {result.StoreName} ({result.Currency}, {result.PlatformVersion})" : $"FAILED: {result.Summary}\n{result.Fix}");
            return result.Ok ? 0 : 1;
        }, ct));
        return command;
    }
}
