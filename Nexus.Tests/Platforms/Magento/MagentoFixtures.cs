using System.Text.Json;
using Nexus.Core.Platforms.Magento;

namespace Nexus.Tests.Platforms.Magento;

/// <summary>Reads the copied Magento fixtures from the test output folder (never from ../shared).</summary>
internal static class MagentoFixtures
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "magento", name));

    public static JsonElement Element(string name) => JsonDocument.Parse(Bytes(name)).RootElement.Clone();

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static MagentoMappingOptions Options { get; } = new("USD", new Uri("https://magento.example/"));

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
