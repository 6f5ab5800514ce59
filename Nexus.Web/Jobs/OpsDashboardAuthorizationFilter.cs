using Hangfire.Dashboard;
using Nexus.Core.Accounts;

namespace Nexus.Web.Jobs;

/// <summary>
/// Defence in depth for <c>/hangfire</c>: the endpoint already requires the Ops policy; this filter repeats the
/// check inside Hangfire so the dashboard is never reachable through some other mapping.
/// </summary>
internal sealed class OpsDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(NexusRoles.Ops);
}
