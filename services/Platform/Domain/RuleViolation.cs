using System.Globalization;
using BrandPlatform.Platform.Localization;
using Microsoft.AspNetCore.Http;

namespace BrandPlatform.Platform.Domain;

/// <summary>
/// An entity refused a change: 409 when the record's current state forbids it (say so and name the state), 422 when
/// the request is well-formed but asks for something the domain does not allow. Answered as ProblemDetails in the
/// caller's language, with the units and states it names put into words (<see cref="LocalText"/>); the exception's
/// own message, for logs, is the English text. A violation about one field of the request names it, and is answered
/// in the shape of a validation error (the title as the field's message), so a form shows it beside the field.
/// </summary>
public sealed class RuleViolation(LocalText title, LocalText detail, int status = StatusCodes.Status409Conflict, string? field = null)
    : Exception(detail.Format(CultureInfo.GetCultureInfo("en")))
{
    public LocalText Title { get; } = title;
    public LocalText Detail { get; } = detail;
    public int Status { get; } = status;
    /// <summary>The request's field (as JSON names it) the violation is about, if one.</summary>
    public string? Field { get; } = field;

    public static RuleViolation Unprocessable(LocalText title, LocalText detail, string? field = null) =>
        new(title, detail, StatusCodes.Status422UnprocessableEntity, field);
}
