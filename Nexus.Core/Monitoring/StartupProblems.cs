using Microsoft.Extensions.Options;

namespace Nexus.Core.Monitoring;

/// <summary>Configuration that must not reach a start: thrown before the host is built, one problem per entry.</summary>
public sealed class DeploymentRefusedException(IReadOnlyList<DeploymentCheck> problems)
    : InvalidOperationException("Nexus refuses to start: " + string.Join(" ", problems.Select(p => $"[{p.Name}] {p.Detail}")))
{
    public IReadOnlyList<DeploymentCheck> Problems { get; } = problems;
}

/// <summary>Turns a failed start into one plain message per configuration problem (no stack traces for settings mistakes).</summary>
public static class StartupProblems
{
    /// <summary>The configuration problems behind <paramref name="error"/>, or empty when it is some other failure.</summary>
    public static IReadOnlyList<string> From(Exception error) => error switch
    {
        DeploymentRefusedException refused => refused.Problems.Select(p => $"{p.Name}: {p.Detail}").ToList(),
        OptionsValidationException options => options.Failures.ToList(),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => From(e).Count > 0) => aggregate.InnerExceptions.SelectMany(From).ToList(),
        _ => [],
    };

    /// <summary>Prints the problems to stderr and returns the exit code for a misconfigured start.</summary>
    public static int Report(IReadOnlyList<string> problems, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(error);
        foreach (var problem in problems) error.WriteLine($"Configuration problem: {problem}");
        error.WriteLine($"Nexus did not start: {problems.Count} configuration problem(s). Fix them in appsettings.json or the environment (Nexus__Section__Key) and start again.");
        return 3;
    }
}
