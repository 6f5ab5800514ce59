using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting.Internal;
using Nexus.Core.Monitoring;
using Nexus.Core.Monitoring.Notifications;

namespace Nexus.Tests.Web;

/// <summary>
/// The hosting and e-mail settings an operator gets wrong, and the HTTPS and key-ring checks of <c>validate-deployment</c>:
/// each mistake is refused with the setting's name and what to put there.
/// </summary>
public sealed class HostingAndSmtpOptionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nexus-deploy-tests", Guid.NewGuid().ToString("N"));

    private static List<ValidationResult> Validate(IValidatableObject options) => options.Validate(new ValidationContext(options)).ToList();

    [Fact]
    public void A_known_proxy_that_is_not_an_ip_address_is_named()
    {
        var problems = Validate(new HostingOptions { ForwardedHeaders = true, KnownProxies = ["10.0.0.5", "proxy.internal"] });
        var problem = Assert.Single(problems);
        Assert.Equal("Nexus:Hosting:KnownProxies contains 'proxy.internal', which is not an IP address.", problem.ErrorMessage);
    }

    [Fact]
    public void Forwarded_headers_without_a_known_proxy_are_refused_because_anyone_could_forge_them()
    {
        var problem = Assert.Single(Validate(new HostingOptions { ForwardedHeaders = true }));
        Assert.Contains("KnownProxies is empty", problem.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(Validate(new HostingOptions { ForwardedHeaders = true, KnownProxies = ["10.0.0.5", "::1"] }));
        Assert.Empty(Validate(new HostingOptions()));
    }

    [Fact]
    public void Smtp_with_a_user_name_but_no_password_is_refused_and_with_both_passes()
    {
        var missing = Validate(new SmtpOptions { Host = "smtp.example.com", From = "Nexus <alerts@example.com>", UserName = "alerts" });
        Assert.Equal("Nexus:Smtp:Password is empty but Nexus:Smtp:UserName is set; set both or neither.", Assert.Single(missing).ErrorMessage);

        Assert.Empty(Validate(new SmtpOptions { Host = "smtp.example.com", From = "alerts@example.com", UserName = "alerts", Password = "pw" }));
    }

    [Fact]
    public void Smtp_with_a_sender_that_is_not_an_address_names_what_it_got()
    {
        var problem = Assert.Single(Validate(new SmtpOptions { Host = "smtp.example.com", From = "alerts at example" }));
        Assert.Contains("(it is 'alerts at example')", problem.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, "Production", true, "redirects to HTTPS")]
    [InlineData(false, true, "Production", true, "behind a proxy (10.0.0.5)")]
    [InlineData(false, false, "Development", true, "plain HTTP (acceptable in Development)")]
    [InlineData(false, false, "Production", false, "sign-in cookies travel in clear text")]
    public void Https_passes_with_tls_or_a_proxy_and_fails_only_for_plain_http_in_production(bool requireHttps, bool forwarded, string environment, bool passes, string detail)
    {
        var options = new HostingOptions { RequireHttps = requireHttps, ForwardedHeaders = forwarded, KnownProxies = forwarded ? ["10.0.0.5"] : [] };
        var check = DeploymentChecks.Https(options, new HostingEnvironment { EnvironmentName = environment });
        Assert.Equal(passes, check.Passed);
        Assert.Contains(detail, check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_ring_check_fails_until_a_key_file_is_in_the_folder()
    {
        var missing = DeploymentChecks.KeyRingPersisted(_folder);
        Assert.False(missing.Passed);
        Assert.Contains("Start the web app once", missing.Detail, StringComparison.Ordinal);

        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a key");
        Assert.False(DeploymentChecks.KeyRingPersisted(_folder).Passed);

        File.WriteAllText(Path.Combine(_folder, "key-0f8b.xml"), "<key/>");
        var present = DeploymentChecks.KeyRingPersisted(_folder);
        Assert.True(present.Passed);
        Assert.Equal("1 key(s) in the data folder's keys folder", present.Detail);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
