using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.Platform.Security;

/// <summary>
/// Operations endpoints (/ops/**, never routed by the gateway) admit an operator signed in with the "operations" scope,
/// or the orchestrator's dashboard command, which sends the deployment's operations key (Operations:Key) in a header.
/// </summary>
public static class OperationsAccess
{
    public const string Scope = "operations";
    public const string KeyHeader = "X-Operations-Key";
    public const string KeySetting = "Operations:Key";

    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessMetadata([Scope], [PlatformRoles.Operator, PlatformRoles.Administrator])).RequireAuthorization(policy => policy.RequireAssertion(context =>
            context.Resource is HttpContext http && (PresentsKey(http) || IsOperator(Caller.From(context.User)))));

    /// <summary>An endpoint <see cref="RequireOperator"/> guards: it belongs in the operators' reference, not the public one.</summary>
    public static bool IsOperatorOnly(IEnumerable<object> endpointMetadata) =>
        endpointMetadata.OfType<AccessMetadata>().Any(access => access.Scopes.Contains(Scope));

    private static bool IsOperator(Caller caller) =>
        !caller.IsSystem && caller.HasAnyScope([Scope]) && caller.IsInAnyRole([PlatformRoles.Operator, PlatformRoles.Administrator]);

    private static bool PresentsKey(HttpContext http)
    {
        var expected = http.RequestServices.GetRequiredService<IConfiguration>()[KeySetting];
        var presented = http.Request.Headers[KeyHeader].ToString();
        return !string.IsNullOrEmpty(expected) && presented.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
    }
}
