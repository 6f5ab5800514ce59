using Microsoft.Extensions.Options;
using Nexus.Core.Monitoring.Notifications;

namespace Nexus.Web.Accounts;

/// <summary>Self-registration settings (<c>Nexus:Accounts</c>).</summary>
public sealed class AccountsOptions
{
    public const string Section = "Nexus:Accounts";

    /// <summary>
    /// New accounts must confirm their e-mail address by a link before they can sign in, so nobody can open an account
    /// in someone else's name. Needs e-mail (<c>Nexus:Smtp</c>); off by default so a fresh install works without it.
    /// </summary>
    public bool RequireConfirmedEmail { get; set; }
}

/// <summary>Refuses to start with confirmation switched on but no way to send the e-mail.</summary>
internal sealed class AccountsOptionsValidation(IOptions<SmtpOptions> smtp) : IValidateOptions<AccountsOptions>
{
    public ValidateOptionsResult Validate(string? name, AccountsOptions options) =>
        options.RequireConfirmedEmail && !smtp.Value.IsConfigured
            ? ValidateOptionsResult.Fail("Nexus:Accounts:RequireConfirmedEmail is on but e-mail is not configured: set Nexus:Smtp:Host and Nexus:Smtp:From, or switch confirmation off.")
            : ValidateOptionsResult.Success;
}
