using BrandPlatform.Platform.Resources;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// Text is stored as the caller typed it, except what PostgreSQL cannot hold: the NUL character, and unpaired
/// surrogates (they have no UTF-8 form). One rule for every JSON body (<see cref="JsonConverter"/>) and every query,
/// route and form value (<see cref="UseStorableText"/>): such text is refused with a field error, never a 500 from the
/// database.
/// </summary>
public static class StorableText
{
    public static string Message => PlatformTexts.UnstorableText;

    public static bool IsStorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /// <summary>Refuses query, route and form values PostgreSQL cannot hold, naming each as a field.</summary>
    public static IApplicationBuilder UseStorableText(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var problems = new Dictionary<string, string[]>();
        Check(request.Query.Select(p => (p.Key, p.Value)), problems);
        Check(request.RouteValues.Select(p => (p.Key, new StringValues(p.Value as string))), problems);
        if (request.HasFormContentType)
        {
            Check((await request.ReadFormAsync(context.RequestAborted)).Select(p => (p.Key, p.Value)), problems);
        }
        if (problems.Count > 0)
        {
            await FieldProblems.Invalid(problems).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    private static void Check(IEnumerable<(string Name, StringValues Values)> values, Dictionary<string, string[]> problems)
    {
        foreach (var (name, items) in values)
        {
            if (!IsStorable(name) || items.Any(value => value is not null && !IsStorable(value)))
            {
                problems[IsStorable(name) ? name : "$"] = [Message];
            }
        }
    }

    /// <summary>Reads every JSON string through the rule; the failing member's path becomes the field of the 400.</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected a string.");
            }
            string? value;
            try
            {
                value = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                // The reader refuses an escaped unpaired surrogate ("\ud800") outright.
                throw new UnstorableTextException();
            }
            return value is null || IsStorable(value) ? value : throw new UnstorableTextException();
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}

/// <summary>A JSON string the database could not hold; the exception handler answers 400 on its member.</summary>
public sealed class UnstorableTextException() : JsonException(StorableText.Message);
