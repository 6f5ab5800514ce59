using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nexus.Core.Accounts;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Tests.Infrastructure;
using Nexus.Tests.Monitoring;
using Nexus.Web.Accounts;

namespace Nexus.Tests.Web;

/// <summary>
/// Optional e-mail confirmation (Nexus:Accounts:RequireConfirmedEmail): registration against the real app's Identity
/// store and a real SMTP server on loopback, the link opened on the real app.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class EmailConfirmationTests(NexusWebFactory app)
{
    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmationLink();

    private AccountRegistration Registration(IServiceProvider services, int smtpPort) => new(
        services.GetRequiredService<AccountService>(),
        services.GetRequiredService<UserManager<NexusUser>>(),
        new EmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtpPort, Security = SmtpSecurity.None, From = "Nexus <accounts@nexus.test>", Timeout = TimeSpan.FromSeconds(3) })),
        Options.Create(new AccountsOptions { RequireConfirmedEmail = true }),
        NullLogger<AccountRegistration>.Instance);

    [Fact]
    public async Task A_new_account_is_confirmed_by_the_link_it_is_sent_and_a_taken_address_gets_the_same_answer()
    {
        await using var smtp = new InProcessSmtpServer();
        var address = $"confirm-{Guid.NewGuid():N}@shop.test";
        using var scope = app.Services.CreateScope();
        var registration = Registration(scope.ServiceProvider, smtp.Port);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NexusUser>>();

        var outcome = await registration.RegisterAsync(address, "Secret-Pass-1", "Confirm Shop", app.ServerAddress);

        Assert.True(outcome.CheckInbox);
        Assert.Null(outcome.SignInNow);
        Assert.Empty(outcome.Errors);
        var user = await users.FindByEmailAsync(address);
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        var mail = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == address), TimeSpan.FromSeconds(10));
        Assert.Equal("Confirm your e-mail address for Nexus", mail.Subject);
        var link = ConfirmationLink().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith(app.ServerAddress.ToString(), link);

        using var browser = app.CreateBrowserLikeClient();
        var page = await (await browser.GetAsync(link)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"email-confirmed\"", page);
        using (var check = app.Services.CreateScope())
            Assert.True((await check.ServiceProvider.GetRequiredService<UserManager<NexusUser>>().FindByEmailAsync(address))!.EmailConfirmed);

        // Opening it again only confirms again; a mangled link is refused in plain words.
        Assert.Contains("data-testid=\"email-confirmed\"", await (await browser.GetAsync(link)).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"email-not-confirmed\"", await (await browser.GetAsync(link[..^4] + "%%%%")).Content.ReadAsStringAsync());

        // Registering the address again answers exactly as for a new one and tells the owner instead.
        var again = await registration.RegisterAsync(address, "Other-Pass-2", "Someone Else", app.ServerAddress);
        Assert.Equal(outcome.CheckInbox, again.CheckInbox);
        Assert.Equal(outcome.Errors, again.Errors);
        var notice = await smtp.WaitForMessageAsync(m => m.Subject?.StartsWith("Someone tried", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));
        Assert.Equal(address, Assert.Single(notice.To.Mailboxes).Address);
        Assert.Single(users.Users.Where(u => u.Email == address));
    }

    [Fact]
    public async Task When_the_email_cannot_be_sent_no_account_is_left_behind_and_the_merchant_is_told_what_to_do()
    {
        var address = $"unsent-{Guid.NewGuid():N}@shop.test";
        using var scope = app.Services.CreateScope();
        var registration = Registration(scope.ServiceProvider, InProcessSmtpServer.FreePort()); // nothing listens there

        var outcome = await registration.RegisterAsync(address, "Secret-Pass-1", "Unsent Shop", app.ServerAddress);

        Assert.False(outcome.CheckInbox);
        Assert.Contains("no account was created", Assert.Single(outcome.Errors));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<NexusUser>>().FindByEmailAsync(address));
    }

    [Fact]
    public void Switching_confirmation_on_makes_identity_require_it_and_refuses_to_start_without_email()
    {
        IServiceProvider Build(params (string Key, string Value)[] settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section));
            services.AddAccounts(configuration);
            return services.BuildServiceProvider();
        }

        var on = Build(("Nexus:Accounts:RequireConfirmedEmail", "true"), ("Nexus:Smtp:Host", "127.0.0.1"), ("Nexus:Smtp:From", "a@b.test"));
        var off = Build();
        var broken = Build(("Nexus:Accounts:RequireConfirmedEmail", "true"));

        Assert.True(on.GetRequiredService<IOptions<IdentityOptions>>().Value.SignIn.RequireConfirmedEmail);
        Assert.False(off.GetRequiredService<IOptions<IdentityOptions>>().Value.SignIn.RequireConfirmedEmail);
        var refused = Assert.Throws<OptionsValidationException>(() => broken.GetRequiredService<IOptions<AccountsOptions>>().Value);
        Assert.Contains("Nexus:Smtp:Host", refused.Message);
    }
}
