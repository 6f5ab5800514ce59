using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nexus.Core.Platforms.Mapping;

/// <summary>
/// Maps a page that is a JSON array of records, one element at a time, so a malformed record is
/// quarantined with its raw text while its siblings still map. Only a page that is not readable JSON
/// (truncated, HTML error page, not an array) throws, as <see cref="MalformedPageException"/>.
/// </summary>
public static class JsonArrayPageMapper
{
    /// <summary>Pages above this size are refused; a normal 100-record page is well under 1 MB.</summary>
    public const int MaxPageBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Maps a page. The common case (every record fine) takes one deserialisation pass over the whole
    /// array; only when that fails or a record does not map is the page re-read element by element to
    /// find and keep the bad records' raw text. Mapping is pure, so redoing it gives the same result.
    /// </summary>
    public static MappedPage<TModel> Map<TDto, TModel>(
        ReadOnlySpan<byte> utf8Json,
        JsonTypeInfo<List<TDto>> pageType,
        JsonTypeInfo<TDto> dtoType,
        Func<TDto, MappingResult<TModel>> map,
        string entityType)
        where TDto : class
        where TModel : class
    {
        List<TDto>? dtos;
        try
        {
            dtos = JsonSerializer.Deserialize(utf8Json, pageType);
        }
        catch (JsonException)
        {
            return MapElementByElement(utf8Json, dtoType, map, entityType);
        }

        if (dtos is null)
            return MapElementByElement(utf8Json, dtoType, map, entityType);
        var mapped = new List<TModel>(dtos.Count);
        foreach (var dto in dtos)
        {
            var result = dto is null ? null : map(dto);
            if (result is not { IsSuccess: true })
                return MapElementByElement(utf8Json, dtoType, map, entityType);
            mapped.Add(result.Value!);
        }

        return new MappedPage<TModel>(mapped, []);
    }

    /// <summary>The slow, precise path: each element deserialised on its own, bad ones quarantined with their raw text.</summary>
    internal static MappedPage<TModel> MapElementByElement<TDto, TModel>(
        ReadOnlySpan<byte> utf8Json,
        JsonTypeInfo<TDto> dtoType,
        Func<TDto, MappingResult<TModel>> map,
        string entityType)
        where TDto : class
        where TModel : class
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!TryRead(ref reader))
            throw new MalformedPageException($"The {entityType} page is empty.", 0);
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new MalformedPageException($"Expected a JSON array of {entityType} records, found {reader.TokenType}.", reader.TokenStartIndex);

        var mapped = new List<TModel>();
        List<Quarantined>? quarantined = null;
        while (TryRead(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var beforeElement = reader;
            TDto? dto = null;
            MappingIssue? readIssue = null;
            try
            {
                dto = JsonSerializer.Deserialize(ref reader, dtoType);
            }
            catch (JsonException ex)
            {
                // The element may be well-formed JSON with a bad value (quarantine it) or broken JSON
                // (then the whole page is unreadable): skipping from the saved position tells them apart.
                reader = beforeElement;
                Skip(ref reader);
                readIssue = ToIssue(ex);
            }

            var raw = utf8Json[start..(int)reader.BytesConsumed];
            var result = readIssue is not null ? null
                : dto is null ? MappingResult<TModel>.Failure([new MappingIssue("$", "null", MappingRules.JsonShape, $"The {entityType} element is null.")])
                : map(dto);
            if (result is { IsSuccess: true })
            {
                mapped.Add(result.Value!);
                continue;
            }

            var issues = result?.Issues ?? [readIssue!];
            (quarantined ??= []).Add(new Quarantined(entityType, ReadTopLevelId(raw), Encoding.UTF8.GetString(raw), issues));
        }

        if (reader.TokenType != JsonTokenType.EndArray)
            throw new MalformedPageException($"The {entityType} page ended before its array was closed.", reader.BytesConsumed);
        if (TryRead(ref reader))
            throw new MalformedPageException($"Unexpected content after the {entityType} array.", reader.TokenStartIndex);
        return new MappedPage<TModel>(mapped, quarantined ?? (IReadOnlyList<Quarantined>)[]);
    }

    /// <summary>
    /// Maps a single-record response (e.g. <c>GET /orders/{id}</c>). A bad record comes back as a
    /// failure carrying its raw JSON; only unreadable JSON throws.
    /// </summary>
    /// <exception cref="MalformedPageException">The body is not one readable JSON value.</exception>
    public static MappingResult<TModel> MapSingle<TDto, TModel>(
        ReadOnlySpan<byte> utf8Json,
        JsonTypeInfo<TDto> dtoType,
        Func<TDto, MappingResult<TModel>> map,
        string entityType)
        where TDto : class
        where TModel : class
    {
        var page = MapElementByElement([(byte)'[', .. utf8Json, (byte)']'], dtoType, map, entityType);
        return page.Mapped.Count == 1
            ? MappingResult<TModel>.Success(page.Mapped[0])
            : page.Quarantined.Count == 1
                ? MappingResult<TModel>.Failure(page.Quarantined[0].Issues, page.Quarantined[0].RawJson)
                : throw new MalformedPageException($"Expected exactly one {entityType} record.", 0);
    }

    /// <summary>Reads the whole stream (pages are small) and maps it like the span overload.</summary>
    public static async Task<MappedPage<TModel>> MapAsync<TDto, TModel>(
        Stream utf8Json,
        JsonTypeInfo<List<TDto>> pageType,
        JsonTypeInfo<TDto> dtoType,
        Func<TDto, MappingResult<TModel>> map,
        string entityType,
        CancellationToken cancellationToken = default)
        where TDto : class
        where TModel : class
    {
        var (buffer, length) = await JsonPageMapper.ReadAllAsync(utf8Json, entityType, cancellationToken).ConfigureAwait(false);
        try
        {
            return Map(buffer.AsSpan(0, length), pageType, dtoType, map, entityType);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryRead(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException ex)
        {
            throw new MalformedPageException($"The page is not valid JSON: {ex.Message}", reader.BytesConsumed, ex);
        }
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        try
        {
            reader.Skip();
        }
        catch (JsonException ex)
        {
            throw new MalformedPageException($"The page is not valid JSON: {ex.Message}", reader.BytesConsumed, ex);
        }
    }

    private static MappingIssue ToIssue(JsonException ex) => ex is FieldFormatException field
        ? new MappingIssue(ex.Path ?? "$", field.Value, field.Rule, field.Message)
        : new MappingIssue(ex.Path ?? "$", null, MappingRules.JsonShape, ex.Message);

    /// <summary>Best effort: the quarantine row should still say which record it was (its <c>id</c>, or <c>entity_id</c> where sales documents of EAV-style APIs keep it).</summary>
    private static string? ReadTopLevelId(ReadOnlySpan<byte> element)
    {
        var reader = new Utf8JsonReader(element);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8) || reader.ValueTextEquals("entity_id"u8);
            reader.Read();
            if (isId)
                return reader.TokenType switch
                {
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.String => reader.GetString(),
                    _ => null,
                };
            reader.Skip();
        }

        return null;
    }
}
