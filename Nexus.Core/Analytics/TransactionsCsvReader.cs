using System.Globalization;
using System.Text;

namespace Nexus.Core.Analytics;

/// <summary>
/// Reads the plain transactions CSV (<c>customer_id,date,amount</c>) used by <c>analyze … --transactions</c>.
/// </summary>
/// <remarks>
/// Strict on purpose: a CLV or RFM figure computed from a file with silently skipped rows is wrong
/// without anyone noticing, so every row must parse or the whole read fails with the line number.
/// <list type="bullet">
/// <item>A header is required; its three column names may come in any order (case-insensitive), extra columns are ignored.</item>
/// <item>Values use the invariant culture: <c>1234.50</c>, dates as ISO 8601 (<c>2024-03-01</c> or
/// <c>2024-03-01T10:15:00+02:00</c>); a date without offset is taken as UTC.</item>
/// <item>Fields may be double-quoted (RFC 4180, <c>""</c> escapes a quote); quoted fields cannot span lines.</item>
/// <item>Blank lines are ignored: they carry no data, so nothing is lost by skipping them.</item>
/// </list>
/// </remarks>
public static class TransactionsCsvReader
{
    private static readonly string[] RequiredColumns = ["customer_id", "date", "amount"];

    /// <summary>Reads all transactions from a CSV file.</summary>
    public static IReadOnlyList<Transaction> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    /// <summary>Reads all transactions from CSV text.</summary>
    /// <exception cref="TransactionsCsvException">Missing header/columns or any row that does not parse.</exception>
    public static IReadOnlyList<Transaction> Read(TextReader reader)
    {
        var header = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(header))
            throw new TransactionsCsvException(1, "missing header; expected 'customer_id,date,amount'");

        var headerFields = SplitFields(header.TrimStart('\uFEFF'), 1);
        var index = new int[RequiredColumns.Length];
        for (var c = 0; c < RequiredColumns.Length; c++)
        {
            index[c] = headerFields.FindIndex(h => string.Equals(h.Trim(), RequiredColumns[c], StringComparison.OrdinalIgnoreCase));
            if (index[c] < 0)
                throw new TransactionsCsvException(1, $"header has no '{RequiredColumns[c]}' column; expected 'customer_id,date,amount'");
        }

        var result = new List<Transaction>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var fields = SplitFields(line, lineNumber);
            if (fields.Count != headerFields.Count)
                throw new TransactionsCsvException(lineNumber, $"expected {headerFields.Count} fields but found {fields.Count} (truncated or malformed row?)");
            result.Add(ParseRow(fields[index[0]].Trim(), fields[index[1]].Trim(), fields[index[2]].Trim(), lineNumber));
        }
        return result;
    }

    private static Transaction ParseRow(string customerId, string date, string amount, int lineNumber)
    {
        if (customerId.Length == 0)
            throw new TransactionsCsvException(lineNumber, "customer_id is empty");
        if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var when)
            || !LooksIso(date))
            throw new TransactionsCsvException(lineNumber, $"date '{date}' is not an ISO 8601 date (yyyy-MM-dd[THH:mm:ss[zzz]])");
        if (!decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
            throw new TransactionsCsvException(lineNumber, $"amount '{amount}' is not a number (invariant culture, e.g. 1234.50)");
        return new Transaction(customerId, when, value);
    }

    // DateTimeOffset.TryParse also accepts "3/4/2024" and "2024-1-5"; ambiguous day/month orders are
    // exactly what a strict reader must refuse, so the first ten characters must be yyyy-MM-dd.
    private static bool LooksIso(string s) =>
        s.Length >= 10 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]) && s[4] == '-' && s[7] == '-'
        && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);

    private static List<string> SplitFields(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (inQuotes)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else inQuotes = false;
            }
            else if (ch == '"') inQuotes = true;
            else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(ch);
        }
        if (inQuotes)
            throw new TransactionsCsvException(lineNumber, "unterminated quoted field (truncated row?)");
        fields.Add(field.ToString());
        return fields;
    }
}
