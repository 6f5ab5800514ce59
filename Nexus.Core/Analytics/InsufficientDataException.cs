namespace Nexus.Core.Analytics;

/// <summary>
/// The data is well-formed but cannot support the model (e.g. nobody bought twice, so BG/NBD has nothing to
/// learn dropout or spend from). Refusing beats printing the extreme parameters an optimiser finds on such data.
/// </summary>
/// <param name="message">What is missing and what the model needs, phrased for the person who supplied the data.</param>
public sealed class InsufficientDataException(string message) : InvalidOperationException(message);
