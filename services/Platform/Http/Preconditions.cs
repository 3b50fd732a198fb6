using System.Globalization;
using BrandPlatform.Platform.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Platform.Http;

public static class Preconditions
{
    public const string IfMatchHeader = "If-Match";

    /// <summary>
    /// The handler compares If-Match with the record's ETag and answers 412 when it is stale. The handler reads the
    /// header itself, so nothing else tells the OpenAPI document about the header and the answer.
    /// </summary>
    public static RouteHandlerBuilder ChecksIfMatch(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new ChecksIfMatchMetadata())
        .ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>
    /// 412 when the request's If-Match names neither <paramref name="etag"/> nor "*"; null when it matches or is absent
    /// (an absent If-Match is a caller who accepts the last write winning).
    /// </summary>
    public static ProblemHttpResult? Stale(HttpRequest request, string etag) =>
        request.Headers.IfMatch is { Count: > 0 } ifMatch && !ifMatch.Contains(etag) && !ifMatch.Contains("*")
            ? TypedResults.Problem(title: PlatformTexts.ConcurrentChange_Title, statusCode: StatusCodes.Status412PreconditionFailed,
                detail: string.Format(CultureInfo.CurrentCulture, PlatformTexts.StaleVersion_Detail, etag.Trim('"'), ifMatch.ToString().Trim('"')))
            : null;

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>
    /// The handler reads Idempotency-Key (at most <paramref name="maxLength"/> characters): a retry with the same key
    /// answers what the first request made. Declared here so the OpenAPI document shows the header.
    /// </summary>
    public static RouteHandlerBuilder HonoursIdempotencyKey(this RouteHandlerBuilder builder, int maxLength) => builder
        .WithMetadata(new IdempotencyKeyMetadata(maxLength));
}

/// <summary>Marks an endpoint that honours If-Match.</summary>
public sealed class ChecksIfMatchMetadata;

/// <summary>Marks an endpoint that honours Idempotency-Key.</summary>
public sealed record IdempotencyKeyMetadata(int MaxLength);
