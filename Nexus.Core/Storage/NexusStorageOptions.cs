using System.ComponentModel.DataAnnotations;

namespace Nexus.Core.Storage;

/// <summary>Where Nexus keeps its data. Bound from the <c>Nexus</c> configuration section.</summary>
public sealed class NexusStorageOptions
{
    public const string Section = "Nexus";

    /// <summary>Folder for the SQLite databases and the data-protection keys; relative paths resolve against the current directory.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Optional explicit connection string (<c>ConnectionStrings:Nexus</c>); defaults to <c>{DataFolder}/nexus.db</c>.</summary>
    public string? ConnectionString { get; set; }

    public string ResolveDataFolder() => Path.GetFullPath(DataFolder);

    public string ResolveConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(ResolveDataFolder(), "nexus.db")};Default Timeout=30"
            : ConnectionString;
}
