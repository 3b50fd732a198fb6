using BrandPlatform.Platform.Resources;
using FluentValidation;

namespace BrandPlatform.Platform.Http;

public static class Validation
{
    /// <summary>
    /// Field names in errors, and in their messages ('pressedByUnit' 不能为Null。), use the same camelCase as the JSON the
    /// caller sent: FluentValidation's own display name splits it into English words ('pressed By Unit').
    /// </summary>
    public static void UseJsonFieldNames()
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, expression) =>
        {
            var name = member?.Name ?? (expression is null ? null : FluentValidation.Internal.PropertyChain.FromExpression(expression).ToString());
            return name is null ? null : JsonNamingPolicyCamel(name);
        };
        ValidatorOptions.Global.DisplayNameResolver = ValidatorOptions.Global.PropertyNameResolver;
    }

    private static string JsonNamingPolicyCamel(string name) =>
        string.Join('.', name.Split('.').Select(part => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(part)));

    /// <summary>
    /// A rule stops at its first failure: a later check of the same member (a format, a lookup) may then assume the
    /// earlier ones held (NotEmpty before Must(name => name!...)) instead of throwing on a missing value.
    /// </summary>
    public static void StopEachRuleAtFirstFailure() => ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

    /// <summary>
    /// Each item of a list checked by <paramref name="validator"/>; an item sent as null ([null] in the JSON) is a field
    /// error on that item rather than a null the handler trips over.
    /// </summary>
    public static IRuleBuilderOptions<T, TItem> EachValid<T, TItem>(this IRuleBuilderInitialCollection<T, TItem> items, IValidator<TItem> validator) =>
        items.NotNull().WithMessage(_ => PlatformTexts.ListItemNull).SetValidator(validator);
}
