using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Nexus.Core.Monitoring;

namespace Nexus.Web.Hosting;

/// <summary>HTTPS and forwarded headers as <c>Nexus:Hosting</c> says (validate-deployment checks that one of them is on in Production).</summary>
public static class HostingExtensions
{
    public static IServiceCollection AddNexusHosting(this IServiceCollection services, IConfiguration configuration)
    {
        var hosting = configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        if (hosting.ForwardedHeaders)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownProxies.Clear();
                foreach (var proxy in hosting.KnownProxies)
                {
                    if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                }
            });
        }
        return services;
    }

    public static WebApplication UseNexusHosting(this WebApplication app)
    {
        // The options bound (and validated) at start-up, not a second reading of the configuration.
        var hosting = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostingOptions>>().Value;
        if (hosting.ForwardedHeaders) app.UseForwardedHeaders();
        if (hosting.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }
}
