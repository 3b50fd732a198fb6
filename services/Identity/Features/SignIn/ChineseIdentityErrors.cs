using Microsoft.AspNetCore.Identity;

namespace BrandPlatform.Identity.Features.SignIn;

/// <summary>Password-policy and account errors in the portal's language (administrators read them in the admin API).</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少需要{length}位");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"密码至少需要包含{uniqueChars}个不同的字符");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码需要包含至少一个符号");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码需要包含至少一个数字");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码需要包含至少一个小写字母");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码需要包含至少一个大写字母");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"用户名 {userName} 已被使用");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"用户名 {userName} 含有不允许的字符");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"已具有角色 {role}");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"不具有角色 {role}");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
