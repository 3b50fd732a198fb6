using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemResponses
{
    public const string TooManyRequestsTitle = "请求过于频繁";

    /// <summary>The gateway's 429 detail; Retry-After carries the same seconds.</summary>
    public static string TooManyRequestsDetail(int seconds) => $"Too many requests from this client; retry after {seconds} s.";

    /// <summary>
    /// Answers from middleware (authentication, rate limiting) in the same RFC 9457 shape as the endpoints,
    /// trace and correlation ids included.
    /// </summary>
    public static ValueTask WriteProblemAsync(this HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
