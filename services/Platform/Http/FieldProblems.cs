using BrandPlatform.Platform.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Platform.Http;

public static class FieldProblems
{
    public static string Title => PlatformTexts.InvalidFields_Title;

    /// <summary>400 with field errors: the same shape the validation filter gives for a bad body.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: Title, detail: PlatformTexts.InvalidFields_Detail);

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>
    /// A well-formed request that names something that is not there (a parent unit, a branch): 422 with the field,
    /// in the same shape as validation errors.
    /// </summary>
    public static ProblemHttpResult Unprocessable(string field, string message, string detail) =>
        Unprocessable(new Dictionary<string, string[]> { [field] = [message] }, detail);

    /// <summary>422 naming several fields that refer to what is not there.</summary>
    public static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors, string detail) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = Title,
            Detail = detail,
        });
}
