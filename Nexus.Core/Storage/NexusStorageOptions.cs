using System.ComponentModel.DataAnnotations;

namespace Nexus.Core.Storage;

/// <summary>The database engines Nexus runs on. Only <c>Storage/</c> looks at it; everything else is engine-neutral.</summary>
public enum DatabaseProvider
{
    /// <summary>One file in the data folder: a single machine, no server to run.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several web or job processes on several machines.</summary>
    PostgreSql,
}

/// <summary>Which engine holds Nexus's data (<c>Nexus:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>Where Nexus keeps its data. Bound from the <c>Nexus</c> configuration section.</summary>
public sealed class NexusStorageOptions
{
    public const string Section = "Nexus";

    /// <summary>Folder for the SQLite databases and the data-protection keys; relative paths resolve against the current directory.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary><c>Nexus:Database:Provider</c>: <c>Sqlite</c> (the default) or <c>PostgreSql</c>.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>
    /// Optional explicit connection string (<c>ConnectionStrings:Nexus</c>); on SQLite it defaults to <c>{DataFolder}/nexus.db</c>,
    /// on PostgreSQL it is required (an Npgsql connection string: <c>Host=…;Database=…;Username=…;Password=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    public DatabaseProvider Provider => Database.Provider;

    public string ResolveDataFolder() => Path.GetFullPath(DataFolder);

    public string ResolveConnectionString() => Provider switch
    {
        _ when !string.IsNullOrWhiteSpace(ConnectionString) => ConnectionString,
        DatabaseProvider.Sqlite => $"Data Source={Path.Combine(ResolveDataFolder(), "nexus.db")};Default Timeout=30",
        _ => throw new InvalidOperationException(
            "Nexus:Database:Provider is PostgreSql but no connection string is set. Set ConnectionStrings__Nexus to the server's " +
            "Npgsql connection string (Host=…;Database=…;Username=…;Password=…)."),
    };
}
