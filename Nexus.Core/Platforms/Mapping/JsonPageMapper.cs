using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nexus.Core.Platforms.Mapping;

/// <summary>
/// A platform's per-record mapping: how one record's JSON reads as a DTO, and how the DTO maps to the canonical record
/// (a failure carries its issues and the record is quarantined). This is all a new platform writes; the page mapping
/// (envelopes, the fast path, the per-record fallback, quarantine with raw bytes) is shared.
/// </summary>
/// <param name="EntityType">"order", "customer", "product", … as quarantine rows name it.</param>
/// <param name="PageType">Optional: the DTO list type, for the one-pass fast path over arrays.</param>
public sealed record RecordMapper<TDto, TModel>(string EntityType, JsonTypeInfo<TDto> Dto, Func<TDto, MappingResult<TModel>> Map, JsonTypeInfo<List<TDto>>? PageType = null)
    where TDto : class
    where TModel : class;

/// <summary>
/// Maps a page in any <see cref="PageEnvelope"/>: the records are found (a top-level array, a list at a path, or JSON
/// Lines) and mapped with the fast path when every record is fine, falling back to record-by-record so a malformed
/// record is quarantined with its raw bytes while its siblings still map. Only a page that is not readable JSON, or has no
/// list where the envelope says, throws <see cref="MalformedPageException"/> (the pipeline retries it).
/// </summary>
public static class JsonPageMapper
{
    public static MappedPage<TModel> Map<TDto, TModel>(ReadOnlySpan<byte> page, PageEnvelope envelope, RecordMapper<TDto, TModel> mapper)
        where TDto : class
        where TModel : class => envelope switch
    {
        PageEnvelope.LinesEnvelope => MapLines(page, mapper),
        PageEnvelope.WrappedEnvelope wrapped => MapArray(Locate(page, wrapped.Path, mapper.EntityType, wrapped.Display), mapper),
        _ => MapArray(page, mapper),
    };

    /// <summary>Reads the whole body (pages are small; bounded by <see cref="JsonArrayPageMapper.MaxPageBytes"/>) and maps it.</summary>
    public static async Task<MappedPage<TModel>> MapAsync<TDto, TModel>(Stream body, PageEnvelope envelope, RecordMapper<TDto, TModel> mapper, CancellationToken cancellationToken)
        where TDto : class
        where TModel : class
    {
        var (buffer, length) = await ReadAllAsync(body, mapper.EntityType, cancellationToken).ConfigureAwait(false);
        try
        {
            return Map(buffer.AsSpan(0, length), envelope, mapper);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A value next to the records (a cursor such as <c>data.orders.pageInfo.endCursor</c>, a total such as
    /// <c>total_count</c>), or null when the path is absent or JSON null.
    /// </summary>
    public static JsonElement? ValueAt(ReadOnlySpan<byte> page, string path)
    {
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!TryLocate(page, segments, out var start, out var end)) return null;
        using var document = JsonDocument.Parse(page[start..end].ToArray());
        return document.RootElement.ValueKind == JsonValueKind.Null ? null : document.RootElement.Clone();
    }

    private static MappedPage<TModel> MapArray<TDto, TModel>(ReadOnlySpan<byte> array, RecordMapper<TDto, TModel> mapper)
        where TDto : class
        where TModel : class =>
        mapper.PageType is { } pageType
            ? JsonArrayPageMapper.Map(array, pageType, mapper.Dto, mapper.Map, mapper.EntityType)
            : JsonArrayPageMapper.MapElementByElement(array, mapper.Dto, mapper.Map, mapper.EntityType);

    /// <summary>JSON Lines: each non-blank line is one record; a line that is valid JSON but not a valid record is quarantined.</summary>
    private static MappedPage<TModel> MapLines<TDto, TModel>(ReadOnlySpan<byte> page, RecordMapper<TDto, TModel> mapper)
        where TDto : class
        where TModel : class
    {
        var mapped = new List<TModel>();
        List<Quarantined>? quarantined = null;
        var offset = 0;
        while (offset < page.Length)
        {
            var newline = page[offset..].IndexOf((byte)'\n');
            var line = newline < 0 ? page[offset..] : page.Slice(offset, newline);
            offset = newline < 0 ? page.Length : offset + newline + 1;
            if (line.Trim(" \r\t"u8).IsEmpty) continue;
            // One line is a one-element array for the shared element logic (fast path skipped: one record per call anyway).
            var one = JsonArrayPageMapper.MapElementByElement([(byte)'[', .. line, (byte)']'], mapper.Dto, mapper.Map, mapper.EntityType);
            mapped.AddRange(one.Mapped);
            if (one.Quarantined.Count > 0) (quarantined ??= []).AddRange(one.Quarantined);
        }
        return new MappedPage<TModel>(mapped, quarantined ?? (IReadOnlyList<Quarantined>)[]);
    }

    private static ReadOnlySpan<byte> Locate(ReadOnlySpan<byte> page, string[] path, string entityType, string display)
    {
        if (!TryLocate(page, path, out var start, out var end))
            throw new MalformedPageException($"Expected a list of {entityType} records at '{display}', found none.", 0);
        if (page[start] != (byte)'[')
            throw new MalformedPageException($"Expected a list of {entityType} records at '{display}', found another value.", start);
        return page[start..end];
    }

    /// <summary>Finds the byte range of the value at an object-property path, reading tokens only (no document is built).</summary>
    private static bool TryLocate(ReadOnlySpan<byte> page, string[] path, out int start, out int end)
    {
        (start, end) = (0, 0);
        var reader = new Utf8JsonReader(page, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) throw new MalformedPageException("The page is empty.", 0);
            foreach (var segment in path)
            {
                if (reader.TokenType != JsonTokenType.StartObject) return false;
                var found = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var match = reader.ValueTextEquals(segment);
                    reader.Read();
                    if (match) { found = true; break; }
                    reader.Skip();
                }
                if (!found) return false;
            }
            start = (int)reader.TokenStartIndex;
            reader.Skip();
            end = (int)reader.BytesConsumed;
            return true;
        }
        catch (JsonException ex)
        {
            throw new MalformedPageException($"The page is not valid JSON: {ex.Message}", reader.BytesConsumed, ex);
        }
    }

    internal static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream body, string entityType, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length < buffer.Length) continue;
                if (buffer.Length >= JsonArrayPageMapper.MaxPageBytes)
                    throw new MalformedPageException($"The {entityType} page is larger than {JsonArrayPageMapper.MaxPageBytes} bytes.", length);
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
