using System.Globalization;
using BrandPlatform.Platform.Localization;
using Microsoft.AspNetCore.Http;

namespace BrandPlatform.Platform.Domain;

/// <summary>
/// An entity refused a change: 409 when the record's current state forbids it (say so and name the state), 422 when
/// the request is well-formed but asks for something the domain does not allow. Answered as ProblemDetails in the
/// caller's language, with the units and states it names put into words (<see cref="LocalText"/>); the exception's
/// own message, for logs, is the English text.
/// </summary>
public sealed class RuleViolation(LocalText title, LocalText detail, int status = StatusCodes.Status409Conflict)
    : Exception(detail.Format(CultureInfo.GetCultureInfo("en")))
{
    public LocalText Title { get; } = title;
    public LocalText Detail { get; } = detail;
    public int Status { get; } = status;

    public static RuleViolation Unprocessable(LocalText title, LocalText detail) => new(title, detail, StatusCodes.Status422UnprocessableEntity);
}
