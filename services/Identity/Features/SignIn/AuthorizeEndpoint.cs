using System.Security.Claims;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Features.Tokens;
using BrandPlatform.Identity.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.Identity.Features.SignIn;

/// <summary>
/// The authorization endpoint of the code flow: OpenIddict has checked the client, redirect URI, PKCE challenge and
/// scopes; here the person signs in at the login page (if not yet) and gets a code for the portal. The portal is a
/// first-party client, so there is no consent screen.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";
    public const string EndSessionPath = "/connect/endsession";

    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], async (HttpContext context, SignInManager<Person> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.SignOut(new AuthenticationProperties { RedirectUri = context.Request.PathBase + LoginPage.Path },
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context, IdentityDbContext db, UserManager<Person> users, IOpenIddictScopeManager scopes,
        CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var person = signedIn.Succeeded
            ? await PersonClaims.FindActiveAsync(db, users.GetUserId(signedIn.Principal), cancellationToken)
            : null;
        if (person is null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                // An OAuth error answer (error_description is ASCII by RFC 6749 4.1.2.1), not a problem: it stays English.
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person is not signed in.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            var parameters = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        var identity = await PersonClaims.CreateAsync(person, users, scopes, request.GetScopes(), cancellationToken);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
