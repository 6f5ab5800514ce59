using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Nexus.Core.Storage;

/// <summary>
/// Fault injection for crash tests: <c>Nexus:Testing:KillAtPageWrite = "Issues:3"</c> kills the process outright (no
/// clean-up, like <c>kill -9</c>) when the third page write of the process reaches <see cref="PageWriteStep.Issues"/>.
/// Unset in every real deployment; it exists so a test can prove a page is all-or-nothing at every step.
/// </summary>
public sealed class KillAtPageWrite(PageWriteStep step, int occurrence) : IPageWriteProbe
{
    public const string Setting = "Nexus:Testing:KillAtPageWrite";
    private int _seen;

    public static KillAtPageWrite? FromConfiguration(IConfiguration configuration)
    {
        if (configuration[Setting] is not { Length: > 0 } spec) return null;
        var parts = spec.Split(':');
        return new KillAtPageWrite(Enum.Parse<PageWriteStep>(parts[0], ignoreCase: true), parts.Length > 1 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1);
    }

    public void Reached(PageWriteStep reached)
    {
        if (reached == step && Interlocked.Increment(ref _seen) == occurrence) Process.GetCurrentProcess().Kill();
    }
}
