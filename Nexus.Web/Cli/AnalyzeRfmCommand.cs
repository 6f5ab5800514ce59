using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Rfm;

namespace Nexus.Web.Cli;

/// <summary>
/// <c>analyze rfm --transactions FILE.csv [--as-of DATE] [--clusters] [--json]</c>: RFM segment summary and,
/// with <c>--clusters</c>, the k-means alternative with its cluster × segment cross-tab.
/// </summary>
internal static class AnalyzeRfmCommand
{
    public static Command Create()
    {
        var input = new AnalyzeCommand.InputOptions();
        var asOf = AnalyzeCommand.DateOption("--as-of",
            "Day recency is measured to; later orders are ignored. Default: the last day in the data (not today, so a re-run gives the same answer).");
        var clusters = new Option<bool>("--clusters") { Description = "Also cluster customers with k-means (k chosen by silhouette)." };
        var command = new Command("rfm", "Recency/frequency/monetary scores, named segments and their revenue share.") { asOf, clusters };
        input.AddTo(command);
        command.SetAction((parse, cancellationToken) => AnalyzeCommand.RunAsync(parse, input, (transactions, path) =>
        {
            if (transactions.Count == 0)
                throw new InsufficientDataException("the file has a header but no transactions");
            var day = parse.GetValue(asOf) ?? transactions.Max(t => t.Day);
            var report = RfmAnalysis.Run(transactions, day);
            if (report.Customers.Count == 0)
                throw new InsufficientDataException($"no transactions on or before --as-of {day:yyyy-MM-dd}");
            RfmClusteringResult? clustering = null;
            if (parse.GetValue(clusters))
            {
                Console.Error.WriteLine("clustering (k-means, k by silhouette)…");
                clustering = RfmClustering.Cluster(report.Customers);
            }
            return parse.GetValue(input.Json)
                ? JsonSerializer.Serialize(ToJson(report, clustering, path), CliJson.Options) + Environment.NewLine
                : Human(report, clustering, path);
        }, cancellationToken));
        return command;
    }

    private static object ToJson(RfmReport report, RfmClusteringResult? clustering, string path) => new
    {
        transactions = path,
        asOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        customerCount = report.Customers.Count,
        revenue = report.Customers.Sum(c => c.Monetary),
        // Segment names as the Customers page shows them ("Loyal", not the enum's LoyalCustomers).
        segments = report.Segments.Select(s => new
        {
            segment = RfmSegmentMap.DisplayName(s.Segment), s.Customers, s.CustomerShare, s.Revenue, s.RevenueShare,
            s.AverageRecencyDays, s.AverageFrequency, s.AverageMonetary,
        }),
        clusters = clustering is null ? null : new
        {
            clusterCount = clustering.ClusterCount,
            silhouetteByK = clustering.SilhouetteByK,
            profiles = clustering.Clusters,
            segmentCrossTab = clustering.SegmentCrossTab.Select(x => new { x.Cluster, segment = RfmSegmentMap.DisplayName(x.Segment), x.Customers }),
        },
    };

    private static string Human(RfmReport report, RfmClusteringResult? clustering, string path)
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        Line($"RFM from {path} as of {report.AsOf:yyyy-MM-dd}: {report.Customers.Count:N0} customers, revenue {report.Customers.Sum(c => c.Monetary):N2}");
        Line($"{"segment",-18} {"customers",9} {"share",7} {"revenue",14} {"rev share",9} {"avg R days",10} {"avg F",7} {"avg M",10}");
        foreach (var s in report.Segments)
        {
            Line($"{RfmSegmentMap.DisplayName(s.Segment),-18} {s.Customers,9:N0} {s.CustomerShare,7:P1} {s.Revenue,14:N2} {s.RevenueShare,9:P1} {s.AverageRecencyDays,10:F1} {s.AverageFrequency,7:F2} {s.AverageMonetary,10:F2}");
        }
        if (clustering is null) return text.ToString();

        text.AppendLine();
        var silhouettes = string.Join(", ", clustering.SilhouetteByK.OrderBy(kv => kv.Key).Select(kv => string.Create(CultureInfo.InvariantCulture, $"k={kv.Key}: {kv.Value:F3}")));
        Line($"k-means: k = {clustering.ClusterCount} (best mean silhouette; {silhouettes})");
        Line($"{"cluster",7} {"customers",9} {"avg R days",10} {"avg F",7} {"avg M",10}");
        foreach (var c in clustering.Clusters)
        {
            Line($"{c.Cluster,7} {c.Customers,9:N0} {c.AverageRecencyDays,10:F1} {c.AverageFrequency,7:F2} {c.AverageMonetary,10:F2}");
        }
        text.AppendLine();
        text.AppendLine("Cluster × segment (customers):");
        var segments = clustering.SegmentCrossTab.Select(x => x.Segment).Distinct().Order().ToList();
        var header = new StringBuilder($"{"segment",-18}");
        foreach (var c in clustering.Clusters) header.Append(CultureInfo.InvariantCulture, $" {"c" + c.Cluster,8}");
        text.AppendLine(header.ToString());
        foreach (var segment in segments)
        {
            var row = new StringBuilder($"{RfmSegmentMap.DisplayName(segment),-18}");
            foreach (var c in clustering.Clusters)
            {
                var n = clustering.SegmentCrossTab.FirstOrDefault(x => x.Cluster == c.Cluster && x.Segment == segment)?.Customers ?? 0;
                row.Append(CultureInfo.InvariantCulture, $" {n,8:N0}");
            }
            text.AppendLine(row.ToString());
        }
        return text.ToString();
    }
}
