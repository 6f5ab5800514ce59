using System.Globalization;
using System.IO.Compression;

namespace Nexus.Core.Currency;

/// <summary>A file that is not an ECB reference-rates file; the message names the line and what to do.</summary>
public sealed class EcbRatesFileException(string message) : Exception(message);

/// <summary>
/// Reads the ECB's euro reference rates in the format the ECB publishes: a CSV (or a zip holding one) whose header is
/// <c>Date,USD,JPY,…</c> (a trailing comma allowed) and whose rows are a day and units per EUR, <c>N/A</c> where a
/// currency was not quoted. Both the historical file (<c>2024-12-24</c>) and the daily one (<c>24 December 2024</c>)
/// read. Everything is checked before anything is returned, so a malformed file loads nothing.
/// </summary>
public static class EcbRatesFile
{
    /// <summary>The copy shipped with the app (next to the binaries; see Currency/Data/SOURCE.md).</summary>
    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "Currency", "eurofxref-hist.zip");

    private static readonly string[] DayFormats = ["yyyy-MM-dd", "d MMMM yyyy", "dd MMMM yyyy"];

    public static IReadOnlyList<FxRate> Read(string path)
    {
        if (!File.Exists(path)) throw new EcbRatesFileException($"There is no file '{path}'.");
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path));
    }

    public static IReadOnlyList<FxRate> Read(Stream stream, string name)
    {
        using var buffered = new MemoryStream();
        stream.CopyTo(buffered);
        buffered.Position = 0;
        // A zip starts with "PK\x03\x04"; anything else is taken as the CSV itself.
        var bytes = buffered.GetBuffer();
        if (buffered.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            using var zip = new ZipArchive(buffered, ZipArchiveMode.Read);
            var csv = zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            if (csv.Count != 1)
                throw new EcbRatesFileException($"{name} is a zip with {csv.Count} CSV files; the ECB's zip holds exactly one (eurofxref-hist.csv).");
            using var reader = new StreamReader(csv[0].Open());
            return Parse(reader, $"{name} → {csv[0].FullName}");
        }
        using var text = new StreamReader(buffered);
        return Parse(text, name);
    }

    private static List<FxRate> Parse(TextReader reader, string name)
    {
        var header = reader.ReadLine();
        var columns = header?.Split(',').Select(c => c.Trim()).ToArray() ?? [];
        if (columns.Length < 2 || !columns[0].Equals("Date", StringComparison.OrdinalIgnoreCase))
            throw new EcbRatesFileException($"{name} is not an ECB reference-rates file: its first line should be 'Date,USD,JPY,…' (the ECB's eurofxref-hist.csv), not '{Shorten(header)}'.");
        var currencies = columns.Skip(1).ToArray();
        var headerTrailing = currencies.Length > 0 && currencies[^1].Length == 0; // the ECB ends every line with a comma
        var used = headerTrailing ? currencies.Length - 1 : currencies.Length;
        for (var i = 0; i < used; i++)
        {
            if (currencies[i].Length != 3 || !currencies[i].All(char.IsAsciiLetterUpper))
                throw new EcbRatesFileException($"{name}, line 1: '{Shorten(currencies[i])}' is not a currency code (three capital letters, e.g. USD).");
            if (currencies[i] == "EUR") throw new EcbRatesFileException($"{name}, line 1: EUR has no column in an ECB file (every rate is per EUR).");
        }
        if (currencies.Take(used).Distinct().Count() != used) throw new EcbRatesFileException($"{name}, line 1: a currency appears twice in the header.");

        var rates = new List<FxRate>();
        var days = new HashSet<int>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split(',');
            // Rows end like the header: with the ECB's trailing comma when the header has one, so a missing last value cannot hide.
            var values = cells.Length - 1 - (headerTrailing && cells.Length > 1 && cells[^1].Trim().Length == 0 ? 1 : 0);
            if (values != used || cells.Length != used + 1 + (headerTrailing ? 1 : 0))
                throw new EcbRatesFileException($"{name}, line {lineNumber}: {values} values for {used} currencies; the file is cut or not the ECB's format.");
            if (!DateOnly.TryParseExact(cells[0].Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new EcbRatesFileException($"{name}, line {lineNumber}: '{Shorten(cells[0])}' is not a date (the ECB writes 2024-12-24).");
            if (!days.Add(day.DayNumber)) throw new EcbRatesFileException($"{name}, line {lineNumber}: {day:yyyy-MM-dd} appears twice.");
            for (var i = 0; i < used; i++)
            {
                var cell = cells[i + 1].Trim();
                if (cell.Equals("N/A", StringComparison.OrdinalIgnoreCase)) continue; // not quoted that day (the ECB never leaves a cell empty)
                if (!double.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var perEur) || perEur <= 0 || !double.IsFinite(perEur))
                    throw new EcbRatesFileException($"{name}, line {lineNumber}: {currencies[i]} is '{Shorten(cell)}', not a rate (a positive number like 1.0395, or N/A).");
                rates.Add(new FxRate { Day = day.DayNumber, Currency = currencies[i], PerEur = perEur });
            }
        }
        if (days.Count == 0) throw new EcbRatesFileException($"{name} has a header but no days.");
        return rates;
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 60 ? value.Trim() : value[..60] + "…";
}
