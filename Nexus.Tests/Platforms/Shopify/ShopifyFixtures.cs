using Nexus.Core.Platforms.Shopify;

namespace Nexus.Tests.Platforms.Shopify;

/// <summary>Reads the copied GraphQL fixtures (see Fixtures/shopify-graphql/SOURCE.md) from the test output folder.</summary>
internal static class ShopifyFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "shopify-graphql", name));

    public static ShopifyMappingOptions Options { get; } = new(new Uri("https://jsmith.myshopify.com/"));

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second, int offsetHours) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(offsetHours));
}
