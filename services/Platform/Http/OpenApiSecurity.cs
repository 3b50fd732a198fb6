using System.Text.Json.Nodes;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// Lets an integrator's tools authorise on their own: the document declares the identity service's OAuth 2.0 flows
/// (client credentials for government systems, authorization code with PKCE S256 for people), with their URLs as the
/// gateway serves them, and a bearer JWT scheme; each operation that needs a token requires one of them with the scopes
/// its endpoint asks for (<see cref="AccessMetadata"/>). Anonymous operations require nothing.
/// </summary>
internal sealed class OpenApiSecurity : IOpenApiOperationTransformer
{
    public const string OAuth2 = "oauth2";
    public const string Bearer = "bearer";
    public const string TokenUrl = "/identity/connect/token";
    public const string AuthorizeUrl = "/identity/connect/authorize";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }
        var document = context.Document!;
        var scopes = metadata.OfType<AccessMetadata>().LastOrDefault()?.Scopes ?? [];
        var oauth2 = Schemes(document);
        foreach (var flow in new[] { oauth2.Flows!.ClientCredentials!, oauth2.Flows.AuthorizationCode! })
        {
            foreach (var scope in scopes)
            {
                flow.Scopes!.TryAdd(scope, $"Granted by the identity service to clients registered for {scope}.");
            }
        }
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth2, document)] = [.. scopes] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [.. scopes] },
        ];
        return Task.CompletedTask;
    }

    /// <summary>The document's two schemes, added by the first operation that needs them; returns the OAuth 2.0 one.</summary>
    private static OpenApiSecurityScheme Schemes(OpenApiDocument document)
    {
        if (document.Components?.SecuritySchemes?.TryGetValue(OAuth2, out var existing) == true && existing is OpenApiSecurityScheme found)
        {
            return found;
        }
        var tokenUrl = new Uri(TokenUrl, UriKind.Relative);
        var oauth2 = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "The platform's identity service, through the gateway. Government systems use client credentials; the portal " +
                "uses the authorization code flow with PKCE (S256 only). Ask for the scopes an operation lists.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = tokenUrl, Scopes = new Dictionary<string, string>() },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri(AuthorizeUrl, UriKind.Relative),
                    TokenUrl = tokenUrl,
                    RefreshUrl = tokenUrl,
                    Scopes = new Dictionary<string, string>(),
                    // Read by API clients such as Scalar, which then send an S256 code challenge.
                    Extensions = new Dictionary<string, IOpenApiExtension> { ["x-usePkce"] = new JsonNodeExtension(JsonValue.Create("SHA-256")) },
                },
            },
        };
        document.AddComponent(OAuth2, oauth2);
        document.AddComponent(Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from the identity service (see oauth2), sent as Authorization: Bearer.",
        });
        return oauth2;
    }
}
