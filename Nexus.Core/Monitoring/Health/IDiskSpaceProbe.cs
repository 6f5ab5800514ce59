namespace Nexus.Core.Monitoring.Health;

/// <summary>Free and total bytes of the disk holding a folder. Injectable so a full disk can be simulated in tests.</summary>
public interface IDiskSpaceProbe
{
    /// <returns>Null when the disk cannot be read.</returns>
    (long FreeBytes, long TotalBytes)? Measure(string folder);
}

public sealed class DriveDiskSpaceProbe : IDiskSpaceProbe
{
    public (long FreeBytes, long TotalBytes)? Measure(string folder)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(folder));
            return (drive.AvailableFreeSpace, drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
