using System.Globalization;
using BrandPlatform.ServiceDefaults.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ProblemResponses
{
    /// <summary>The gateway's 429 detail; Retry-After carries the same seconds.</summary>
    public static string TooManyRequestsDetail(int seconds) =>
        string.Format(CultureInfo.CurrentCulture, ProblemTexts.TooManyRequests_Detail, seconds);

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

    /// <summary>
    /// A problem without words of its own (a bare 404 or 405 from routing, TypedResults.Problem(statusCode), the
    /// framework's English reason phrase as title) gets the status's title and detail in the caller's language.
    /// </summary>
    internal static void SpeakCallersLanguage(ProblemDetails problem)
    {
        if (problem.Status is not { } status)
        {
            return;
        }
        if (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || problem.Title == FrameworkServerErrorTitle)
        {
            problem.Title = ProblemTexts.ResourceManager.GetString($"Status{status}_Title", CultureInfo.CurrentUICulture) ?? problem.Title;
        }
        problem.Detail ??= ProblemTexts.ResourceManager.GetString($"Status{status}_Detail", CultureInfo.CurrentUICulture);
    }

    private const string FrameworkServerErrorTitle = "An error occurred while processing your request.";
}
