using Microsoft.AspNetCore.Http;

namespace BrandPlatform.Platform.Domain;

/// <summary>
/// An entity refused a change: 409 when the record's current state forbids it (say so and name the state), 422 when
/// the request is well-formed but asks for something the domain does not allow. Answered as ProblemDetails.
/// </summary>
public sealed class RuleViolation(string title, string detail, int status = StatusCodes.Status409Conflict) : Exception(detail)
{
    public string Title { get; } = title;
    public int Status { get; } = status;

    public static RuleViolation Unprocessable(string title, string detail) => new(title, detail, StatusCodes.Status422UnprocessableEntity);
}
