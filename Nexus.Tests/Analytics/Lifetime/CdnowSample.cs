using System.Globalization;
using Nexus.Core.Analytics;

namespace Nexus.Tests.Analytics.Lifetime;

/// <summary>Loads the CDNOW 1/10 sample (see Fixtures/datasets/cdnow/SOURCES.md) as transactions.</summary>
internal static class CdnowSample
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    private static readonly Lazy<IReadOnlyList<Transaction>> Cached = new(Load);

    public static IReadOnlyList<Transaction> Transactions => Cached.Value;

    private static IReadOnlyList<Transaction> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "datasets", "cdnow", "CDNOW_sample.txt");
        var result = new List<Transaction>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            // master id, sample id, yyyyMMdd, number of CDs, dollar value
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var date = DateTime.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture);
            result.Add(new Transaction(f[1], new DateTimeOffset(date, TimeSpan.Zero),
                decimal.Parse(f[4], CultureInfo.InvariantCulture)));
        }
        return result;
    }
}
