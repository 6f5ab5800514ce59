using System.Net;
using Nexus.Core.Platforms;
using Nexus.Core.Resilience;

namespace Nexus.Tests.Hardening;

/// <summary>Issue 20 item 1: every response body is read through a limit, so a hostile store cannot exhaust memory.</summary>
public class ResponseBodyLimitTests
{
    [Fact]
    public async Task A_huge_status_answer_fails_the_connection_test_with_a_clear_limit_and_is_not_read_to_the_end()
    {
        // 256 MB of valid JSON: before the limit, the test parsed all of it (and a 1 GB one took the app to 2.4 GB).
        await using var store = await HostileStore.StartAsync((http, self) =>
            self.StreamAsync(http, """{"settings":{"currency":"EUR"},"environment":{"version":"9","pad":" """, 256L * 1024 * 1024, "\"}}"));
        using var http = store.Client();

        var result = await store.Connector(http).TestConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok, result.Summary);
        Assert.Contains("larger than the 256 KB", result.Summary);
        // The limit is 256 KB; Nexus may have one read buffer past it in hand when it stops.
        Assert.True(store.BytesRead <= 256 * 1024 + 1024 * 1024, $"Nexus kept reading: it read {store.BytesRead:N0} bytes");
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        await using var store = await HostileStore.StartAsync(async (http, self) =>
        {
            http.Response.ContentLength = 10L * 1024 * 1024 * 1024; // claims 10 GB
            await self.Write(http, "{");
        });
        using var http = HostileStore.GuardedClient();

        var result = await store.Connector(http).TestConnectionAsync(CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains("it announced 10240 MB", result.Summary);
    }

    [Fact]
    public async Task A_listing_page_over_the_page_limit_is_a_connector_error_naming_the_limit()
    {
        await using var store = await HostileStore.StartAsync((http, self) => http.Request.Path.Value!.EndsWith("system_status")
            ? self.Write(http, HostileStore.StatusJson)
            : self.StreamAsync(http, """[{"id":1,"first_name":" """, 8L * 1024 * 1024, "\"}]"));
        using var http = HostileStore.GuardedClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => store.Connector(http).FetchCustomersAsync(new PageRequest(null), CancellationToken.None));

        Assert.Contains("customers page 1", error.Message);
        Assert.Contains("larger than the 5 MB", error.Message);
        Assert.Equal(2, store.Requests); // system_status + one page: a size limit is not retried
    }

    [Fact]
    public async Task Limits_come_from_options_per_endpoint_kind_and_a_body_of_exactly_the_limit_passes()
    {
        var limits = new ResponseBodyLimits { PageBytes = 1000, StatusBytes = 10 };
        Assert.Equal((1000, 10, 64 * 1024), (limits.For(ResponseBodyKind.Page), limits.For(ResponseBodyKind.Status), limits.For(ResponseBodyKind.Error)));

        using var exact = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(new byte[1000])) };
        await using (var body = await ResponseBodyLimit.OpenAsync(exact, ResponseBodyKind.Page, limits, CancellationToken.None))
        {
            Assert.Equal(1000, await DrainAsync(body));
        }

        using var declared = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(new byte[1001])) };
        await Assert.ThrowsAsync<ResponseBodyTooLargeException>(() => ResponseBodyLimit.OpenAsync(declared, ResponseBodyKind.Page, limits, CancellationToken.None));

        // No Content-Length (chunked): cut off while reading, one byte past the limit.
        using var streamed = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new UnknownLengthStream(new byte[1001])) };
        await using var overBody = await ResponseBodyLimit.OpenAsync(streamed, ResponseBodyKind.Page, limits, CancellationToken.None);
        var error = await Assert.ThrowsAsync<ResponseBodyTooLargeException>(() => DrainAsync(overBody));
        Assert.Equal(ResponseBodyKind.Page, error.Kind);
        Assert.Equal(1000, error.Limit);
    }

    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    private static async Task<long> DrainAsync(Stream body)
    {
        var buffer = new byte[128];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) total += read;
        return total;
    }
}
