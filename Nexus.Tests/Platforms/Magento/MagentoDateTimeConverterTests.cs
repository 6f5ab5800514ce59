using System.Buffers;
using System.Text;
using System.Text.Json;
using Nexus.Core.Platforms.Magento.Dto;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>Magento's zone-less dates: the hand-written fast path must agree with the general parser and reject what it rejects.</summary>
public class MagentoDateTimeConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new MagentoDateTimeConverter() } };

    private static DateTimeOffset? Read(string json) => JsonSerializer.Deserialize<DateTimeOffset?>(json, Options);

    [Theory]
    [InlineData("\"2017-01-31 01:18:13\"", "2017-01-31T01:18:13+00:00")]       // Magento's own format, read as UTC
    [InlineData("\"2024-02-29 23:59:59\"", "2024-02-29T23:59:59+00:00")]       // a leap day passes the day-of-month check
    [InlineData("\"2017-01-31T01:18:13+02:00\"", "2017-01-30T23:18:13+00:00")] // ISO 8601 with a zone is honoured
    [InlineData("\"2017-01-31T01:18:13Z\"", "2017-01-31T01:18:13+00:00")]
    [InlineData("\"2017/01/31 01:18:13\"", "2017-01-31T01:18:13+00:00")]       // 19 characters, not the fixed shape: the general parser reads it
    public void Dates_read_as_utc(string json, string expected)
    {
        var value = Read(json);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value!.Value.Offset);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"\"")]
    public void Null_and_empty_read_as_no_date(string json) => Assert.Null(Read(json));

    [Theory]
    [InlineData("\"2017-02-30 01:18:13\"", "2017-02-30 01:18:13")] // no 30 February
    [InlineData("\"2023-02-29 01:18:13\"", "2023-02-29 01:18:13")] // not a leap year
    [InlineData("\"2017-13-01 01:18:13\"", "2017-13-01 01:18:13")]
    [InlineData("\"2017-00-10 01:18:13\"", "2017-00-10 01:18:13")]
    [InlineData("\"2017-01-00 01:18:13\"", "2017-01-00 01:18:13")]
    [InlineData("\"2017-01-31 24:00:00\"", "2017-01-31 24:00:00")]
    [InlineData("\"2017-01-31 23:60:00\"", "2017-01-31 23:60:00")]
    [InlineData("\"2017-01-31 23:59:60\"", "2017-01-31 23:59:60")]
    [InlineData("\"2017-0a-31 01:18:13\"", "2017-0a-31 01:18:13")]
    [InlineData("\"0000-01-31 01:18:13\"", "0000-01-31 01:18:13")]
    [InlineData("\"yesterday\"", "yesterday")]
    [InlineData("20170131", "Number")]
    [InlineData("true", "True")]
    public void Anything_else_is_a_field_format_error_showing_the_value(string json, string shown)
    {
        var error = Assert.Throws<FieldFormatException>(() => Read(json));
        Assert.Equal(shown, error.Value);
        Assert.Equal(MappingRules.DateTime, error.Rule);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_split_across_buffer_segments_reads_the_same()
    {
        var bytes = Encoding.UTF8.GetBytes("\"2017-01-31 01:18:13\"");
        var first = new Segment(bytes.AsMemory(0, 9));
        var last = first.Append(bytes.AsMemory(9));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        Assert.True(reader.Read());
        Assert.True(reader.HasValueSequence);

        var value = new MagentoDateTimeConverter().Read(ref reader, typeof(DateTimeOffset?), Options);

        Assert.Equal(new DateTimeOffset(2017, 1, 31, 1, 18, 13, TimeSpan.Zero), value);
    }

    [Fact]
    public void Writes_magentos_own_format_in_utc_and_null_as_null()
    {
        var holder = new Dictionary<string, DateTimeOffset?>
        {
            ["at"] = new DateTimeOffset(2017, 1, 31, 3, 18, 13, TimeSpan.FromHours(2)),
            ["none"] = null,
        };
        Assert.Equal("{\"at\":\"2017-01-31 01:18:13\",\"none\":null}", JsonSerializer.Serialize(holder, Options));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
