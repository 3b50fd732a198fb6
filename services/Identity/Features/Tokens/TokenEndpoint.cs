using System.Security.Claims;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Audit;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>
/// The token endpoint's own decisions, after OpenIddict has authenticated the client and checked the grant, the code's
/// PKCE verifier and every requested scope: who the token speaks for and which services (audiences) accept it.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, HandleAsync).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes,
        IdentityDbContext db, UserManager<Person> users, AuditTrail audit, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        var result = await DecideAsync(context, request, applications, scopes, db, users, cancellationToken);
        if (result is SignInHttpResult { Principal: var granted })
        {
            // Every token issued, whoever it speaks for: the grant, the client, the subject and the scopes.
            audit.Record(AuditActions.TokenIssued, true, granted.GetClaim(Claims.Subject),
                $"{request.GrantType} client {request.ClientId} scopes {string.Join(' ', granted.GetScopes())}",
                actor: request.ClientId);
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    private static async Task<IResult> DecideAsync(
        HttpContext context, OpenIddictRequest request, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes,
        IdentityDbContext db, UserManager<Person> users, CancellationToken cancellationToken)
    {
        if (request.IsClientCredentialsGrantType())
        {
            return await ForClientAsync(request, applications, scopes, cancellationToken);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token names the person; their claims are read again so changes take effect.
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var person = await PersonClaims.FindActiveAsync(db, granted.Principal?.GetClaim(Claims.Subject), cancellationToken);
            if (person is null || await users.IsLockedOutAsync(person))
            {
                return Forbid(Errors.InvalidGrant, "The account can no longer sign in.");
            }
            var identity = await PersonClaims.CreateAsync(person, users, scopes, granted.Principal!.GetScopes(), cancellationToken);
            return SignIn(identity);
        }
        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported here.");
    }

    private static async Task<IResult> ForClientAsync(
        OpenIddictRequest request, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
        if (application is null)
        {
            return Forbid(Errors.InvalidClient, "The client is not registered.");
        }

        // A government system acts as itself: the subject is its client id, its scopes are its whole permission.
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.ClientId, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken));
        await PersonClaims.GrantScopesAsync(identity, request.GetScopes(), scopes, cancellationToken);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return SignIn(identity);
    }

    private static IResult SignIn(ClaimsIdentity identity) =>
        Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    // An OAuth error answer, not a problem: its error_description is ASCII by RFC 6749 (5.2), so it stays English.
    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
