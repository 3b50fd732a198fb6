using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
