using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The correlation id a caller (or the gateway) gave to a request. It flows into logs, spans, ProblemDetails and the
/// integration events the request causes, so an operator can find one request's effects in every service.
/// </summary>
public static class CorrelationContext
{
    private static readonly AsyncLocal<string?> current = new();

    public static string? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    /// <summary>A correlation id is echoed back to callers, so only short, printable values are accepted.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 128 && value.All(c => c is > ' ' and < (char)127);
}

public static class CorrelationIdExtensions
{
    /// <summary>
    /// Reads X-Correlation-Id (or creates one when the caller sent none or an unusable one), echoes it on the
    /// response and makes it the ambient <see cref="CorrelationContext"/> for the request.
    /// </summary>
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var header = context.Request.Headers[ServiceDefaultsExtensions.CorrelationIdHeader].ToString();
        var correlationId = CorrelationContext.IsAcceptable(header) ? header : Guid.NewGuid().ToString("N");
        context.Request.Headers[ServiceDefaultsExtensions.CorrelationIdHeader] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[ServiceDefaultsExtensions.CorrelationIdHeader] = correlationId;
            return Task.CompletedTask;
        });

        CorrelationContext.Current = correlationId;
        Activity.Current?.SetTag("correlation.id", correlationId);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BrandPlatform.Correlation");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    });
}
