namespace Nexus.Core.Analytics.Lifetime;

/// <summary>
/// BG/NBD parameters (Fader, Hardie &amp; Lee 2005): transaction rates λ ~ Gamma(shape <see cref="R"/>,
/// rate <see cref="Alpha"/>) per time unit; after each purchase the customer drops out with probability
/// p ~ Beta(<see cref="A"/>, <see cref="B"/>).
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B);

/// <summary>
/// Gamma-Gamma spend parameters (Fader, Hardie &amp; Lee 2005b; Colombo &amp; Jiang 1999): a purchase's
/// value ~ Gamma(<see cref="P"/>, ν) with the customer's ν ~ Gamma(<see cref="Q"/>, <see cref="Gamma"/>).
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma);
