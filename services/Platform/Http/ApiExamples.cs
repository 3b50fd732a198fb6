using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// A service's examples for its OpenAPI document. Each service has one class implementing this (found by
/// AddPlatformService in the service's assembly), so endpoint files stay lean and a new endpoint's examples are one
/// more <see cref="ApiExamples.Add"/> keyed by the endpoint's WithName.
/// </summary>
public interface IApiExamples
{
    void Describe(ApiExamples examples);
}

/// <summary>
/// The examples the OpenAPI document shows, per operation name: the request body, the success answer, and the problem
/// answers the operation gives in its own words. Examples are the records the endpoints really use, serialised with
/// the service's JSON options, so they cannot drift from the shape on the wire.
/// </summary>
public sealed class ApiExamples
{
    private readonly Dictionary<string, OperationExamples> operations = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> OperationNames => operations.Keys;

    /// <param name="operation">The endpoint's name (WithName), which is also its operationId.</param>
    /// <param name="request">
    /// The request body: JSON text (read as the endpoint's body type and written back, so the document shows exactly
    /// what the service reads) or an object.
    /// </param>
    /// <param name="response">The success answer: JSON text, an object, or text for a text answer (CSV).</param>
    /// <param name="problems">
    /// Problem answers particular to the operation (the 404 naming what is missing, the 409 naming the state); each
    /// replaces the generic example of its status, and a status the endpoint's metadata does not reveal is added.
    /// </param>
    /// <param name="otherRequests">
    /// Other bodies the same operation takes, each shown beside <paramref name="request"/> under its own name: a shorter
    /// body some callers may send (an enterprise leaving out what its token already says). An object is shown as it is,
    /// with only the members it has.
    /// </param>
    public ApiExamples Add(
        string operation, object? request = null, object? response = null, IEnumerable<ProblemDetails>? problems = null,
        IEnumerable<RequestExample>? otherRequests = null)
    {
        if (!operations.TryAdd(operation, new OperationExamples(request, response, problems?.ToList() ?? [], otherRequests?.ToList() ?? [])))
        {
            throw new InvalidOperationException($"The examples of {operation} are given twice.");
        }
        return this;
    }

    public OperationExamples? For(string? operation) => operation is not null && operations.TryGetValue(operation, out var found) ? found : null;

    /// <summary>A problem as an endpoint answers it with TypedResults.Problem.</summary>
    public static ProblemDetails Problem(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status).ProblemDetails;

    /// <summary>An entity's refusal as the exception handler answers it (units named by id: the example has no directory).</summary>
    public static ProblemDetails Refused(RuleViolation violation) => violation.Field is { } field
        ? Unprocessable(field, violation.Title.ToString(), violation.Detail.ToString())
        : Problem(violation.Status, violation.Title.ToString(), violation.Detail.ToString());

    /// <summary>400 with field errors, as <see cref="FieldProblems.Invalid(string, string)"/> and the validation filter answer it.</summary>
    public static ProblemDetails Invalid(string field, string message) => FieldProblems.Invalid(field, message).ProblemDetails;

    /// <summary>422 naming a field, as <see cref="FieldProblems.Unprocessable"/> answers it.</summary>
    public static ProblemDetails Unprocessable(string field, string message, string detail) =>
        FieldProblems.Unprocessable(field, message, detail).ProblemDetails;

    /// <summary>A page of a list (<see cref="KeysetPaging"/>): the items (JSON texts) and the link to the next page.</summary>
    public static string Page(IEnumerable<string> items, string? next = null) =>
        $"{{ \"items\": [{string.Join(", ", items)}], \"next\": {(next is null ? "null" : System.Text.Json.JsonSerializer.Serialize(next))} }}";

    /// <summary>The 400 of a list whose cursor cannot be read.</summary>
    public static ProblemDetails InvalidCursor() => Invalid(KeysetPaging.CursorField, KeysetPaging.InvalidCursorMessage);

    /// <summary>
    /// A JSON example changed by another (members of <paramref name="changes"/> replace those of <paramref name="before"/>,
    /// nested objects merge): a record as a later step leaves it, without writing it out again.
    /// </summary>
    public static string With(string before, string changes)
    {
        var merged = JsonNode.Parse(before)!.AsObject();
        Merge(merged, JsonNode.Parse(changes)!.AsObject());
        return merged.ToJsonString();

        static void Merge(JsonObject target, JsonObject changes)
        {
            foreach (var (name, value) in changes)
            {
                if (value is JsonObject inner && target[name] is JsonObject existing)
                {
                    Merge(existing, inner);
                }
                else
                {
                    target[name] = value?.DeepClone();
                }
            }
        }
    }

    /// <summary>The examples of every <see cref="IApiExamples"/> class in <paramref name="assemblies"/>.</summary>
    public static ApiExamples From(params Assembly[] assemblies)
    {
        var examples = new ApiExamples();
        // The document shows the texts a caller gets by default, whatever the language of the machine.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PlatformLanguages.Default;
        try
        {
            foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes())
                         .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IApiExamples))))
            {
                ((IApiExamples)Activator.CreateInstance(type, nonPublic: true)!).Describe(examples);
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
        return examples;
    }
}

/// <param name="Request">The request body: an object, or JSON text read as the endpoint's body type.</param>
/// <param name="Response">The success answer: an object, JSON text read as the endpoint's response type, or text (CSV).</param>
/// <param name="OtherRequests">Further request bodies, shown by name beside <paramref name="Request"/>.</param>
public sealed record OperationExamples(
    object? Request, object? Response, IReadOnlyList<ProblemDetails> Problems, IReadOnlyList<RequestExample> OtherRequests);

/// <param name="Name">The example's key in the document (e.g. "own-enterprise").</param>
/// <param name="Summary">What a reader of the reference sees as the example's title.</param>
/// <param name="Body">As <see cref="OperationExamples.Request"/>: an object, or JSON text read as the endpoint's body type.</param>
public sealed record RequestExample(string Name, string Summary, object Body);
