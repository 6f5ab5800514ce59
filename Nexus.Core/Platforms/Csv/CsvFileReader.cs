using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// Streams the records of a CSV file. CsvHelper parses (chosen by <c>bench csv-parse</c>: 2.4× Sylvan's rows/s on
/// the same file, see docs/benchmarks.md); this class adds encoding and delimiter detection, unique headers,
/// line numbers and byte positions in the file, and turns malformed or ragged records into rows with a
/// <see cref="CsvRowProblem"/> (line number and raw text) instead of ending the file. Memory is one parse buffer
/// plus the current record, whatever the file size.
/// </summary>
/// <remarks>The stream must be seekable (an uploaded file on disk): resuming restarts the parser at a byte offset.</remarks>
public sealed class CsvFileReader : IAsyncDisposable
{
    private const int BufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly CsvReadOptions _options;
    private readonly int _lineEndingBytes;
    private readonly Queue<CsvMalformedRecord> _malformed = new();
    private CsvReader? _csv;

    // Where the parser was started: its offsets and line numbers are relative to this.
    private long _baseOffset;
    private long _baseLine;

    // CsvHelper counts offsets in UTF-8; a transcoded (Windows-1252) file has fewer bytes than that per non-ASCII character.
    private long _transcodingSurplus;

    private long _nextOffset;
    private long _nextLine;

    private CsvFileReader(Stream stream, CsvReadOptions options, CsvFileFormat format, int lineEndingBytes)
    {
        _stream = stream;
        _options = options;
        Format = format;
        _lineEndingBytes = lineEndingBytes;
    }

    public CsvFileFormat Format { get; }

    public CsvHeader Header { get; private set; } = new([]);

    /// <summary>Where the first record after the header starts.</summary>
    public CsvPosition DataStart { get; private set; } = null!;

    /// <summary>Where the next record not yet yielded starts (the end of the file once everything was read).</summary>
    public CsvPosition Position => new(_nextOffset, _nextLine, Header.Fingerprint);

    /// <summary>Detects the format, reads the header and positions at the first record (or at <paramref name="resumeFrom"/>).</summary>
    /// <exception cref="CsvNotReadableException">The file is not CSV, or the position belongs to another file.</exception>
    public static async Task<CsvFileReader> OpenAsync(Stream stream, CsvReadOptions? options = null, CsvPosition? resumeFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new CsvReadOptions();
        if (!stream.CanSeek)
            throw new CsvNotReadableException(CsvProblems.NotSeekable, "The file must be saved before it is imported (the import reads it from disk).");

        stream.Position = 0;
        var sample = new byte[options.SampleBytes];
        var length = await stream.ReadAtLeastAsync(sample, sample.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var format = CsvSniffer.Detect(sample.AsSpan(0, length), isWholeFile: length < sample.Length, options);
        var newline = sample.AsSpan(0, length).IndexOf((byte)'\n');
        var lineEnding = newline > 0 && sample[newline - 1] == (byte)'\r' ? 2 : 1;

        var reader = new CsvFileReader(stream, options, format, lineEnding);
        await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        if (resumeFrom is not null)
        {
            if (resumeFrom.HeaderFingerprint != reader.Header.Fingerprint || resumeFrom.ByteOffset < reader.DataStart.ByteOffset || resumeFrom.ByteOffset > stream.Length)
                throw new CsvNotReadableException(CsvProblems.ResumeMismatch,
                    "This file is not the one the interrupted import was reading (its header or size differs). Start a new import of the file.");
            await reader.RestartAtAsync(resumeFrom.ByteOffset, resumeFrom.LineNumber).ConfigureAwait(false);
        }

        return reader;
    }

    private async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await RestartAtAsync(Format.PreambleBytes, 1).ConfigureAwait(false);
        await foreach (var row in ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!row.IsReadable)
                throw new CsvNotReadableException(CsvProblems.Malformed,
                    $"The header line (line {row.LineNumber}) is not valid CSV: {row.Problem!.Message} Fix the first line of the file or export it again.", row.LineNumber);
            Header = new CsvHeader(row.Fields);
            DataStart = Position;
            return;
        }

        throw new CsvNotReadableException(CsvProblems.Empty, "The file is empty. Export the data again and upload the new file.");
    }

    /// <summary>
    /// The records from the current position. Blank lines are skipped; records with the wrong number of columns,
    /// broken quoting or undecodable bytes are yielded with a problem. The header's column count is the measure
    /// (while the header itself is read, any count is fine).
    /// </summary>
    public async IAsyncEnumerable<CsvRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var hasRecord = await ReadAsync(cancellationToken).ConfigureAwait(false);
            while (_malformed.TryDequeue(out var bad))
                yield return Malformed(bad);
            if (!hasRecord)
            {
                _nextOffset = _stream.Length;
                yield break;
            }

            if (Current() is { } row)
                yield return row;
        }
    }

    private async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _csv!.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException ex)
        {
            // Malformed quoting is skipped and reported (OnMalformedRecord); what still throws is a record too big to buffer.
            throw new CsvNotReadableException(CsvProblems.RecordTooLarge,
                $"The record starting on line {_nextLine} is longer than {_options.MaxRecordChars:N0} bytes, which usually means a quote is never closed. Fix that line or export the file again.",
                _nextLine, ex);
        }
    }

    /// <summary>The record the parser is on, or null for a line of only whitespace.</summary>
    private CsvRow? Current()
    {
        var csv = _csv!;
        var raw = csv.RawRecord;
        var start = new CsvPosition(_baseOffset + csv.ByteOffset - _transcodingSurplus, _baseLine + csv.LineNumber - 1, Header.Fingerprint);
        var rawText = Encoding.UTF8.GetString(raw);
        Advance(start, raw.Length, rawText);
        if (string.IsNullOrWhiteSpace(rawText))
            return null;

        var fieldCount = csv.FieldCount;
        var expected = Header.Count == 0 ? fieldCount : Header.Count;
        // Trailing empty cells beyond the header (a trailing delimiter) carry nothing and are tolerated.
        while (fieldCount > expected && csv.IsEmpty(fieldCount - 1))
            fieldCount--;
        var fields = new string[fieldCount];
        for (var i = 0; i < fieldCount; i++)
            fields[i] = csv.GetString(i);
        return new CsvRow(start.LineNumber, start, fields, rawText, Check(rawText, fieldCount, expected));
    }

    private CsvRow Malformed(CsvMalformedRecord bad)
    {
        var raw = bad.RawRecord ?? "";
        var start = new CsvPosition(_nextOffset, _baseLine + bad.LineNumber - 1, Header.Fingerprint);
        Advance(start, Encoding.UTF8.GetByteCount(raw), raw);
        var reason = bad.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed, so the rest of the file was read into it (if this is the last line, the file may be cut off)",
            CsvMalformedReason.StrayQuote => "a quote appears in the middle of an unquoted value",
            CsvMalformedReason.TextAfterClosingQuote => "there is text after a closing quote",
            var other => other.ToString(),
        };
        return new CsvRow(start.LineNumber, start, [], raw.TrimEnd('\r', '\n'),
            new CsvRowProblem(CsvProblems.Malformed, $"The line is not valid CSV: {reason}. Check its quotes."));
    }

    /// <summary>Moves the next-record estimate past a record (exact for the next record the parser returns, which resets it).</summary>
    private void Advance(CsvPosition start, int utf8Bytes, string text)
    {
        var fileBytes = utf8Bytes;
        if (Format.EncodingName != "utf-8")
        {
            fileBytes = text.Length; // Windows-1252: one byte per character
            _transcodingSurplus += utf8Bytes - text.Length;
        }

        _nextOffset = start.ByteOffset + fileBytes + _lineEndingBytes;
        _nextLine = start.LineNumber + CsvSniffer.CountLineBreaks(text) + 1;
    }

    private CsvRowProblem? Check(string rawText, int fieldCount, int expected)
    {
        if (fieldCount != expected)
            return new CsvRowProblem(CsvProblems.Ragged, fieldCount < expected
                ? $"The row has {fieldCount} of the header's {expected} columns (if it is the last line, the file may be cut off)."
                : $"The row has {fieldCount} columns but the header has {expected} (a value probably contains an unquoted {CsvSniffer.Describe(Format.Delimiter)}).");
        if (Format.EncodingDetected && Format.EncodingName == "utf-8" && rawText.Contains('\uFFFD', StringComparison.Ordinal))
            return new CsvRowProblem(CsvProblems.InvalidEncoding,
                "The row contains bytes that are not valid UTF-8; the file probably mixes encodings. Choose the file's encoding (e.g. Windows-1252) and import again.");
        return null;
    }

    private async Task RestartAtAsync(long offset, long line)
    {
        if (_csv is not null)
            await _csv.DisposeAsync().ConfigureAwait(false);
        _stream.Position = offset;
        _baseOffset = _nextOffset = offset;
        _baseLine = _nextLine = line;
        _transcodingSurplus = 0;
        _malformed.Clear();
        _csv = CsvReader.Create(_stream, new CsvReaderOptions
        {
            Separator = Format.Delimiter,
            HasHeader = false,
            Encoding = Format.Encoding,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            CommentPrefix = null, // Shopify order names start with '#'
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = _malformed.Enqueue,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            DetectSeparatorHint = false,
            MaxRecordSize = _options.MaxRecordChars,
            BufferSize = BufferBytes,
            PoolStrings = true, // "USD", "paid", "true" once per column instead of once per row
        }, leaveOpen: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_csv is not null)
            await _csv.DisposeAsync().ConfigureAwait(false);
    }
}
