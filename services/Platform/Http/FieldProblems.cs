using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Platform.Http;

public static class FieldProblems
{
    /// <summary>
    /// A well-formed request that names something that is not there (a parent unit, a branch): 422 with the field,
    /// in the same shape as validation errors.
    /// </summary>
    public static ProblemHttpResult Unprocessable(string field, string message, string detail) => TypedResults.Problem(
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "请求参数校验失败",
            Detail = detail,
        });
}
