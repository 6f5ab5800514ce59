namespace Nexus.Core.Analytics.Lifetime;

/// <summary>
/// The (x, t_x, T, m_x) summary the BG/NBD and Gamma-Gamma models are fitted on.
/// </summary>
/// <param name="CustomerId">Customer key.</param>
/// <param name="Frequency">x: number of repeat purchase <em>days</em> (distinct days with a purchase, minus the first).</param>
/// <param name="Recency">t_x: time from the first to the last purchase day, in the summary's time unit.</param>
/// <param name="Age">T: time from the first purchase day to the calibration end, in the summary's time unit.</param>
/// <param name="MonetaryValue">m_x: mean of the per-day summed amounts of the repeat purchase days; 0 when x = 0.</param>
public readonly record struct CustomerSummary(string CustomerId, int Frequency, double Recency, double Age, decimal MonetaryValue);
