using System.Security.Cryptography;
using System.Text;

namespace Nexus.Core.Platforms.Csv;

/// <summary>
/// The header line: column names made unique and non-empty (a blank header becomes "Column 7", a second "Email"
/// becomes "Email (2)") with a warning for each change, so every column stays addressable and nothing is dropped.
/// Lookups ignore case and surrounding spaces, because platforms change capitalisation between export versions.
/// </summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index;

    public CsvHeader(IReadOnlyList<string> original)
    {
        ArgumentNullException.ThrowIfNull(original);
        Original = original;
        var names = new string[original.Count];
        var warnings = new List<string>();
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < original.Count; i++)
        {
            var name = original[i].Trim();
            if (name.Length == 0)
            {
                name = $"Column {i + 1}";
                warnings.Add($"Column {i + 1} has no header; it is called \"{name}\".");
            }

            if (_index.ContainsKey(name))
            {
                var n = 2;
                while (_index.ContainsKey($"{name} ({n})"))
                    n++;
                var renamed = $"{name} ({n})";
                warnings.Add($"The header \"{name}\" appears more than once; column {i + 1} is called \"{renamed}\" and the first \"{name}\" is the one used.");
                name = renamed;
            }

            names[i] = name;
            _index[name] = i;
        }

        Names = names;
        Warnings = warnings;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', original))))[..16];
    }

    /// <summary>The header cells exactly as in the file.</summary>
    public IReadOnlyList<string> Original { get; }

    /// <summary>Unique, non-empty names, one per column.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>What was renamed (duplicate or missing headers), in plain words.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Short hash of the header line: a resume position is only valid for a file with the same header.</summary>
    public string Fingerprint { get; }

    /// <summary>Index of the first column called any of <paramref name="aliases"/> (case-insensitive), or -1.</summary>
    public int IndexOf(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (_index.TryGetValue(alias, out var i))
                return i;
        }

        return -1;
    }

    public bool Contains(params ReadOnlySpan<string> aliases) => IndexOf(aliases) >= 0;
}
