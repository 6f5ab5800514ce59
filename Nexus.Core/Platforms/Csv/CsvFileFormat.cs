using System.Text;

namespace Nexus.Core.Platforms.Csv;

/// <summary>Which text encoding to read a file with: detected from its bytes, or chosen by the merchant.</summary>
public enum CsvEncodingChoice { Detect = 0, Utf8, Windows1252 }

/// <summary>How to read a CSV file. Defaults detect everything.</summary>
public sealed record CsvReadOptions
{
    public CsvEncodingChoice Encoding { get; init; } = CsvEncodingChoice.Detect;

    /// <summary>Field delimiter; null detects one of comma, semicolon or tab from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Longest record (in characters) the reader accepts; a longer one is almost always an unclosed quote.</summary>
    public int MaxRecordChars { get; init; } = 4 * 1024 * 1024;

    /// <summary>How many bytes from the start of the file the detection looks at.</summary>
    public int SampleBytes { get; init; } = 64 * 1024;
}

/// <summary>What the sniffer found out about a file before parsing it.</summary>
/// <param name="Encoding">The decoder to read with (never emits a BOM; the BOM is skipped by offset).</param>
/// <param name="EncodingName">"utf-8" or "windows-1252", for display and the mapping file.</param>
/// <param name="EncodingDetected">False when the merchant chose the encoding.</param>
/// <param name="PreambleBytes">Length of the byte-order mark the file starts with (3 for UTF-8 BOM, else 0).</param>
/// <param name="Delimiter">The field delimiter.</param>
public sealed record CsvFileFormat(Encoding Encoding, string EncodingName, bool EncodingDetected, int PreambleBytes, char Delimiter)
{
    public bool HasBom => PreambleBytes > 0;

    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    internal static Encoding Windows1252 => System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available on this runtime.");
}
