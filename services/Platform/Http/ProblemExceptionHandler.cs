using System.Text.Json;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// Turns the exceptions a caller can cause into RFC 9457 answers instead of 500s: unreadable JSON (with the field that
/// failed), wrong content type, writes that lost a race on a unique key, and changes an entity's rules refused.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FieldProblem(json),
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "请求格式不正确",
                Detail = badRequest.Message,
            },
            RuleViolation violation => new ProblemDetails
            {
                Status = violation.Status,
                Title = violation.Title,
                Detail = violation.Message,
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "数据已被他人修改",
                Detail = "Someone changed the record at the same time; read it again and retry.",
            },
            DbUpdateException update when update.IsUniqueViolation() => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "数据冲突",
                Detail = "The record conflicts with an existing one.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails FieldProblem(JsonException json)
    {
        var field = JsonPathToField(json.Path);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [string.IsNullOrEmpty(json.Path) ? "请求体不是有效的 JSON" : "值的格式或取值不正确"],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "请求参数校验失败",
            // JsonException's own message names internal CLR types; callers only need the field.
            Detail = field == "$" ? "The body is not valid JSON." : $"The value of '{field}' has the wrong format or is not allowed.",
        };
    }

    /// <summary>"$.contacts[0].phone" becomes "contacts[0].phone"; the whole body is "$".</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
