using System.Globalization;
using Cronos;

namespace Nexus.Core.Stores;

/// <summary>A named schedule the store editor offers, so most merchants never read cron.</summary>
public sealed record SyncSchedulePreset(string Cron, string Label);

/// <summary>
/// Store sync schedules: the presets, validation of a cron expression (five fields, UTC, as Hangfire reads it) and a
/// summary in words with the next runs, shown on the store card and under the editor's schedule field.
/// </summary>
public static class SyncSchedule
{
    public static IReadOnlyList<SyncSchedulePreset> Presets { get; } =
    [
        new("*/15 * * * *", "Every 15 minutes"),
        new(ConnectedStore.DefaultSyncCron, "Every hour"),
        new("0 */6 * * *", "Every 6 hours"),
        new("0 3 * * *", "Every day at 03:00 UTC"),
        new("0 3 * * 1", "Every Monday at 03:00 UTC"),
    ];

    /// <summary>The preset's label for <paramref name="cron"/>, or null for a custom expression.</summary>
    public static string? PresetLabel(string cron) => Presets.FirstOrDefault(p => p.Cron == Normalise(cron))?.Label;

    /// <summary>Parses five-field cron; null when it is not one, with the reason in <paramref name="error"/>.</summary>
    public static CronExpression? TryParse(string? cron, out string? error)
    {
        try
        {
            error = null;
            return CronExpression.Parse(Normalise(cron ?? ""), CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            error = $"'{cron}' is not a schedule Nexus can read ({e.Message.TrimEnd('.')}). Use five fields — minute hour day month weekday — e.g. '0 * * * *' for hourly, or pick a preset.";
            return null;
        }
    }

    /// <summary>The next <paramref name="count"/> run times after <paramref name="after"/> (UTC); empty for an invalid expression.</summary>
    public static IReadOnlyList<DateTimeOffset> NextRuns(string cron, DateTimeOffset after, int count = 3)
    {
        var expression = TryParse(cron, out _);
        if (expression is null) return [];
        var runs = new List<DateTimeOffset>(count);
        var from = after;
        while (runs.Count < count && expression.GetNextOccurrence(from, TimeZoneInfo.Utc) is { } next)
        {
            runs.Add(next);
            from = next;
        }
        return runs;
    }

    /// <summary>"Every hour" for a preset, else "Custom: 5 4 * * *"; "paused" when the schedule is paused.</summary>
    public static string Describe(string cron, bool paused) =>
        paused ? "Paused" : PresetLabel(cron) ?? $"Custom: {Normalise(cron)}";

    /// <summary>"Next runs: 2 Dec 14:00, 15:00, 16:00 UTC" — what the editor shows under the field.</summary>
    public static string DescribeNextRuns(string cron, DateTimeOffset now)
    {
        var runs = NextRuns(cron, now);
        if (runs.Count == 0) return "";
        var culture = CultureInfo.InvariantCulture;
        var parts = runs.Select((r, i) => i == 0 || r.Date != runs[i - 1].Date ? r.ToString("d MMM HH:mm", culture) : r.ToString("HH:mm", culture));
        return $"Next runs: {string.Join(", ", parts)} UTC";
    }

    private static string Normalise(string cron) => string.Join(' ', cron.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
