namespace Nexus.Core.Analytics;

/// <summary>A transactions CSV row that cannot be read; <see cref="LineNumber"/> is 1-based (the header is line 1).</summary>
public sealed class TransactionsCsvException(int lineNumber, string message)
    : FormatException($"Transactions CSV line {lineNumber}: {message}")
{
    /// <summary>1-based physical line number of the offending row.</summary>
    public int LineNumber { get; } = lineNumber;
}
