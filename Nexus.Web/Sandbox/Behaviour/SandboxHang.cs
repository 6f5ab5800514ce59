namespace Nexus.Web.Sandbox.Behaviour;

/// <summary>The "store never answers" fault: the request stays open until the client gives up or the app stops.</summary>
public static class SandboxHang
{
    /// <summary>
    /// Waits without answering. The app stopping ends the wait too: Kestrel drains in-flight requests before the job
    /// server stops, so a hang whose client is a sync on this same node would otherwise hold the shutdown for the
    /// host's whole timeout.
    /// </summary>
    public static async Task UntilClientGivesUpAsync(HttpContext http, TimeProvider time)
    {
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try { await Task.Delay(Timeout.InfiniteTimeSpan, time, either.Token); }
        catch (OperationCanceledException) when (either.IsCancellationRequested) { } // the client gave up, or the app stops: the point either way
    }
}
