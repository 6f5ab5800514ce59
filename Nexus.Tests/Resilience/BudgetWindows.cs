using Nexus.Core.Resilience;

namespace Nexus.Tests.Resilience;

/// <summary>Measures request times (seconds, any origin) against a budget's promise: no window [a, b] sees more than burst + rate × (b − a).</summary>
internal static class BudgetWindows
{
    /// <summary>How far the busiest window between two requests exceeds burst + rate × its length (negative: room to spare).</summary>
    public static double WorstExcess(IEnumerable<double> seconds, RequestBudgetPolicy policy)
    {
        var sorted = seconds.Order().ToArray();
        var worst = double.MinValue;
        for (var i = 0; i < sorted.Length; i++)
            for (var j = i; j < sorted.Length; j++)
                worst = Math.Max(worst, j - i + 1 - (policy.Burst + policy.MaxRatePerSecond * (sorted[j] - sorted[i])));
        return worst;
    }

    /// <summary>Requests per whole second from the first one: "24 9 9 10 9 …".</summary>
    public static string PerSecond(IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToArray();
        return sorted.Length == 0 ? "" : string.Join(' ', sorted.GroupBy(s => (int)(s - sorted[0])).OrderBy(g => g.Key).Select(g => $"{g.Key}s:{g.Count()}"));
    }
}
