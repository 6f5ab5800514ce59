using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Nexus.Core.Accounts;

namespace Nexus.Web.Monitoring;

/// <summary>
/// <c>/hubs/alerts</c>: tells a signed-in client when its own account's alerts change. A connection joins only its
/// tenant's group (from the sign-in cookie), so no account hears about another's alerts.
/// </summary>
[Authorize]
public sealed class AlertsHub : Hub
{
    public const string Path = "/hubs/alerts";
    public const string ChangedMethod = "alertsChanged";

    public static string GroupName(Guid tenantId) => $"alerts-{tenantId:N}";

    public override async Task OnConnectedAsync()
    {
        if (Context.User.FindTenantId() is not { } tenantId)
        {
            throw new HubException("Sign in again: your session has no account.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(tenantId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}

/// <summary>What a hub client receives when an alert changes.</summary>
public sealed record AlertChangedMessage(long AlertId, string Change, string Title, int UnacknowledgedOpen);

/// <summary>In-process fan-out of alert changes to this node's Blazor components (the bell), by tenant. External clients use <see cref="AlertsHub"/>.</summary>
public sealed class AlertFeed
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<AlertChangedMessage, Task>>> _subscribers = new();

    public IDisposable Subscribe(Guid tenantId, Func<AlertChangedMessage, Task> handler)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(tenantId, _ => new())[id] = handler;
        return new Subscription(() => _subscribers.GetValueOrDefault(tenantId)?.TryRemove(id, out _));
    }

    public async Task PublishAsync(Guid tenantId, AlertChangedMessage message)
    {
        if (!_subscribers.TryGetValue(tenantId, out var handlers)) return;
        foreach (var handler in handlers.Values)
        {
            await handler(message);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
