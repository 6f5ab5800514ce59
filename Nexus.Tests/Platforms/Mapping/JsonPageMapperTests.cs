using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Tests.Platforms.Mapping;

/// <summary>Every envelope maps good records, quarantines a bad one with its raw bytes, and refuses an unreadable page.</summary>
public sealed class JsonPageMapperTests
{
    public sealed record Dto(long Id, string? Name);

    public sealed record Model(string Id, string Name);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly RecordMapper<Dto, Model> Mapper = new("thing", (JsonTypeInfo<Dto>)Options.GetTypeInfo(typeof(Dto)),
        d => d.Name is { } name ? MappingResult<Model>.Success(new Model(d.Id.ToString(), name))
            : MappingResult<Model>.Failure([new MappingIssue("name", null, MappingRules.Required, "name is required.")]),
        (JsonTypeInfo<List<Dto>>)Options.GetTypeInfo(typeof(List<Dto>)));

    public static TheoryData<string, string> Pages => new()
    {
        { "array", """[{"id":1,"name":"a"},{"id":2,"name":null},{"id":3,"name":"c"}]""" },
        { "data.things.nodes", """{"data":{"things":{"nodes":[{"id":1,"name":"a"},{"id":2,"name":null},{"id":3,"name":"c"}],"pageInfo":{"endCursor":"x"}}}}""" },
        { "items", """{"total_count":3,"items":[{"id":1,"name":"a"},{"id":2,"name":null},{"id":3,"name":"c"}]}""" },
        { "lines", "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":null}\r\n\n{\"id\":3,\"name\":\"c\"}\n" },
    };

    private static PageEnvelope Envelope(string kind) => kind switch { "array" => PageEnvelope.TopLevelArray, "lines" => PageEnvelope.JsonLines, var path => PageEnvelope.At(path) };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Good_records_map_and_a_bad_one_is_quarantined_with_its_raw_json(string envelope, string page)
    {
        var mapped = JsonPageMapper.Map(Encoding.UTF8.GetBytes(page), Envelope(envelope), Mapper);

        Assert.Equal(["1", "3"], mapped.Mapped.Select(m => m.Id));
        var bad = Assert.Single(mapped.Quarantined);
        Assert.Equal(("thing", "2", """{"id":2,"name":null}"""), (bad.EntityType, bad.PlatformId, bad.RawJson));
        Assert.Equal(MappingRules.Required, Assert.Single(bad.Issues).Rule);
    }

    [Theory]
    [InlineData("items", """{"total_count":0}""")]
    [InlineData("items", """{"items":{"id":1}}""")]
    [InlineData("data.things.nodes", """{"data":{"things":{"nodes":[{"id":1,"name":"a"},""")]
    [InlineData("lines", "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"na")]
    [InlineData("array", "<html>Service unavailable</html>")]
    public void A_page_without_readable_records_where_the_envelope_says_is_malformed(string envelope, string page)
    {
        Assert.Throws<MalformedPageException>(() => JsonPageMapper.Map(Encoding.UTF8.GetBytes(page), Envelope(envelope), Mapper));
    }

    [Fact]
    public void Values_next_to_the_records_are_read_by_path()
    {
        var page = Encoding.UTF8.GetBytes("""{"data":{"things":{"nodes":[],"pageInfo":{"hasNextPage":true,"endCursor":"abc=="}}},"totalCount":41}""");
        Assert.Equal("abc==", JsonPageMapper.ValueAt(page, "data.things.pageInfo.endCursor")?.GetString());
        Assert.Equal(41, JsonPageMapper.ValueAt(page, "totalCount")?.GetInt64());
        Assert.Null(JsonPageMapper.ValueAt(page, "data.things.pageInfo.missing"));
    }
}
