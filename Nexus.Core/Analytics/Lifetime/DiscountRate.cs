namespace Nexus.Core.Analytics.Lifetime;

/// <summary>Discount rate for CLV cash flows, held as a monthly rate (CLV is discounted month by month).</summary>
public readonly record struct DiscountRate
{
    private DiscountRate(double monthlyRate)
    {
        if (!double.IsFinite(monthlyRate) || monthlyRate <= -1)
            throw new ArgumentOutOfRangeException(nameof(monthlyRate), monthlyRate, "rate must be finite and > -100 %");
        MonthlyRate = monthlyRate;
    }

    /// <summary>Rate per month, e.g. 0.01 = 1 % a month.</summary>
    public double MonthlyRate { get; }

    /// <summary>A rate given per month (the <c>lifetimes</c> convention; its default is 0.01).</summary>
    public static DiscountRate Monthly(double rate) => new(rate);

    /// <summary>A rate given per year, converted to the equivalent compound monthly rate (1+r)^(1/12) − 1.</summary>
    public static DiscountRate Annual(double rate) => new(Math.Pow(1 + rate, 1.0 / 12) - 1);
}
