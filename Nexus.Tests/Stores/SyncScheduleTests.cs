using Nexus.Core.Stores;

namespace Nexus.Tests.Stores;

public sealed class SyncScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 13, 20, 0, TimeSpan.Zero); // a Wednesday

    [Theory]
    [InlineData("0 * * * *", "2026-12-02T14:00", "2026-12-02T15:00", "2026-12-02T16:00")]
    [InlineData("*/15 * * * *", "2026-12-02T13:30", "2026-12-02T13:45", "2026-12-02T14:00")]
    [InlineData("0 3 * * 1", "2026-12-07T03:00", "2026-12-14T03:00", "2026-12-21T03:00")]
    [InlineData("0 3 * * *", "2026-12-03T03:00", "2026-12-04T03:00", "2026-12-05T03:00")]
    public void Next_runs_follow_the_expression_in_utc(string cron, params string[] expected)
    {
        var runs = SyncSchedule.NextRuns(cron, Now);

        Assert.Equal(expected, runs.Select(r => r.UtcDateTime.ToString("yyyy-MM-ddTHH:mm")));
    }

    [Fact]
    public void The_editor_spells_out_the_next_runs_naming_the_day_only_when_it_changes()
    {
        Assert.Equal("Next runs: 2 Dec 14:00, 15:00, 16:00 UTC", SyncSchedule.DescribeNextRuns("0 * * * *", Now));
        Assert.Equal("Next runs: 2 Dec 18:00, 3 Dec 00:00, 06:00 UTC", SyncSchedule.DescribeNextRuns("0 */6 * * *", Now));
    }

    [Theory]
    [InlineData("every hour")]
    [InlineData("61 * * * *")]
    [InlineData("0 * * *")]
    public void An_expression_the_job_server_cannot_read_is_refused_with_what_to_type_instead(string cron)
    {
        Assert.Null(SyncSchedule.TryParse(cron, out var error));
        Assert.Contains("five fields", error);
        var refused = Assert.Throws<ArgumentException>(() => StoreValidation.ValidateCron(cron));
        Assert.Contains("five fields", refused.Message);
        Assert.Empty(SyncSchedule.NextRuns(cron, Now));
    }

    [Fact]
    public void Presets_are_named_and_extra_spaces_do_not_make_a_preset_custom()
    {
        Assert.Equal("Every hour", SyncSchedule.Describe("0  *  * * *", paused: false));
        Assert.Equal("Custom: 5 4 * * *", SyncSchedule.Describe(" 5 4 * * * ", paused: false));
        Assert.Equal("Paused", SyncSchedule.Describe("0 * * * *", paused: true));
        Assert.All(SyncSchedule.Presets, p => Assert.Equal(p.Label, SyncSchedule.PresetLabel(p.Cron)));
    }
}
