using Nexus.Core.Platforms;

namespace Nexus.Tests.Sync;

/// <summary>Descriptors for connectors the tests build themselves (no credentials, no HTTP).</summary>
internal static class TestPlatforms
{
    public static PlatformDescriptor Descriptor(string id, IStoreConnector connector) => new()
    {
        Id = id,
        DisplayName = id,
        Credentials = [],
        CreateConnector = (_, _) => connector,
    };
}
