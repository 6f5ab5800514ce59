using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Storage;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>quality --store ID [--owner EMAIL] [--revalidate] [--json]</c>: the store's report card (the same data as
/// <c>/quality?store=ID</c>). The CLI has no signed-in merchant: without <c>--owner</c> any tenant's store is found
/// (ops use on the server); with <c>--owner</c> the store must belong to that user's tenant. Exit 1 when the store is
/// not found, 0 otherwise (a bad grade is a result, not a failure).
/// </summary>
internal static class QualityCommand
{
    public const int ExitNotFound = 1;

    public static Command Create()
    {
        var store = new Option<int>("--store") { Description = "The store's id.", HelpName = "ID", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Only find the store if it belongs to this user's merchant account.", HelpName = "EMAIL" };
        var revalidate = new Option<bool>("--revalidate") { Description = "Re-run the current rules over the stored records first." };
        var json = new Option<bool>("--json") { Description = "Print the report card as JSON on stdout." };
        var command = new Command("quality", "A store's data quality report card: grades per entity, failing rules, recommendations.") { store, owner, revalidate, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = NexusCli.BuildHost();
            var services = host.Services;
            var storeId = parse.GetValue(store);
            var tenant = await TenantOfAsync(services.GetRequiredService<IDbContextFactory<NexusDbContext>>(), storeId, parse.GetValue(owner), cancellationToken);
            if (tenant is null)
            {
                Console.Error.WriteLine(parse.GetValue(owner) is { } email ? $"error: {email} has no store {storeId}. See: stores list --owner {email}" : $"error: there is no store {storeId} in any account. See: stores list --owner EMAIL");
                return ExitNotFound;
            }
            if (parse.GetValue(revalidate))
            {
                Console.Error.WriteLine($"re-validating store {storeId}…");
                await services.GetRequiredService<QualityRevalidator>().RunAsync(tenant.Value, storeId, cancellationToken);
            }
            var report = (await services.GetRequiredService<QualityReportQuery>().StoreAsync(tenant.Value, storeId, cancellationToken))!;
            Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(report, CliJson.Options) + Environment.NewLine : Format(report));
            return 0;
        });
        return command;
    }

    /// <summary>The store's tenant: any tenant without an owner (ops), else only the owner's.</summary>
    private static async Task<Guid?> TenantOfAsync(IDbContextFactory<NexusDbContext> factory, int storeId, string? ownerEmail, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var storeTenant = await db.Stores.IgnoreQueryFilters().Where(s => s.Id == storeId).Select(s => (Guid?)s.TenantId).FirstOrDefaultAsync(cancellationToken);
        if (storeTenant is null || ownerEmail is null) return storeTenant;
        var normalized = ownerEmail.Trim().ToUpperInvariant();
        var ownerTenant = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.TenantId).FirstOrDefaultAsync(cancellationToken);
        return ownerTenant == storeTenant ? storeTenant : null;
    }

    /// <summary>The human report card.</summary>
    public static string Format(QualityReport report)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"Data quality: {report.Title} (store {report.StoreId})");
        if (!report.HasData)
        {
            sb.AppendLine("No synced records yet: run a sync first, then the store gets its grade.");
            return sb.ToString();
        }
        sb.AppendLine(inv, $"Overall: {report.Grade} ({report.Score:F1}/100)   quarantined records: {report.QuarantinedRecords:N0}");
        sb.AppendLine();
        foreach (var e in report.Entities)
            sb.AppendLine(inv, $"  {e.Entity,-10} {e.Grade,-3} {e.Score,5:F1}   {e.Records,8:N0} records: {e.ErrorRecords:N0} with errors, {e.WarningRecords:N0} warnings, {e.InfoRecords:N0} info, {e.QuarantinedRecords:N0} quarantined");
        if (report.TopRules.Count > 0)
        {
            sb.AppendLine().AppendLine("Top failing rules:");
            foreach (var r in report.TopRules)
                sb.AppendLine(inv, $"  {r.Severity.ToString().ToLowerInvariant(),-7} {r.RuleId,-34} {r.Records,7:N0}   e.g. {string.Join(", ", r.Examples.Take(3).Select(x => x.PlatformId))}");
        }
        if (report.Recommendations.Count > 0)
        {
            sb.AppendLine().AppendLine("Fix first:");
            foreach (var r in report.Recommendations)
                sb.AppendLine(inv, $"  {r.Rank}. (+{r.PointsGained:F1} points) {r.What}").AppendLine(inv, $"     How: {r.How}");
        }
        if (report.Trend.Count > 1)
            sb.AppendLine().AppendLine(inv, $"Trend: {string.Join(" → ", report.Trend.TakeLast(8).Select(t => $"{t.Grade} ({t.Score:F1})"))}");
        return sb.ToString();
    }
}
