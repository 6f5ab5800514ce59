using System.Net;
using System.Text.Json;
using Nexus.Web.Sandbox.Behaviour;

namespace Nexus.Tests.Platforms.Sandbox;

public class WooBehaviourTests
{
    private const string Page1 = "/sandbox/woocommerce/f/wp-json/wc/v3/orders?per_page=5&page=1";
    private const string Page2 = "/sandbox/woocommerce/f/wp-json/wc/v3/orders?per_page=5&page=2";

    [Fact]
    public async Task Rate_limit_answers_429_with_Retry_After_until_the_bucket_refills()
    {
        var options = SandboxServer.Store("f");
        options.RateLimitPerMinute = 3;
        await using var server = await SandboxServer.StartAsync(options);
        for (var k = 0; k < 3; k++)
        {
            using var ok = await server.GetBasicAsync(Page1);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var limited = await server.GetBasicAsync(Page1);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), limited.Headers.RetryAfter!.Delta);
        var body = await SandboxServer.JsonAsync(limited);
        Assert.Equal("woocommerce_rest_too_many_requests", body.GetProperty("code").GetString());
        Assert.Equal(429, body.GetProperty("data").GetProperty("status").GetInt32());

        server.Time.Advance(TimeSpan.FromSeconds(20));
        using var again = await server.GetBasicAsync(Page1);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Latency_waits_on_the_sandbox_clock()
    {
        var options = SandboxServer.Store("f");
        options.LatencyMs = 1500;
        await using var server = await SandboxServer.StartAsync(options);
        var pending = server.GetBasicAsync(Page1);
        await Task.Delay(300);
        Assert.False(pending.IsCompleted, "the response must wait for the fake clock");
        // Advance in steps: the server may register its delay only after a first advance under load.
        for (var k = 0; k < 200 && !pending.IsCompleted; k++)
        {
            server.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(pending, Task.Delay(50));
        }
        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<(SandboxServer Server, FaultInjector Faults)> StartWithFaultAsync(FaultKind kind)
    {
        var server = await SandboxServer.StartAsync(SandboxServer.Store("f"));
        var faults = server.Registry.Find("woocommerce", "f")!.Faults;
        faults.Enqueue(kind);
        return (server, faults);
    }

    [Theory]
    [InlineData(FaultKind.ServerError, 500, "application/json")]
    [InlineData(FaultKind.BadGateway, 502, "text/html")]
    [InlineData(FaultKind.ServiceUnavailable, 503, "text/html")]
    [InlineData(FaultKind.HtmlErrorPage, 200, "text/html")]
    [InlineData(FaultKind.AuthFailure, 401, "application/json")]
    public async Task Scripted_status_faults_hit_the_next_request_only(FaultKind kind, int status, string mediaType)
    {
        var (server, _) = await StartWithFaultAsync(kind);
        await using var _s = server;
        using var faulty = await server.GetBasicAsync(Page1);
        Assert.Equal(status, (int)faulty.StatusCode);
        Assert.Equal(mediaType, faulty.Content.Headers.ContentType!.MediaType);
        if (kind == FaultKind.ServiceUnavailable) Assert.NotNull(faulty.Headers.RetryAfter);
        if (kind == FaultKind.HtmlErrorPage)
        {
            var html = await faulty.Content.ReadAsStringAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(html));
        }
        using var next = await server.GetBasicAsync(Page1);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Truncated_json_is_200_but_does_not_parse()
    {
        var (server, _) = await StartWithFaultAsync(FaultKind.TruncatedJson);
        await using var _s = server;
        using var response = await server.GetBasicAsync(Page1);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Wrong_content_type_serves_valid_json_as_html()
    {
        var (server, _) = await StartWithFaultAsync(FaultKind.WrongContentType);
        await using var _s = server;
        using var response = await server.GetBasicAsync(Page1);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(5, (await SandboxServer.JsonAsync(response)).GetArrayLength());
    }

    [Fact]
    public async Task Repeat_previous_page_serves_page_one_again_for_page_two()
    {
        await using var server = await SandboxServer.StartAsync(SandboxServer.Store("f"));
        using var first = await server.GetBasicAsync(Page1);
        var page1 = await first.Content.ReadAsStringAsync();
        server.Registry.Find("woocommerce", "f")!.Faults.Enqueue(FaultKind.RepeatPreviousPage);
        using var repeated = await server.GetBasicAsync(Page2);
        Assert.Equal(page1, await repeated.Content.ReadAsStringAsync());
        using var honest = await server.GetBasicAsync(Page2);
        Assert.NotEqual(page1, await honest.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Timeout_hangs_until_the_client_gives_up_and_the_server_stays_healthy()
    {
        var (server, faults) = await StartWithFaultAsync(FaultKind.Timeout);
        await using var _s = server;
        using var cts = new CancellationTokenSource();
        var hanging = server.GetBasicAsync(Page1, ct: cts.Token);
        // Cancel only once the server has taken the fault, so the fault cannot leak into the next request.
        while (faults.Pending > 0 && !hanging.IsCompleted) await Task.Delay(10);
        await Task.Delay(200);
        Assert.False(hanging.IsCompleted, "a timed-out request must not answer");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
        using var next = await server.GetBasicAsync(Page1);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Fault_rate_is_seeded_and_roughly_as_configured()
    {
        async Task<List<int>> RunAsync()
        {
            var options = SandboxServer.Store("f");
            options.FaultRate = 0.3;
            options.FaultKinds = [FaultKind.ServerError, FaultKind.ServiceUnavailable];
            await using var server = await SandboxServer.StartAsync(options);
            var statuses = new List<int>();
            for (var k = 0; k < 100; k++)
            {
                using var r = await server.GetBasicAsync(Page1);
                statuses.Add((int)r.StatusCode);
            }
            return statuses;
        }
        var a = await RunAsync();
        var b = await RunAsync();
        Assert.Equal(a, b);
        Assert.InRange(a.Count(s => s != 200), 15, 45);
        Assert.All(a, s => Assert.Contains(s, new[] { 200, 500, 503 }));
    }
}
