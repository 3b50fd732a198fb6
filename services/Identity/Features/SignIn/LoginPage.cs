using System.Net;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Identity.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BrandPlatform.Identity.Features.SignIn;

/// <summary>
/// The login page (zh-CN) the authorization endpoint sends people to. Every attempt is audited; five wrong passwords
/// lock the account; a deactivated account cannot sign in. The answer never says whether a user name exists.
/// </summary>
public static class LoginPage
{
    public const string Path = "/account/login";
    public const string LogoutPath = "/account/logout";

    public sealed class LoginForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
                Page(context, antiforgery, returnUrl, userName: null, message: null, StatusCodes.Status200OK))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LogoutPath, async (HttpContext context, SignInManager<Person> signIn, AuditTrail audit, IdentityDbContext db) =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    await signIn.SignOutAsync();
                    audit.Record(AuditActions.SignOut, true, target: null);
                    await db.SaveChangesAsync(context.RequestAborted);
                }
                return Results.LocalRedirect(context.Request.PathBase + Path);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] LoginForm form, HttpContext context, IAntiforgery antiforgery, SignInManager<Person> signIn,
        IdentityDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var userName = form.UserName?.Trim() ?? "";
        if (userName.Length == 0 || string.IsNullOrEmpty(form.Password))
        {
            return Page(context, antiforgery, form.ReturnUrl, userName, "请输入用户名和密码。", StatusCodes.Status400BadRequest);
        }
        var person = await signIn.UserManager.FindByNameAsync(userName);
        if (person is { IsActive: false })
        {
            audit.Record(AuditActions.SignIn, false, person.Id.ToString(), "account deactivated", actor: userName);
            await db.SaveChangesAsync(cancellationToken);
            return Page(context, antiforgery, form.ReturnUrl, userName, "用户名或密码错误。", StatusCodes.Status401Unauthorized);
        }
        var result = await signIn.PasswordSignInAsync(userName, form.Password, isPersistent: false, lockoutOnFailure: true);
        var (detail, message, status) = result switch
        {
            { Succeeded: true } => ("signed in", null, StatusCodes.Status302Found),
            { IsLockedOut: true } => ("locked out", $"连续输错密码{AccountPolicy.MaxFailedAttempts}次，账户已锁定，请{AccountPolicy.LockoutDuration.TotalMinutes:0}分钟后再试或联系管理员。", StatusCodes.Status423Locked),
            _ => ("wrong user name or password", "用户名或密码错误。", StatusCodes.Status401Unauthorized),
        };
        audit.Record(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignIn, result.Succeeded, person?.Id.ToString(), detail, actor: userName);
        await db.SaveChangesAsync(cancellationToken);
        if (!result.Succeeded)
        {
            return Page(context, antiforgery, form.ReturnUrl, userName, message, status);
        }
        return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : context.Request.PathBase + "/");
    }

    /// <summary>Only paths of this site: an attacker's link cannot use the login page to send people elsewhere.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? userName, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var action = WebUtility.HtmlEncode(context.Request.PathBase + Path);
        var error = message is null ? "" : $"""<p class="error" role="alert">{WebUtility.HtmlEncode(message)}</p>""";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 - 机关党建品牌服务平台</title>
            <style>
            body { font-family: "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f5f5; margin: 0; }
            main { max-width: 360px; margin: 12vh auto; background: #fff; padding: 32px; border-top: 4px solid #c8161d; box-shadow: 0 2px 8px rgba(0,0,0,.08); }
            h1 { font-size: 20px; color: #c8161d; margin: 0 0 24px; }
            label { display: block; margin: 16px 0 6px; }
            input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 8px; font-size: 16px; }
            button { margin-top: 24px; width: 100%; padding: 10px; background: #c8161d; color: #fff; border: 0; font-size: 16px; cursor: pointer; }
            .error { color: #c8161d; background: #fdecea; padding: 8px; }
            </style>
            </head>
            <body>
            <main>
            <h1>机关党建品牌服务平台</h1>
            {{error}}
            <form method="post" action="{{action}}">
            <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "")}}">
            <label for="userName">用户名</label>
            <input type="text" id="userName" name="userName" autocomplete="username" required value="{{WebUtility.HtmlEncode(userName ?? "")}}">
            <label for="password">密码</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <button type="submit">登录</button>
            </form>
            </main>
            </body>
            </html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
