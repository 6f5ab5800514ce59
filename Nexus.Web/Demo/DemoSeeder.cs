using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nexus.Core.Accounts;
using Nexus.Web.Accounts;

namespace Nexus.Web.Demo;

/// <summary>Creates the roles, and in demo mode the demo merchant and ops users, once. Safe to run on every start.</summary>
public sealed class DemoSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<NexusUser> users,
    AccountService accounts,
    IOptions<DemoOptions> demo,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in NexusRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var options = demo.Value;
        if (!options.Enabled) return;
        await EnsureUserAsync(options.MerchantEmail, "Demo Merchant", NexusRoles.Merchant, options.Password);
        await EnsureUserAsync(options.OpsEmail, "Demo Ops", NexusRoles.Ops, options.Password);

        // Printed on purpose: demo credentials are public (also in the README); real secrets are never logged.
        Console.WriteLine();
        Console.WriteLine("  Nexus demo mode is on. Sign in with:");
        Console.WriteLine($"    merchant: {options.MerchantEmail} / {options.Password}");
        Console.WriteLine($"    ops:      {options.OpsEmail} / {options.Password}");
        Console.WriteLine();
    }

    private async Task EnsureUserAsync(string email, string name, string role, string password)
    {
        if (await users.FindByEmailAsync(email) is not null) return;
        var (result, _) = await accounts.CreateAsync(email, password, name, role);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        logger.LogInformation("Created demo {Role} user {Email}", role, email);
    }
}
