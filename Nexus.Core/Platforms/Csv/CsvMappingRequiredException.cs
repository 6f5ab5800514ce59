namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// The header is not a layout Nexus recognises and no column mapping was given, or the file holds a different
/// entity than the import asked for. The UI answers it with the mapping screen; the CLI with <c>--mapping</c>.
/// </summary>
public sealed class CsvMappingRequiredException(string message, CsvLayout recognised) : Exception(message)
{
    /// <summary>What the file was recognised as (Unknown when nothing matched).</summary>
    public CsvLayout Recognised { get; } = recognised;
}
