using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Nexus.Core.Accounts;
using Nexus.Web.Components.Layout;
using Nexus.Web.Components.Shared;

namespace Nexus.Tests.Web;

public sealed class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Ops_users_see_the_jobs_link_to_hangfire()
    {
        AddAuthorization().SetAuthorized("ops@nexus.demo").SetRoles(NexusRoles.Ops);
        var menu = Render<NavMenu>();
        var jobs = menu.Find("[data-testid=jobs-link]");
        Assert.Equal("hangfire", jobs.GetAttribute("href"));
    }

    [Fact]
    public void Merchants_see_every_feature_but_not_the_jobs_link()
    {
        AddAuthorization().SetAuthorized("merchant@nexus.demo").SetRoles(NexusRoles.Merchant);
        var menu = Render<NavMenu>();
        var labels = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Overview", "Stores", "Compare stores", "Customers", "Cohorts", "Lifetime value", "Forecasts", "Products", "Quality", "Health", "Settings"], labels);
        Assert.Empty(menu.FindAll("[data-testid=jobs-link]"));
    }

    [Fact]
    public void Empty_state_offers_its_action()
    {
        var state = Render<EmptyState>(p => p
            .Add(x => x.Title, "No stores yet")
            .Add(x => x.ActionHref, "stores")
            .Add(x => x.ActionText, "Go to Stores"));
        Assert.Contains("No stores yet", state.Markup);
        Assert.Equal("stores", state.Find("a").GetAttribute("href"));
    }
}
