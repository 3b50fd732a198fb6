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
        if (ProblemFor(exception) is not { } problem)
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

    /// <summary>The answer to an exception a caller caused, or null for a fault of ours (500). The OpenAPI examples use it too.</summary>
    internal static ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => FieldProblem(json.Path, json is UnstorableTextException),
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
        DbUpdateException update when update.IsUniqueViolation() => UniqueConflict(),
        _ => null,
    };

    internal static ProblemDetails UniqueConflict() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "数据冲突",
        Detail = "The record conflicts with an existing one.",
    };

    /// <summary>A body that could not be read as JSON, with the field (from the reader's path, "$.category") that failed.</summary>
    private static HttpValidationProblemDetails FieldProblem(string? jsonPath, bool unstorable = false)
    {
        var field = JsonPathToField(jsonPath);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [unstorable ? StorableText.Message : string.IsNullOrEmpty(jsonPath) ? "请求体不是有效的 JSON" : "值的格式或取值不正确"],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = FieldProblems.Title,
            // JsonException's own message names internal CLR types; callers only need the field.
            Detail = field == "$" ? "The body is not valid JSON." : $"The value of '{field}' has the wrong format or is not allowed.",
        };
    }

    /// <summary>"$.contacts[0].phone" becomes "contacts[0].phone"; the whole body is "$".</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
