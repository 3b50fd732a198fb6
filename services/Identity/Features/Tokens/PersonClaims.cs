using System.Security.Claims;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>
/// What a person's tokens say about them: who they are, their roles, their branch and other units, their enterprise.
/// Built afresh at sign-in and at every refresh, so a move between branches reaches the next access token.
/// </summary>
public static class PersonClaims
{
    public static async Task<Person?> FindActiveAsync(IdentityDbContext db, string? subject, CancellationToken cancellationToken) =>
        Guid.TryParse(subject, out var id)
            ? await db.Users.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == id && p.DeactivatedAt == null, cancellationToken)
            : null;

    public static async Task<ClaimsIdentity> CreateAsync(
        Person person, UserManager<Person> users, IOpenIddictScopeManager scopes, IEnumerable<string> grantedScopes,
        CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Id.ToString())
            .SetClaim(Claims.Name, person.DisplayName)
            .SetClaim(Claims.PreferredUsername, person.UserName)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(person)])
            .SetClaim(PlatformClaims.Branch, person.CurrentBranch?.UnitId.ToString())
            .SetClaims(PlatformClaims.Unit, [.. person.Memberships.Where(m => m.IsCurrent && m.UnitKind != UnitKind.Branch).Select(m => m.UnitId.ToString())])
            .SetClaim(PlatformClaims.Enterprise, person.EnterpriseCode)
            .SetClaim(PlatformClaims.EnterpriseName, person.EnterpriseName);
        await GrantScopesAsync(identity, grantedScopes, scopes, cancellationToken);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername when identity.HasScope(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role when identity.HasScope(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return identity;
    }

    /// <summary>The granted scopes, and as audiences the services that accept them.</summary>
    public static async Task GrantScopesAsync(
        ClaimsIdentity identity, IEnumerable<string> grantedScopes, IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        identity.SetScopes(grantedScopes);
        var audiences = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync(identity.GetScopes(), cancellationToken))
        {
            audiences.Add(resource);
        }
        identity.SetResources(audiences);
    }
}
