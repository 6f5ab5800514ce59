using Hangfire;
using Microsoft.AspNetCore.Components;
using Nexus.Core.Analytics.Forecasting;
using Nexus.Core.Analytics.Forecasting.Cache;
using Nexus.Core.Analytics.Forecasting.Sales;
using Nexus.Web.Forecasts;

namespace Nexus.Web.Components.Pages.Forecasts;

/// <summary>
/// The Forecasts page reads the cached forecast of the chosen store/measure/frequency (the job computes it after each
/// sync) and shows a prefix of it for the chosen horizon. While a computation runs it checks back every few seconds.
/// </summary>
public partial class Forecasts
{
    [Inject] private ForecastCache Cache { get; set; } = default!;
    [Inject] private IBackgroundJobClient Jobs { get; set; } = default!;

    private SalesMetric _metric = SalesMetric.Revenue;
    private ForecastFrequency _frequency = ForecastFrequency.Weekly;
    private int _horizon = 13;
    private CachedForecast? _cached;
    private bool _loaded;
    private Timer? _poll;

    private IEnumerable<int> HorizonChoices => _frequency switch
    {
        ForecastFrequency.Daily => [7, 14, 28, 56],
        ForecastFrequency.Weekly => [4, 8, 13, 26],
        _ => [3, 6, 12],
    };

    private string PeriodWord(int n) => _frequency switch
    {
        ForecastFrequency.Daily => n == 1 ? "day" : "days",
        ForecastFrequency.Weekly => n == 1 ? "week" : "weeks",
        _ => n == 1 ? "month" : "months",
    };

    private string TooShortMessage(SalesForecast forecast) =>
        $"Forecasts need at least {forecast.MinimumHistory} {PeriodWord(forecast.MinimumHistory)} of sales history; " +
        $"{(StoreId == 0 ? "your stores have" : "this store has")} {forecast.History.Length} so far. Pick a shorter period (e.g. by day) or check back later.";

    protected override async Task LoadAsync()
    {
        _cached = await Cache.GetAsync(TenantId, StoreId == 0 ? null : StoreId, _metric, _frequency);
        _loaded = true;
        SchedulePoll();
    }

    private async Task OnMetricChangedAsync(SalesMetric metric)
    {
        _metric = metric;
        await LoadAsync();
    }

    private async Task OnFrequencyChangedAsync(ForecastFrequency frequency)
    {
        _frequency = frequency;
        _horizon = frequency switch { ForecastFrequency.Daily => 28, ForecastFrequency.Weekly => 13, _ => 6 };
        await LoadAsync();
    }

    private void OnHorizonChanged(int horizon) => _horizon = horizon;

    private async Task ComputeNowAsync()
    {
        // Each store's job also refreshes the tenant's "all stores" view.
        foreach (var store in StoreId == 0 ? Stores.Select(s => s.Id) : [StoreId])
        {
            await Cache.MarkComputingAsync(TenantId, store);
            Jobs.Enqueue<ForecastRefreshJob>(j => j.RunAsync(store, CancellationToken.None));
        }
        if (StoreId == 0 && Stores.Count > 0) await Cache.MarkComputingAsync(TenantId, null);
        await LoadAsync();
    }

    private void SchedulePoll()
    {
        _poll?.Dispose();
        _poll = null;
        // Poll while a forecast is being computed, and while there is none yet: the refresh a sync queues marks the
        // cache only when it starts, so a page opened right after a sync would otherwise never see it land.
        if (_cached is not null && _cached.Status != ForecastCacheStatus.Computing) return;
        _poll = new Timer(_ => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _poll?.Dispose();
}
