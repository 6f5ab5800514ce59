using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Nexus.Core.Accounts;
using Nexus.Core.Monitoring.Notifications;

namespace Nexus.Web.Accounts;

/// <summary>What a registration attempt led to: sign in now, check the inbox, or errors to show.</summary>
public sealed record RegistrationOutcome(NexusUser? SignInNow, bool CheckInbox, IReadOnlyList<string> Errors)
{
    public static RegistrationOutcome Inbox { get; } = new(null, true, []);
}

/// <summary>
/// Self-registration, with optional e-mail confirmation (<see cref="AccountsOptions.RequireConfirmedEmail"/>). With
/// confirmation on, a taken address gets the same "check your inbox" answer as a new one, and its owner an e-mail
/// saying someone tried, so the page never tells a stranger which addresses have accounts.
/// </summary>
public sealed class AccountRegistration(
    AccountService accounts, UserManager<NexusUser> users, EmailSender email, IOptions<AccountsOptions> options, ILogger<AccountRegistration> logger)
{
    public bool ConfirmationRequired => options.Value.RequireConfirmedEmail;

    public async Task<RegistrationOutcome> RegisterAsync(string address, string password, string name, Uri siteRoot, CancellationToken cancellationToken = default)
    {
        if (!ConfirmationRequired)
        {
            var (result, user) = await accounts.CreateAsync(address, password, name, NexusRoles.Merchant);
            return user is null ? new(null, false, Errors(result)) : new(user, false, []);
        }
        if (await users.FindByEmailAsync(address) is not null)
        {
            await email.SendAsync(new EmailMessage([address], "Someone tried to register with your e-mail address",
                $"Someone (perhaps you) tried to create a Nexus account with {address}, which already has one. Nothing was changed.\n\n" +
                $"Sign in here: {new Uri(siteRoot, "Account/Login")}\n\nIf it was not you, you can ignore this message."), cancellationToken);
            return RegistrationOutcome.Inbox;
        }
        var (created, newUser) = await accounts.CreateAsync(address, password, name, NexusRoles.Merchant, emailConfirmed: false);
        if (newUser is null) return new(null, false, Errors(created));

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(newUser)));
        var link = new Uri(siteRoot, $"Account/ConfirmEmail?userId={Uri.EscapeDataString(newUser.Id)}&code={token}");
        try
        {
            await email.SendAsync(new EmailMessage([address], "Confirm your e-mail address for Nexus",
                $"Welcome to Nexus, {name}.\n\nConfirm your e-mail address to start using your account:\n{link}\n\n" +
                "The link works for one day. If you did not register, ignore this message and no account will be usable."), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An account nobody can confirm is useless and would block the address: remove it and say what to do.
            logger.LogError(e, "Confirmation e-mail could not be sent; the new account was removed");
            await accounts.DeleteAsync(newUser);
            return new(null, false, ["We could not send the confirmation e-mail just now, so no account was created. Try again in a few minutes."]);
        }
        return RegistrationOutcome.Inbox;
    }

    /// <summary>Confirms the address from the link's values; false for an unknown user or an invalid or expired code.</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return false;
        if (await users.FindByIdAsync(userId) is not { } user) return false;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return false; // a mangled link
        }
        return (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }

    // Identity reports a taken address twice (user name and e-mail); the describer words both the same, so one alert.
    private static IReadOnlyList<string> Errors(IdentityResult result) => result.Errors.Select(e => e.Description).Distinct().ToList();
}
