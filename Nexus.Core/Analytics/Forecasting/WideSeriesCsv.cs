using System.Globalization;
using System.Text;
using Nexus.Core.Exports;

namespace Nexus.Core.Analytics.Forecasting;

/// <summary>One series read from a wide file: its 1-based line, id and observations in time order.</summary>
public sealed record WideSeries(int Line, string Id, double[] Values);

/// <summary>A row that could not be read, with the reason in plain words.</summary>
public sealed record WideSeriesError(int Line, string? Id, string Message)
{
    public override string ToString() => $"line {Line}{(Id is null ? "" : $" (series {Id})")}: {Message}";
}

/// <summary>What a wide file held: the readable series and the rows that were not.</summary>
public sealed record WideSeriesFile(IReadOnlyList<WideSeries> Series, IReadOnlyList<WideSeriesError> Errors);

/// <summary>
/// The M-competitions' "wide" layout: a header row, then one series per row: the id (quoted or plain), then the
/// observations in time order (invariant numbers, optionally quoted). Trailing empty cells (or NA) are ignored so
/// series may differ in length; an empty cell or text between values is an error for that row only.
/// </summary>
public static class WideSeriesCsv
{
    public static WideSeriesFile Read(TextReader reader, int minimumObservations)
    {
        var series = new List<WideSeries>();
        var errors = new List<WideSeriesError>();
        var header = reader.ReadLine();
        if (header is null)
        {
            errors.Add(new(1, null, "the file is empty; expected a header row and then one series per row"));
            return new(series, errors);
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var line = 1;
        var rows = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            rows++;
            var cells = Split(text);
            var id = cells[0].Trim();
            if (id.Length == 0) { errors.Add(new(line, null, "the first cell (the series id) is empty")); continue; }
            if (!ids.Add(id)) { errors.Add(new(line, id, "the same id appears on an earlier line")); continue; }
            var last = cells.Count - 1;
            while (last > 0 && IsEmpty(cells[last])) last--;
            var values = new double[last];
            string? problem = null;
            for (var i = 1; i <= last; i++)
            {
                var cell = cells[i].Trim();
                if (IsEmpty(cell)) { problem = $"value {i} (column {i + 1}) is empty but later values are not; gaps are not supported"; break; }
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i - 1]) || !double.IsFinite(values[i - 1]))
                {
                    problem = $"value {i} (column {i + 1}) is '{Shorten(cell)}', not a number";
                    break;
                }
            }
            if (problem is null && values.Length < minimumObservations)
                problem = $"the series has {values.Length} observation{(values.Length == 1 ? "" : "s")}; at least {minimumObservations} are needed";
            if (problem is not null) errors.Add(new(line, id, problem));
            else series.Add(new(line, id, values));
        }
        if (rows == 0) errors.Add(new(1, null, "the file has a header row but no series below it"));
        return new(series, errors);
    }

    /// <summary>Writes the same layout: header <c>id,F1..FH</c>, then the id and the forecasts per series.</summary>
    public static void Write(TextWriter writer, int horizon, IEnumerable<(string Id, double[] Forecast)> rows)
    {
        var header = new StringBuilder("id");
        for (var h = 1; h <= horizon; h++) header.Append(",F").Append(h.ToString(CultureInfo.InvariantCulture));
        writer.WriteLine(header.ToString());
        foreach (var (id, forecast) in rows)
        {
            var row = new StringBuilder(Csv.Quote(id));
            foreach (var v in forecast) row.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            writer.WriteLine(row.ToString());
        }
    }

    private static bool IsEmpty(string cell)
    {
        var c = cell.Trim();
        return c.Length == 0 || c.Equals("NA", StringComparison.OrdinalIgnoreCase);
    }

    private static string Shorten(string cell) => cell.Length <= 20 ? cell : cell[..20] + "…";

    /// <summary>Splits one line on commas, honouring double quotes (<c>""</c> inside quotes is a quote).</summary>
    internal static List<string> Split(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return cells;
    }
}
