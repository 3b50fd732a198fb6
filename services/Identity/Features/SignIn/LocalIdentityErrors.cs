using System.Globalization;
using BrandPlatform.Identity.Resources;
using Microsoft.AspNetCore.Identity;

namespace BrandPlatform.Identity.Features.SignIn;

/// <summary>
/// Password-policy and account errors in the caller's language (administrators read them in the admin API's field
/// errors and refusals): Chinese by default, English on request.
/// </summary>
public sealed class LocalIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), IdentityTexts.IdentityDefaultError);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Format(IdentityTexts.PasswordTooShort, length));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), Format(IdentityTexts.PasswordRequiresUniqueChars, uniqueChars));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), IdentityTexts.PasswordRequiresNonAlphanumeric);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), IdentityTexts.PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), IdentityTexts.PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), IdentityTexts.PasswordRequiresUpper);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Format(IdentityTexts.DuplicateUserName, userName));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), Format(IdentityTexts.InvalidUserName, userName));
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), Format(IdentityTexts.UserAlreadyInRole, role));
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), Format(IdentityTexts.UserNotInRole, role));
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), IdentityTexts.IdentityConcurrencyFailure);

    private static string Format(string pattern, object? argument) => string.Format(CultureInfo.CurrentCulture, pattern, argument);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
