using System.CommandLine;
using System.Text.Json;
using Nexus.Core.Platforms;
using Nexus.Core.Stores;

namespace Nexus.Web.Cli;

/// <summary><c>stores add|list|test|history</c>: register, list and test-connect stores, and list their runs, from the command line.</summary>
internal static class StoresCommand
{
    public static Command Create() => new("stores", "Register, list and test the connection of stores; list their runs.") { Add(), List(), Test(), History() };

    private static Command Add()
    {
        var platform = new Option<string>("--platform") { Description = "The platform id (see the credential fields each asks for in README: Stores).", Required = true };
        var url = new Option<string?>("--url") { Description = "The store's address, e.g. https://shop.example.com (not for --platform csv: its data is uploaded)." };
        var credential = new Option<string[]>("--credential")
        {
            Description = "One credential field as NAME=VALUE, repeated for each field the platform asks for (WooCommerce: key=ck_… secret=cs_…).",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var key = new Option<string?>("--key") { Description = "WooCommerce alias for --credential key=…" };
        var secret = new Option<string?>("--secret") { Description = "WooCommerce alias for --credential secret=…" };
        var name = new Option<string?>("--name") { Description = "Display name (default: the store's host)" };
        var skipTest = new Option<bool>("--no-test") { Description = "Save without testing the connection first." };
        var budget = new Option<int>("--requests-per-minute") { Description = "Request budget for this store (default 300).", DefaultValueFactory = _ => 300 };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print the new store as JSON." };
        var command = new Command("add", "Register a store (tests the connection first).") { platform, url, credential, key, secret, name, skipTest, budget, owner, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var platformId = parse.GetValue(platform)!.ToLowerInvariant();
            var registry = services.GetRequiredService<PlatformRegistry>();
            var descriptor = registry.Find(platformId)
                             ?? throw new CliException($"Nexus does not know the platform '{platformId}'. Known: {string.Join(", ", registry.All.Select(p => p.Id).Order())}.");
            var credentials = Credentials(descriptor, parse.GetValue(credential) ?? [], parse.GetValue(key), parse.GetValue(secret));
            if (descriptor.FedByUploads)
            {
                if (parse.GetValue(url) is not null) throw new CliException($"{descriptor.DisplayName} stores have no address: leave out --url and import files with: import --store ID --entity orders --file F.");
                var named = parse.GetValue(name) ?? throw new CliException($"Give the {descriptor.DisplayName} store a name with --name.");
                var added = await services.GetRequiredService<StoreService>().AddAsync(tenant, new NewStore(named, platformId, "", credentials, parse.GetValue(budget), WithoutAddress: true), token);
                Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(added, CliJson.Options) : $"Added store {added.Id}: {added.Name} ({added.Platform}); import files with: import --store {added.Id} --entity orders --file F");
                return 0;
            }
            if (parse.GetValue(url) is null) throw new CliException($"{descriptor.DisplayName} stores need --url, the store's address.");
            // The same validation the web app applies, before any connection is attempted.
            var storeUrl = StoreValidation.ValidateUrl(parse.GetValue(url));
            var address = storeUrl.ToString().TrimEnd('/');
            if (descriptor.ValidateUrl(address) is { } badUrl) throw new CliException(badUrl);
            StoreValidation.Validate(parse.GetValue(name) ?? storeUrl.Host, address, parse.GetValue(budget), credentials);
            await services.GetRequiredService<StoreService>().EnsureReachableAddressAsync(storeUrl, token);
            // Before the connection test: a shop already connected is refused however good its credentials are.
            await services.GetRequiredService<StoreService>().EnsureNotConnectedAsync(tenant, platformId, storeUrl, cancellationToken: token);
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

    /// <summary>NAME=VALUE pairs (plus the WooCommerce aliases) checked against the platform's credential schema.</summary>
    private static StoreCredentials Credentials(PlatformDescriptor platform, IEnumerable<string> pairs, string? key, string? secret)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0) throw new CliException($"--credential takes NAME=VALUE, got '{pair.Split('=')[0]}…'. {platform.DisplayName} asks for: {Expected(platform)}.");
            fields[pair[..equals].Trim()] = pair[(equals + 1)..];
        }
        if (key is not null) fields[StoreCredentials.KeyField] = key;
        if (secret is not null) fields[StoreCredentials.SecretField] = secret;
        var credentials = new StoreCredentials(fields);
        if (platform.ValidateCredentials(credentials) is { Count: > 0 } problems)
            throw new CliException($"{string.Join(" ", problems)} {platform.DisplayName} asks for: {Expected(platform)}.");
        return credentials;
    }

    private static string Expected(PlatformDescriptor platform) =>
        string.Join(", ", platform.Credentials.Select(f => $"--credential {f.Name}=… ({f.Label})"));

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
                Console.WriteLine(parse.GetValue(owner) is { } email
                    ? $"{email} has no stores yet. Add one in the web app, or with: stores add --owner {email} --platform woocommerce --url URL --key KEY --secret SECRET"
                    : "The 'cli' account has no stores yet. Stores added in the web app belong to their merchant: use --owner EMAIL (e.g. --owner merchant@nexus.demo). Or add one with: stores add --platform woocommerce --url URL --key KEY --secret SECRET");
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
                        ?? throw CliTenant.NoSuchStore(parse.GetValue(id), parse.GetValue(owner));
            var (store, credentials) = found;
            var result = await services.GetRequiredService<PlatformRegistry>()
                .CreateConnector(store.Platform, new ConnectorTarget(store.Id, store.BaseUrl, credentials, store.RequestsPerMinute)).TestConnectionAsync(token);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result, CliJson.Options)
                : result.Ok ? $"OK: {result.StoreName} ({result.Currency}, {result.PlatformVersion})" : $"FAILED: {result.Summary}\n{result.Fix}");
            return result.Ok ? 0 : 1;
        }, ct));
        return command;
    }
    /// <summary>The store's runs, newest first, each labelled as on the history page ("Import · orders_export.csv", "Full sync").</summary>
    private static Command History()
    {
        var id = new Argument<int>("ID") { Description = "The store's id (see stores list)." };
        var take = new Option<int>("--take") { Description = "How many runs, newest first (default 20).", DefaultValueFactory = _ => 20 };
        var owner = CliTenant.OwnerOption();
        var json = new Option<bool>("--json") { Description = "Print the runs as JSON." };
        var command = new Command("history", "List a store's syncs and imports, newest first.") { id, take, owner, json };
        command.SetAction((parse, ct) => CliVerb.RunAsync(async (services, token) =>
        {
            var tenant = await CliTenant.ResolveAsync(services, parse.GetValue(owner), token);
            var storeId = parse.GetValue(id);
            if (!await services.GetRequiredService<StoreService>().ExistsAsync(tenant, storeId, token))
                throw CliTenant.NoSuchStore(storeId, parse.GetValue(owner));
            var runs = await services.GetRequiredService<StoreOverviewQuery>().HistoryAsync(tenant, storeId, Math.Max(1, parse.GetValue(take)), token);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(runs.Select(r => new
                {
                    r.Id, r.Label, r.Mode, r.ImportedFile, r.Status, r.StartedAt, r.FinishedAt,
                    Inserted = r.Counts.Values.Sum(c => c.Inserted), Updated = r.Counts.Values.Sum(c => c.Updated),
                    Unchanged = r.Counts.Values.Sum(c => c.Unchanged), Quarantined = r.Counts.Values.Sum(c => c.Quarantined), r.Error,
                }), CliJson.Options));
            }
            else if (runs.Count == 0)
            {
                Console.WriteLine($"Store {storeId} has no runs yet.");
            }
            else
            {
                foreach (var r in runs)
                    Console.WriteLine($"{r.Id,6}  {r.StartedAt:yyyy-MM-dd HH:mm:ss}  {r.Status,-9}  {r.Label}{(r.Error is { } e ? $"  ({e})" : "")}");
            }
            return 0;
        }, ct));
        return command;
    }
}
