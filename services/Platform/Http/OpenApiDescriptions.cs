using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BrandPlatform.Platform.Http;

public static class OpenApiDescriptions
{
    /// <summary>
    /// A body member's [Description] (what it defaults to, for whom) on its schema. The generator adds it itself except
    /// where a converter writes the member (text, through <see cref="StorableText.JsonConverter"/>): those schemas come
    /// back empty, the description lost.
    /// </summary>
    public static Task DescribeMember(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Description is null
            && context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), inherit: true)
                .OfType<System.ComponentModel.DescriptionAttribute>().LastOrDefault() is { } described)
        {
            schema.Description = described.Description;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Text members are written by <see cref="StorableText.JsonConverter"/>, so the generator cannot see they are strings
    /// and leaves their schemas empty ({}); a client generator would then take them for any JSON value.
    /// </summary>
    public static Task TypeText(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.AnyOf is null && schema.OneOf is null)
        {
            schema.Type = context.JsonPropertyInfo?.AttributeProvider is PropertyInfo property
                          && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable
                ? JsonSchemaType.String | JsonSchemaType.Null
                : JsonSchemaType.String;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Describes a query parameter in the OpenAPI document, e.g. what it defaults to for which caller. Here rather than a
    /// [Description] on an [AsParameters] record: ASP.NET's OpenAPI generator fails on attributes read that way.
    /// </summary>
    public static RouteHandlerBuilder DescribeParameter(this RouteHandlerBuilder builder, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == name))
            {
                parameter.Description = description;
            }
            return Task.CompletedTask;
        });
}
