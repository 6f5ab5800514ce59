using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nexus.Core.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web host.</summary>
internal sealed class DesignTimeNexusDbContextFactory : IDesignTimeDbContextFactory<NexusDbContext>
{
    public NexusDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = Path.Combine(Path.GetTempPath(), "nexus-design") });
        return new NexusDbContext(options.Options);
    }
}
