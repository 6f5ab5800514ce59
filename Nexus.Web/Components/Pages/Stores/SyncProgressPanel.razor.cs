using Microsoft.AspNetCore.Components;
using Nexus.Core.Platforms;
using Nexus.Core.Sync;

namespace Nexus.Web.Components.Pages.Stores;

public partial class SyncProgressPanel
{
    private static readonly SyncEntity[] Entities = [SyncEntity.Customers, SyncEntity.Products, SyncEntity.Orders];

    [Parameter, EditorRequired] public SyncProgress Progress { get; set; } = default!;

    /// <summary>The store's request budget, to show how much of it the sync is using.</summary>
    [Parameter] public int? RequestsPerMinute { get; set; }

    /// <summary>
    /// Requests per minute against the store's budget, e.g. "112/min of 300/min (37 %)". The budget lets a short burst
    /// through, so a rate extrapolated from under a minute would overstate it; until then the panel shows the budget only.
    /// </summary>
    private string? BudgetUse
    {
        get
        {
            if (RequestsPerMinute is not { } budget) return null;
            if (Progress.Elapsed < TimeSpan.FromMinutes(1))
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"budget {budget:N0}/min (rate shown after a minute)");
            var rate = Progress.Stats.Requests / Progress.Elapsed.TotalMinutes;
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rate:N0}/min of {budget:N0}/min ({Math.Min(rate / budget, 9.99):P0})");
        }
    }

    private string PhaseText => Progress.Phase switch
    {
        SyncPhase.Started => "Starting…",
        SyncPhase.Fetching or SyncPhase.EntityFinished => $"Syncing {Progress.Entity?.ToString().ToLowerInvariant()} (page {Progress.Page:N0} of {Progress.TotalPages:N0})",
        _ => Progress.Status switch
        {
            SyncRunStatus.Succeeded => "Sync finished",
            SyncRunStatus.Cancelled => "Sync cancelled",
            _ => "Sync failed",
        },
    };

    private bool IsDone(SyncEntity entity) =>
        Progress.Phase == SyncPhase.Finished && Progress.Status == SyncRunStatus.Succeeded
        || Progress.Entity is { } current && current > entity;

    private static double Percent(long fetched, long? total, bool done) =>
        done ? 100 : total is > 0 ? Math.Min(100, 100.0 * fetched / total.Value) : 0;

    private string Summary
    {
        get
        {
            var t = Progress.Totals;
            var text = $"Fetched {t.Fetched:N0} records: {t.Inserted:N0} new, {t.Updated:N0} updated, " +
                       $"{t.Unchanged:N0} unchanged, {t.Quarantined:N0} quarantined, in {Format(Progress.Elapsed)}. " +
                       $"Quality: {t.Errors:N0} records with errors, {t.Warnings:N0} with warnings, {t.Cleansed:N0} tidied.";
            // Counts alone leave the merchant guessing whether anything was lost and what to do about it.
            if (t.Quarantined > 0)
                text += $" Nothing was lost: the {t.Quarantined:N0} quarantined are kept with their reasons (rows of a file with their line numbers) under Quarantine on the Quality page;" +
                        " fix them at the source (for a file, in the file and upload it again) and the next run stores them.";
            return Progress.Error is { } error ? $"{error} {text}" : text;
        }
    }

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m" : span.TotalMinutes >= 1 ? $"{span.Minutes}m {span.Seconds}s" : $"{span.TotalSeconds:F1}s";
}
