using Microsoft.AspNetCore.Identity;

namespace Nexus.Web.Accounts;

/// <summary>
/// Identity's messages in plain words for the registration page. A taken address gets the same neutral wording
/// for the user-name and the e-mail error (one alert, not two) and does not say "already taken".
/// </summary>
public sealed class PlainIdentityErrors : IdentityErrorDescriber
{
    public const string CannotRegister = "We couldn't create an account with this e-mail address. If you already have one, sign in instead (or ask your administrator).";

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = CannotRegister };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateEmail), Description = CannotRegister };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "Enter an e-mail address such as you@shop.com." };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidEmail), Description = "Enter an e-mail address such as you@shop.com." };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Use at least {length} characters for the password." };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Add at least one capital letter (A–Z) to the password." };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Add at least one small letter (a–z) to the password." };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Add at least one digit (0–9) to the password." };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Add at least one symbol (such as ! or #) to the password." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Use at least {uniqueChars} different characters in the password." };
}
