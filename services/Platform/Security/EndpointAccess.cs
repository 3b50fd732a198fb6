using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BrandPlatform.Platform.Security;

public static class EndpointAccess
{
    /// <summary>
    /// Who may call an endpoint: the token must carry one of <paramref name="scopes"/> (what the application may do),
    /// and a person must also hold one of <paramref name="roles"/> (what they may do). A government system's
    /// client-credentials token is admitted by scope alone. Organisation scope (which branch, which
    /// enterprise) is checked by the handler against the record, with <see cref="Caller"/>.
    /// </summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, string[] scopes, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.Require(scopes, roles, admitSystems: true);

    /// <summary>
    /// Like <see cref="RequireAccess"/>, for people only: a government system is refused (403) whatever its scopes,
    /// because the records behind the endpoint are not its own (requester profiles, supervision orders, figures that
    /// cannot be cut down to what it filed).
    /// </summary>
    public static TBuilder RequirePersonAccess<TBuilder>(this TBuilder builder, string[] scopes, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.Require(scopes, roles, admitSystems: false);

    private static TBuilder Require<TBuilder>(this TBuilder builder, string[] scopes, string[] roles, bool admitSystems)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessMetadata(scopes, roles)).RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
            {
                var caller = Security.Caller.From(context.User);
                return caller.HasAnyScope(scopes) && (caller.IsSystem ? admitSystems : caller.IsInAnyRole(roles));
            }));

    public static Caller Caller(this HttpContext context) => Security.Caller.From(context.User);
}

/// <summary>What <see cref="EndpointAccess.RequireAccess"/> asks of a caller, readable from the endpoint (OpenAPI, tests).</summary>
public sealed record AccessMetadata(IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles);
