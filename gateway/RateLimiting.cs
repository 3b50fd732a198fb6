using BrandPlatform.ServiceDefaults.Resources;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace BrandPlatform.Gateway;

public static class RateLimiting
{
    public const string PerClientPolicy = "per-client";

    /// <summary>
    /// A fixed window per client: the government system (client id) or the person (subject) named by the validated
    /// token, otherwise the caller's address (sign-in pages, documents).
    /// Over the limit the caller gets 429 ProblemDetails with Retry-After, so a government system can back off.
    /// </summary>
    public static WebApplicationBuilder AddPerClientRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimiting").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerClientPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.WriteProblemAsync(StatusCodes.Status429TooManyRequests, ProblemTexts.TooManyRequests_Title,
                    ProblemResponses.TooManyRequestsDetail(seconds));
            };
        });
        return builder;
    }

    private static string ClientKey(HttpContext context) =>
        context.User.FindFirstValue("sub") is { } subject
            ? context.User.FindFirstValue("client_id") == subject ? $"client:{subject}" : $"person:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private sealed class RateLimitOptions
    {
        public int PermitLimit { get; set; } = 600;
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }
}
