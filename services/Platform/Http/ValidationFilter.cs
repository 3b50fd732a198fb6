using BrandPlatform.Platform.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.Platform.Http;

public static class ValidationFilter
{
    /// <summary>
    /// Validates the endpoint's <typeparamref name="TRequest"/> argument before the handler runs, so bad input is
    /// answered with 400 and field errors and the handler never starts a write.
    /// </summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) where TRequest : class =>
        builder
            .AddEndpointFilter(async (context, next) =>
            {
                var request = context.Arguments.OfType<TRequest>().FirstOrDefault();
                if (request is null)
                {
                    return TypedResults.Problem(
                        title: PlatformTexts.BodyRequired_Title, statusCode: StatusCodes.Status400BadRequest, detail: PlatformTexts.BodyRequired_Detail);
                }
                var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<TRequest>>();
                var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
                if (!result.IsValid)
                {
                    return TypedResults.ValidationProblem(
                        result.Errors
                            .GroupBy(e => e.PropertyName)
                            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
                        title: FieldProblems.Title, detail: PlatformTexts.InvalidFields_Detail);
                }
                return await next(context);
            })
            .ProducesValidationProblem();
}
