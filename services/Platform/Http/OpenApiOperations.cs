using System.Globalization;
using BrandPlatform.Platform.Resources;
using BrandPlatform.ServiceDefaults.Resources;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// Completes each operation of a service's OpenAPI document with what callers meet but endpoint code does not declare:
/// the problem answers its metadata implies (400 for a body or a query value that may not bind, 401 unless anonymous,
/// 403 with an authorization rule, 404 with a GUID in the route, 409 for a write naming or sending a record, 422 for a
/// write with a body, 412 with If-Match, 429 everywhere: the gateway rate-limits every route), each as
/// application/problem+json with an example built by the same code that answers it, the If-Match and Idempotency-Key
/// headers of the endpoints that read them, and the examples the service gives in its <see cref="IApiExamples"/>.
/// Responses an endpoint declared itself are kept; only a missing schema or example is filled in.
/// </summary>
internal sealed partial class OpenApiOperations(ApiExamples examples, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";
    private const int RetryAfterExample = 42;

    /// <summary>The key and title of an operation's main request example when it has others beside it.</summary>
    private const string FullRequestName = "full";
    private const string FullRequestSummary = "Every field";

    private static readonly HashSet<string> Writes = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid: errors names each field at fault and why.",
        [StatusCodes.Status401Unauthorized] = "No valid access token; WWW-Authenticate says why (missing, expired, invalid).",
        [StatusCodes.Status403Forbidden] = "The token's scopes or the person's roles do not allow this, or the record is outside the caller's organisation scope.",
        [StatusCodes.Status404NotFound] = "There is no such record, or it is outside the caller's organisation scope.",
        [StatusCodes.Status409Conflict] = "The record's current state (named in detail) or an existing record does not allow it.",
        [StatusCodes.Status412PreconditionFailed] = "If-Match names an older version: read the record again and retry.",
        [StatusCodes.Status422UnprocessableEntity] = "Well-formed, but the rules do not allow what it asks for.",
        [StatusCodes.Status429TooManyRequests] = "The gateway's rate limit for this client is used up: retry after Retry-After seconds.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var operationName = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        var own = examples.For(operationName);

        if (own?.Request is { } request)
        {
            var type = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
            foreach (var media in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (own.OtherRequests.Count == 0)
                {
                    media.Value.Example ??= Example(request, type, media.Key, operationName);
                    continue;
                }
                // OpenAPI allows one example or named examples, not both: the full body becomes the first named one.
                media.Value.Examples ??= new Dictionary<string, IOpenApiExample>();
                foreach (var (name, summary, body) in own.OtherRequests.Prepend(new RequestExample(FullRequestName, FullRequestSummary, request)))
                {
                    media.Value.Examples.TryAdd(name, new OpenApiExample { Summary = summary, Value = Example(body, type, media.Key, operationName) });
                }
            }
        }
        if (own?.Response is { } response)
        {
            foreach (var (status, answer) in (operation.Responses ?? new OpenApiResponses()).Where(r => r.Key.StartsWith('2')))
            {
                var type = description.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode.ToString() == status)?.Type;
                foreach (var media in answer.Content ?? new Dictionary<string, OpenApiMediaType>())
                {
                    media.Value.Example ??= Example(response, type, media.Key, operationName);
                }
            }
        }
        if (metadata.OfType<ChecksIfMatchMetadata>().Any())
        {
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = Preconditions.IfMatchHeader,
                In = ParameterLocation.Header,
                Description = "The ETag of the version the change is based on (from the last answer); a stale one is answered 412.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("\"3\""),
            });
        }
        if (metadata.OfType<IdempotencyKeyMetadata>().LastOrDefault() is { } idempotency)
        {
            (operation.Parameters ??= []).Add(new OpenApiParameter
            {
                Name = Preconditions.IdempotencyKeyHeader,
                In = ParameterLocation.Header,
                Description = "A key of the caller's choosing (e.g. a UUID) per intended change: a retry with the same key and body answers what " +
                    "the first request made instead of making it again; the same key with another body is 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = idempotency.MaxLength },
                Example = JsonValue.Create("4f8e2b1c-7a9d-4c3e-b5f6-0a1b2c3d4e5f"),
            });
        }

        operation.Responses ??= new OpenApiResponses();
        foreach (var problem in ProblemsOf(description, metadata, operation.Responses, own))
        {
            await DescribeAsync(operation.Responses, problem, InstancePath(description), context, cancellationToken);
        }
    }

    /// <summary>One example problem for each status the operation can answer with: the operation's own, else a generic one.</summary>
    private IEnumerable<ProblemDetails> ProblemsOf(
        ApiDescription description, IList<object> metadata, OpenApiResponses declared, OperationExamples? own)
    {
        var parameters = description.ParameterDescriptions;
        var body = parameters.FirstOrDefault(p => p.Source == BindingSource.Body);
        // A GUID in the route names a record, which may not exist (or not for this caller); a record named otherwise
        // (an external reference) says so in the service's own examples.
        var namesRecord = parameters.Any(p => p.Source == BindingSource.Path && p.Type == typeof(Guid));
        var write = Writes.Contains(description.HttpMethod ?? "");

        var statuses = new SortedSet<int>(declared.Keys.Where(k => k.StartsWith('4')).Select(int.Parse));
        statuses.UnionWith(own?.Problems.Select(p => p.Status!.Value) ?? []);
        if (body is not null || parameters.Any(CanFailToBind))
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
        }
        if (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any())
        {
            statuses.Add(StatusCodes.Status403Forbidden);
        }
        if (namesRecord)
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }
        if (write && (body is not null || namesRecord))
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }
        if (write && body is not null)
        {
            statuses.Add(StatusCodes.Status422UnprocessableEntity);
        }
        if (metadata.OfType<ChecksIfMatchMetadata>().Any())
        {
            statuses.Add(StatusCodes.Status412PreconditionFailed);
        }
        statuses.Add(StatusCodes.Status429TooManyRequests);
        return statuses.Select(status => own?.Problems.FirstOrDefault(p => p.Status == status) ?? Generic(status, body, parameters));
    }

    /// <summary>A query value that is not text may fail to bind ("limit=ten"): 400 before the handler runs.</summary>
    private static bool CanFailToBind(ApiParameterDescription parameter) =>
        parameter.Source == BindingSource.Query && parameter.Type != typeof(string);

    private ProblemDetails Generic(int status, ApiParameterDescription? body, IList<ApiParameterDescription> parameters)
    {
        var field = body is null ? null : FieldOf(body.Type);
        return status switch
        {
            StatusCodes.Status400BadRequest when body is not null =>
                ProblemExceptionHandler.ProblemFor(new BadHttpRequestException("", new JsonException(null, field is null ? "$" : "$." + field, null, null)))!,
            StatusCodes.Status400BadRequest when parameters.FirstOrDefault(CanFailToBind) is { } query =>
                ProblemExceptionHandler.ProblemFor(new BadHttpRequestException($"Failed to bind parameter \"{TypeName(query.Type)} {query.Name}\" from \"abc\"."))!,
            StatusCodes.Status400BadRequest =>
                ApiExamples.Invalid(parameters.FirstOrDefault(p => p.Source == BindingSource.Query)?.Name ?? "$", PlatformTexts.ValueNotAllowed),
            StatusCodes.Status401Unauthorized =>
                ApiExamples.Problem(status, ProblemTexts.Unauthorized_Title, ProblemTexts.Unauthorized_MissingToken),
            StatusCodes.Status403Forbidden => ApiExamples.Problem(status, ProblemTexts.Forbidden_Title, ProblemTexts.Forbidden_Detail),
            StatusCodes.Status409Conflict => ProblemExceptionHandler.UniqueConflict(),
            StatusCodes.Status412PreconditionFailed =>
                ApiExamples.Problem(status, PlatformTexts.ConcurrentChange_Title, string.Format(CultureInfo.CurrentCulture, PlatformTexts.StaleVersion_Detail, 4, 3)),
            StatusCodes.Status422UnprocessableEntity when field is not null =>
                ApiExamples.Unprocessable(field, PlatformTexts.RuleNotMet, string.Format(CultureInfo.CurrentCulture, PlatformTexts.RuleNotMet_Detail, field)),
            StatusCodes.Status429TooManyRequests =>
                ApiExamples.Problem(status, ProblemTexts.TooManyRequests_Title, ProblemResponses.TooManyRequestsDetail(RetryAfterExample)),
            // What UseStatusCodePages answers, e.g. 404 for an id that is not a GUID.
            _ => TypedResults.Problem(statusCode: status).ProblemDetails,
        };
    }

    /// <summary>The body field a generic example names: an enum first (an unknown value is the usual mistake), else the first.</summary>
    private string? FieldOf(Type body)
    {
        var info = json.Value.SerializerOptions.GetTypeInfo(body);
        var properties = info.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object ? info.Properties : [];
        return (properties.FirstOrDefault(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum) ?? properties.FirstOrDefault())?.Name;
    }

    /// <summary>The parameter's type as ASP.NET names it in a binding failure ("Nullable&lt;int&gt;", "Guid").</summary>
    private static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } inner ? $"Nullable<{TypeName(inner)}>" : type switch
    {
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(bool) => "bool",
        _ => type.Name,
    };

    private async Task DescribeAsync(
        OpenApiResponses responses, ProblemDetails problem, string instance, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var status = problem.Status!.Value;
        if (!responses.TryGetValue(status.ToString(), out var declared))
        {
            declared = new OpenApiResponse();
            responses[status.ToString()] = declared;
        }
        if (declared is not OpenApiResponse response)
        {
            return; // a shared response component, described where it is defined
        }
        if (string.IsNullOrEmpty(response.Description) || response.Description == ReasonPhrases.GetReasonPhrase(status))
        {
            response.Description = Meanings.GetValueOrDefault(status) ?? ReasonPhrases.GetReasonPhrase(status);
        }
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!response.Content.TryGetValue(ProblemJson, out var media))
        {
            if (response.Content.Count > 0)
            {
                return; // the endpoint answers this status in another shape of its own
            }
            response.Content[ProblemJson] = media = new OpenApiMediaType();
        }
        // 400 and 422 may carry errors per field; the others are plain problems.
        media.Schema ??= await SchemaAsync(
            status is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails),
            context, cancellationToken);
        media.Example ??= ProblemExample(problem, instance);
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers.TryAdd("WWW-Authenticate", new OpenApiHeader
            {
                Description = "Bearer, with error=\"invalid_token\" and error_description when a token was sent but refused (RFC 6750).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("Bearer error=\"invalid_token\", error_description=\"The token expired\""),
            });
        }
        if (status == StatusCodes.Status429TooManyRequests)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers.TryAdd("Retry-After", new OpenApiHeader
            {
                Description = "Seconds to wait before the next request.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                Example = JsonValue.Create(RetryAfterExample),
            });
        }
    }

    /// <summary>The problem as a caller receives it: with the type, the instance and the ids ServiceDefaults adds to every problem.</summary>
    private JsonNode ProblemExample(ProblemDetails problem, string instance)
    {
        var node = (JsonObject)JsonSerializer.SerializeToNode(TypedResults.Problem(problem).ProblemDetails, problem.GetType(), json.Value.SerializerOptions)!;
        node["instance"] ??= instance;
        node["traceId"] ??= "4bf92f3577b34da6a3ce929d0e0e4736";
        node["correlationId"] ??= "6f1c2e0a9b3d4e5f8a7b6c5d4e3f2a1b";
        return node;
    }

    /// <summary>The request path an example problem names, as the route template without constraints ("/api/tickets/{id}/accept").</summary>
    private static string InstancePath(ApiDescription description) =>
        "/" + RouteConstraint().Replace(description.RelativePath ?? "", "}").TrimEnd('/');

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex RouteConstraint();

    /// <summary>
    /// The example for one media type. JSON text is read as the operation's declared type and written back with the
    /// service's JSON options, so it shows exactly what goes over the wire (camelCase, enums as codes, every member);
    /// objects are written as they are; text (CSV, HTML) and XML (an RSS feed) are shown as they are.
    /// </summary>
    private JsonNode? Example(object value, Type? declared, string mediaType, string? operation)
    {
        var options = json.Value.SerializerOptions;
        if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return value is string text && (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase))
                ? JsonValue.Create(text) : null;
        }
        if (value is not string jsonText)
        {
            return JsonSerializer.SerializeToNode(value, value.GetType(), options);
        }
        if (declared is null || declared == typeof(void) || declared == typeof(string))
        {
            return JsonNode.Parse(jsonText);
        }
        try
        {
            return JsonSerializer.SerializeToNode(JsonSerializer.Deserialize(jsonText, declared, options), declared, options);
        }
        catch (JsonException wrong)
        {
            throw new InvalidOperationException($"The example of {operation} does not read as {declared.Name}: {wrong.Message}", wrong);
        }
    }

    /// <summary>A schema of the document's components, added the first time an operation needs it.</summary>
    private static async Task<IOpenApiSchema> SchemaAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }
        return new OpenApiSchemaReference(type.Name, document);
    }
}
