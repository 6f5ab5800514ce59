using Nexus.Core.Analytics.Forecasting;
using static Nexus.Tests.Analytics.Forecasting.ReferenceSeries;

namespace Nexus.Tests.Analytics.Forecasting;

/// <summary>ETS and Theta against R forecast 8.20's outputs (see <see cref="ReferenceSeries"/> for the calls), to 1e-3 relative.</summary>
public sealed class ReferenceValuesTests
{
    private static readonly EtsSpec Ann = new(EtsError.Additive, EtsTrend.None, EtsSeason.None);
    private static readonly EtsSpec AAdN = new(EtsError.Additive, EtsTrend.Damped, EtsSeason.None);

    [Fact]
    public void Ets_ANN_on_Nile_matches_R_parameters_likelihood_forecast_and_interval()
    {
        var fit = EtsFitter.Fit(Nile, Ann, 1)!;

        AssertRelative(0.245533862697, fit.Alpha, what: "alpha");
        AssertRelative(1110.686859951363, fit.InitialLevel, what: "l0");
        AssertRelative(1459.03104, fit.Aicc, what: "AICc");
        var path = fit.Forecast(3);
        Assert.All(path.Mean, m => AssertRelative(805.381282859, m, what: "forecast"));
        AssertRelative(1088.07034083, path.Upper95[0], what: "upper 95 % h=1");
        AssertRelative(1096.46686305, path.Upper95[1], what: "upper 95 % h=2");
        AssertRelative(1104.62788099, path.Upper95[2], what: "upper 95 % h=3");
    }

    /// <summary>R's parameters for ets(Nile, "AAN", damped = TRUE): α, β, φ, l0, b0.</summary>
    private static readonly double[] RDampedNile = [0.256169264350, 1.00035066236e-04, 0.800004272539, 1111.11273461, 11.2496870570];

    [Fact]
    public void Ets_damped_trend_at_R_parameters_reproduces_R_likelihood_and_forecasts()
    {
        var fit = EtsFitter.Evaluate(Nile, AAdN, 1, RDampedNile)!;

        AssertRelative(-726.502, fit.LogLikelihood, 1e-5, "log-likelihood");
        AssertRelative(1465.907, fit.Aicc, 1e-5, "AICc");
        var path = fit.Forecast(3);
        AssertRelative(801.817231084, path.Mean[0]);
        AssertRelative(801.795056212, path.Mean[1]);
        AssertRelative(801.777316220, path.Mean[2]);
    }

    [Fact]
    public void Ets_damped_trend_fit_on_Nile_reaches_at_least_R_likelihood()
    {
        // R's Nelder-Mead stops at φ = 0.8 on its lower bound; a better optimum exists (φ ≈ 0.97), and ours must not be worse.
        var fit = EtsFitter.Fit(Nile, AAdN, 1)!;

        Assert.True(fit.LogLikelihood >= -726.502, $"log-likelihood {fit.LogLikelihood} is below R's -726.502");
    }

    [Fact]
    public void Ets_ANN_on_AirPassengers_matches_R_forecast_at_the_alpha_bound()
    {
        var fit = EtsFitter.Fit(AirPassengers, Ann, 12)!;

        Assert.InRange(fit.Alpha, 0.999, 0.9999);
        AssertRelative(431.995792636, fit.Forecast(1).Mean[0]);
    }

    [Fact]
    public void Theta_on_AirPassengers_matches_R_thetaf_forecasts_and_intervals()
    {
        var fit = ThetaMethod.Fit(AirPassengers, 5, 12)!;

        Assert.True(fit.Seasonal);
        double[] mean = [440.078191082, 428.384280557, 489.707098670, 475.704627661, 479.670388669];
        double[] upper80 = [453.862625038, 446.366646913, 511.078115960, 499.996092424, 506.567045350];
        double[] upper95 = [461.159663594, 455.885936645, 522.391249139, 512.855217108, 520.805275330];
        for (var h = 0; h < 5; h++)
        {
            AssertRelative(mean[h], fit.Path.Mean[h], what: $"mean h={h + 1}");
            AssertRelative(upper80[h], fit.Path.Upper80[h], what: $"upper 80 % h={h + 1}");
            AssertRelative(upper95[h], fit.Path.Upper95[h], what: $"upper 95 % h={h + 1}");
        }
    }

    [Fact]
    public void Theta_on_Nile_matches_R_thetaf_forecasts()
    {
        var fit = ThetaMethod.Fit(Nile, 5, 1)!;

        Assert.False(fit.Seasonal);
        double[] mean = [799.811996216, 798.454843501, 797.097690785, 795.740538070, 794.383385355];
        for (var h = 0; h < 5; h++) AssertRelative(mean[h], fit.Path.Mean[h], what: $"h={h + 1}");
    }
}

/// <summary>The seasonal recursions against R: ets(AirPassengers, model = "MAM", damped = FALSE) evaluated at R's parameters.</summary>
public sealed class SeasonalReferenceTests
{
    [Fact]
    public void Ets_MAM_at_R_parameters_reproduces_R_AICc_and_forecasts()
    {
        // R orders seasonal states newest first (s0 is the state just before the data); ours are by position in the
        // season from the first observation, with the last one implied by the normalisation. So ours = s11, s10, …, s1.
        double[] rSeason = [0.9000411199468, 0.7826691070681, 0.9013680438689, 1.0476177697608, 1.1537067990618, 1.1830314019678,
            1.0839951214625, 0.9786588987833, 1.0331616425763, 1.0807569099011, 0.9522478841868];
        var s11 = 12 - rSeason.Sum();
        var ours = new List<double> { 0.3949968504950, 0.0107004419033, 0.3995392024006, 122.3754260164763, 1.1073665820836, s11 };
        for (var j = 10; j >= 1; j--) ours.Add(rSeason[j]);

        var fit = EtsFitter.Evaluate(ReferenceSeries.AirPassengers, new EtsSpec(EtsError.Multiplicative, EtsTrend.Additive, EtsSeason.Multiplicative), 12, [.. ours])!;

        ReferenceSeries.AssertRelative(1403.66438097, fit.Aicc, 1e-5, "AICc");
        double[] mean = [448.973767167, 425.227817273, 484.213711485, 504.611072288, 519.142264717];
        var path = fit.Forecast(5);
        for (var h = 0; h < 5; h++) ReferenceSeries.AssertRelative(mean[h], path.Mean[h], what: $"h={h + 1}");
    }
}
