using Microsoft.AspNetCore.Components;
using Nexus.Core.Stores;

namespace Nexus.Web.Components.Pages.Stores;

public partial class ScheduleField
{
    private const string CustomValue = "custom";
    private bool _custom;
    private string? _error;

    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public string Cron { get; set; } = ConnectedStore.DefaultSyncCron;
    [Parameter] public EventCallback<string> CronChanged { get; set; }

    protected override void OnInitialized() => _custom = SyncSchedule.PresetLabel(Cron) is null;

    private string SelectedPreset => _custom ? CustomValue : SyncSchedule.Presets.FirstOrDefault(p => p.Label == SyncSchedule.PresetLabel(Cron))?.Cron ?? CustomValue;

    private string NextRuns => _error is null ? SyncSchedule.DescribeNextRuns(Cron, Clock.GetUtcNow()) : "";

    private async Task PresetChosen(string value)
    {
        _custom = value == CustomValue;
        _error = null;
        if (!_custom) await CronChanged.InvokeAsync(value);
    }

    private async Task CronTyped(string value)
    {
        SyncSchedule.TryParse(value, out _error);
        await CronChanged.InvokeAsync(value);
    }
}
