namespace Nexus.Tests.Platforms.Sandbox;

public class WooDeterminismTests
{
    [Theory]
    [InlineData("orders?per_page=100&page=2")]
    [InlineData("customers?per_page=50")]
    [InlineData("products?per_page=20")]
    public async Task Same_seed_serves_identical_bytes_over_http_and_another_seed_does_not(string resource)
    {
        await using var server = await SandboxServer.StartAsync(
            SandboxServer.Store("d1", seed: 5), SandboxServer.Store("d2", seed: 5), SandboxServer.Store("d3", seed: 6));
        async Task<string> BodyAsync(string store)
        {
            using var response = await server.GetBasicAsync(SandboxServer.ApiPath(store, resource));
            response.EnsureSuccessStatusCode();
            // Only the store's own URL segment (in _links and permalinks) may differ.
            return (await response.Content.ReadAsStringAsync()).Replace($"/{store}/", "/STORE/");
        }
        var a = await BodyAsync("d1");
        Assert.Equal(a, await BodyAsync("d2"));
        Assert.Equal(a, await BodyAsync("d1"));
        Assert.NotEqual(a, await BodyAsync("d3"));
    }
}
