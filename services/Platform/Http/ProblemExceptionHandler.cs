using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// Turns the exceptions a caller can cause into RFC 9457 answers instead of 500s: unreadable JSON (with the field that
/// failed), wrong content type, writes that lost a race on a unique key, and changes an entity's rules refused, in the
/// caller's language (request localization runs before this handler), naming units by their names.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is RuleViolation violation
            ? Problem(violation, await UnitNamesAsync(context.RequestServices, violation, cancellationToken))
            : ProblemFor(exception);
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

    /// <summary>The answer to an exception a caller caused, or null for a fault of ours (500). The OpenAPI examples use it too.</summary>
    internal static ProblemDetails? ProblemFor(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => FieldProblem(json.Path, json is UnstorableTextException),
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode == StatusCodes.Status400BadRequest ? PlatformTexts.MalformedRequest_Title : null,
            Detail = BadRequestDetail(badRequest),
        },
        RuleViolation violation => Problem(violation, unitNames: null),
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = PlatformTexts.ConcurrentChange_Title,
            Detail = PlatformTexts.ConcurrentChange_Detail,
        },
        DbUpdateException update when update.IsUniqueViolation() => UniqueConflict(),
        _ => null,
    };

    internal static ProblemDetails UniqueConflict() => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = PlatformTexts.UniqueConflict_Title,
        Detail = PlatformTexts.UniqueConflict_Detail,
    };

    private static ProblemDetails Problem(RuleViolation violation, IReadOnlyDictionary<Guid, string>? unitNames)
    {
        var title = violation.Title.Format(CultureInfo.CurrentUICulture, unitNames);
        var detail = violation.Detail.Format(CultureInfo.CurrentUICulture, unitNames);
        // A violation about one field answers as FieldProblems.Unprocessable does: the field's message is the title.
        return violation.Field is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [title] })
            {
                Status = violation.Status, Title = FieldProblems.Title, Detail = detail,
            }
            : new ProblemDetails { Status = violation.Status, Title = title, Detail = detail };
    }

    private async Task<IReadOnlyDictionary<Guid, string>?> UnitNamesAsync(
        IServiceProvider services, RuleViolation violation, CancellationToken cancellationToken)
    {
        var units = violation.Title.UnitsNamed.Concat(violation.Detail.UnitsNamed).Distinct().ToList();
        if (units.Count == 0 || services.GetService<IUnitNames>() is not { } names)
        {
            return null;
        }
        try
        {
            return await names.NamesAsync(units, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The refusal still gets its answer, naming the units by id.
            LogUnitNamesFailed(logger, exception);
            return null;
        }
    }

    /// <summary>
    /// The framework's binding messages name CLR types ("Failed to bind parameter \"Guid id\" from \"abc\"."); the
    /// caller gets the parameter and its value in words, or the status's own detail.
    /// </summary>
    private static string? BadRequestDetail(BadHttpRequestException badRequest)
    {
        if (NotBound().Match(badRequest.Message) is { Success: true } notBound)
        {
            return string.Format(CultureInfo.CurrentCulture, PlatformTexts.ParameterNotBound, notBound.Groups["name"].Value, notBound.Groups["value"].Value);
        }
        if (Missing().Match(badRequest.Message) is { Success: true } missing)
        {
            return missing.Groups["source"].Value == "body"
                ? PlatformTexts.BodyRequired_Detail
                : string.Format(CultureInfo.CurrentCulture, PlatformTexts.ParameterMissing, missing.Groups["name"].Value);
        }
        return null;
    }

    [GeneratedRegex("""^Failed to bind parameter "\S+ (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex NotBound();

    [GeneratedRegex("""^Required parameter "\S+ (?<name>[^"]+)" was not provided from (?<source>[^.]+)\.$""")]
    private static partial Regex Missing();

    /// <summary>A body that could not be read as JSON, with the field (from the reader's path, "$.category") that failed.</summary>
    private static HttpValidationProblemDetails FieldProblem(string? jsonPath, bool unstorable = false)
    {
        var field = JsonPathToField(jsonPath);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [unstorable ? StorableText.Message : string.IsNullOrEmpty(jsonPath) ? PlatformTexts.BodyNotJson : PlatformTexts.ValueNotAllowed],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = FieldProblems.Title,
            // JsonException's own message names internal CLR types; callers only need the field.
            Detail = field == "$" ? PlatformTexts.BodyNotJson_Detail : string.Format(CultureInfo.CurrentCulture, PlatformTexts.ValueNotAllowed_Detail, field),
        };
    }

    /// <summary>"$.contacts[0].phone" becomes "contacts[0].phone"; the whole body is "$".</summary>
    internal static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking up the names of the units a refusal names failed; the answer names them by id")]
    private static partial void LogUnitNamesFailed(ILogger logger, Exception exception);
}
