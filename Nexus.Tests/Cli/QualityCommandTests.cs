using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nexus.Core.Accounts;
using Nexus.Core.Platforms;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Tests.Infrastructure;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Cli;

/// <summary>
/// <c>quality --store ID</c> against the shared host's database (the CLI builds its own host on the same data folder).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class QualityCommandTests(NexusWebFactory app) : IDisposable
{
    private readonly string? _previousDataFolder = SetDataFolder(app.DataFolder);

    private static string? SetDataFolder(string folder)
    {
        var previous = Environment.GetEnvironmentVariable("Nexus__DataFolder");
        Environment.SetEnvironmentVariable("Nexus__DataFolder", folder);
        return previous;
    }

    public void Dispose() => Environment.SetEnvironmentVariable("Nexus__DataFolder", _previousDataFolder);

    private async Task<(string Email, int StoreId)> StoreWithIssuesAsync()
    {
        var email = $"cli-quality-{Guid.NewGuid():N}@example.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (_, user) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "Cli-Pass-123", "Cli", NexusRoles.Merchant);
        var store = await scope.ServiceProvider.GetRequiredService<StoreService>()
            .AddAsync(user!.TenantId, new NewStore("CLI store + Kid's", "woocommerce", "http://127.0.0.1:1", new StoreCredentials("ck", "cs")));
        var customers = Enumerable.Range(1, 4).Select(i => RuleCasesCustomer($"{i}")).ToList();
        await scope.ServiceProvider.GetRequiredService<Nexus.Core.Storage.RecordUpserter>().UpsertCustomersAsync(user.TenantId, store.Id, customers);
        await scope.ServiceProvider.GetRequiredService<QualityIssueWriter>().ReplaceAsync(user.TenantId, store.Id, null, SyncEntity.Customers,
            [new RecordIssues("1", [new RecordIssue("customer.email-valid", QualitySeverity.Error, "email", "a@@b", "bad", false)], false)],
            DateTimeOffset.UtcNow, CancellationToken.None);
        return (email, store.Id);
    }

    private static Nexus.Core.Model.Customer RuleCasesCustomer(string id) => Nexus.Tests.Quality.RuleCases.GoodCustomer with { PlatformId = id, Email = $"c{id}@example.com" };

    [Fact]
    public async Task Json_card_grades_the_store_from_its_stored_issues()
    {
        var (_, storeId) = await StoreWithIssuesAsync();

        var result = await CliRun.RunAsync("quality", "--store", storeId.ToString(), "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var customers = json.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("entity").GetString() == "Customers");
        Assert.Equal(4, customers.GetProperty("records").GetInt64());
        Assert.Equal(1, customers.GetProperty("errorRecords").GetInt64());
        Assert.Equal(75.0, customers.GetProperty("score").GetDouble());       // 1 of 4 records with an error
        Assert.Equal("customer.email-valid", json.GetProperty("topRules")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Json_prints_grades_as_they_read_not_unicode_escaped()
    {
        var (_, storeId) = await StoreWithIssuesAsync();
        var result = await CliRun.RunAsync("quality", "--store", storeId.ToString(), "--json");
        var json = JsonDocument.Parse(result.Out).RootElement;
        // Every string (grades such as "A+", the store's name "CLI store + Kid's") appears as written.
        Assert.Contains($"\"{json.GetProperty("grade").GetString()}\"", result.Out);
        Assert.Contains("CLI store + Kid's", result.Out);
        Assert.DoesNotContain("\\u00", result.Out);
    }

    [Fact]
    public async Task With_an_owner_another_merchants_store_is_not_found()
    {
        var (_, theirStore) = await StoreWithIssuesAsync();
        var (me, myStore) = await StoreWithIssuesAsync();

        Assert.Equal(0, (await CliRun.RunAsync("quality", "--store", myStore.ToString(), "--owner", me)).ExitCode);
        var refused = await CliRun.RunAsync("quality", "--store", theirStore.ToString(), "--owner", me);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("", refused.Out);
    }

    [Fact]
    public async Task The_human_card_names_the_grade_and_what_to_fix_first()
    {
        var (_, storeId) = await StoreWithIssuesAsync();
        var result = await CliRun.RunAsync("quality", "--store", storeId.ToString());
        Assert.True(result.ExitCode == 0, result.Error);
        // Customers are the only entity with records: 1 of 4 with an error → 75.0 → C.
        Assert.Contains("Overall: C (75.0/100)", result.Out);
        Assert.Contains("Fix first:", result.Out);
    }
}
