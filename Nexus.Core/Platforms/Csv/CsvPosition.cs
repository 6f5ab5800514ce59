using System.Globalization;

namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// A place in a CSV file where reading can resume: the byte offset of a record's first byte, its physical line
/// number, and the header's fingerprint so a position is not applied to a different file. The pipeline stores it
/// as an opaque token (<see cref="ToToken"/>) in its checkpoint.
/// </summary>
public sealed record CsvPosition(long ByteOffset, long LineNumber, string HeaderFingerprint)
{
    private const string Prefix = "csv1";

    public string ToToken() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{ByteOffset}:{LineNumber}:{HeaderFingerprint}");

    /// <exception cref="FormatException">The token was not made by <see cref="ToToken"/>.</exception>
    public static CsvPosition Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split(':');
        if (parts.Length != 4 || parts[0] != Prefix
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var line) || line < 1)
            throw new FormatException($"'{token}' is not a CSV resume position.");
        return new CsvPosition(offset, line, parts[3]);
    }
}
