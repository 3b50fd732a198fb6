using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Hosting;

/// <summary>
/// The API reference at /docs is each service's own OpenAPI document: every operation has a summary, the problem
/// answers it can give (application/problem+json), and examples of its request body and its success answer. An
/// integrator's tools authorise from it on their own: the OAuth 2.0 flows and the bearer scheme are declared, and each
/// operation states the scopes its endpoint requires; the gateway's 429 and the Idempotency-Key header are shown.
/// </summary>
public sealed class OpenApiDocumentTests(TestServers servers)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static TheoryData<string> Services => [.. ServiceNames.Apis];

    /// <summary>
    /// One service's public document, its operators' document, its examples, and what each named endpoint requires
    /// (null: anonymous).
    /// </summary>
    private sealed record ServiceDocument(
        JsonElement Document, JsonElement Operations, ApiExamples Examples, IReadOnlyDictionary<string, string[]?> Requires)
    {
        public IEnumerable<JsonElement> Both => [Document, Operations];
    }

    /// <summary>Each service is started once for the tests of this class.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<ServiceDocument>>> Documents = new();

    private Task<ServiceDocument> DocumentOf(string service) => Documents.GetOrAdd(service, _ => new Lazy<Task<ServiceDocument>>(() => service switch
    {
        "tickets" => ReadAsync<TicketsDbContext>(service, "ticketsdb"),
        "study" => ReadAsync<StudyDbContext>(service, "studydb"),
        "discipline" => ReadAsync<DisciplineDbContext>(service, "disciplinedb"),
        "reporting" => ReadAsync<ReportingDbContext>(service, "reportingdb"),
        "liaison" => ReadAsync<LiaisonDbContext>(service, "liaisondb"),
        "community" => ReadAsync<CommunityDbContext>(service, "communitydb"),
        _ => ReadAsync<IdentityDbContext>(service, "identitydb"),
    })).Value;

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_states_its_security_with_the_scopes_its_endpoint_requires_and_the_gateway_s_429(string service)
    {
        var read = await DocumentOf(service);
        var problems = new List<string>();
        foreach (var document in read.Both)
        {
            problems.AddRange(SecurityProblems(document, read.Requires));
        }
        problems.ShouldBeEmpty();
    }

    private static List<string> SecurityProblems(JsonElement document, IReadOnlyDictionary<string, string[]?> requires)
    {
        if (!Operations(document).Any())
        {
            return []; // a service whose endpoints are all for operators has an empty public document
        }
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        var oauth2 = schemes.GetProperty("oauth2");
        oauth2.GetProperty("type").GetString().ShouldBe("oauth2");
        var flows = oauth2.GetProperty("flows");
        flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString().ShouldBe("/identity/connect/token");
        var code = flows.GetProperty("authorizationCode");
        code.GetProperty("authorizationUrl").GetString().ShouldBe("/identity/connect/authorize");
        code.GetProperty("tokenUrl").GetString().ShouldBe("/identity/connect/token");
        code.GetProperty("x-usePkce").GetString().ShouldBe("SHA-256");
        var bearer = schemes.GetProperty("bearer");
        bearer.GetProperty("type").GetString().ShouldBe("http");
        bearer.GetProperty("scheme").GetString().ShouldBe("bearer");
        bearer.GetProperty("bearerFormat").GetString().ShouldBe("JWT");
        var declaredScopes = new[] { "clientCredentials", "authorizationCode" }
            .Select(flow => flows.GetProperty(flow).GetProperty("scopes").EnumerateObject().Select(s => s.Name).ToHashSet()).ToList();

        var problems = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var id = operation.GetProperty("operationId").GetString()!;
            requires.ShouldContainKey(id);
            var security = operation.TryGetProperty("security", out var s) ? s.EnumerateArray().ToList() : [];
            if (requires[id] is not { } scopes)
            {
                if (security.Count > 0)
                {
                    problems.Add($"{name}: anonymous, yet it states a security requirement");
                }
            }
            else
            {
                var stated = security.SelectMany(r => r.EnumerateObject()).ToDictionary(r => r.Name, r => r.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
                if (!stated.TryGetValue("oauth2", out var oauthScopes) || !oauthScopes.ToHashSet().SetEquals(scopes))
                {
                    problems.Add($"{name}: oauth2 requirement should name [{string.Join(", ", scopes)}]");
                }
                if (!stated.ContainsKey("bearer"))
                {
                    problems.Add($"{name}: no bearer requirement");
                }
                problems.AddRange(scopes.Where(scope => !declaredScopes.All(flow => flow.Contains(scope))).Select(scope => $"{name}: scope {scope} not declared in every flow"));
            }

            var tooMany = operation.GetProperty("responses").TryGetProperty("429", out var r429) ? r429 : (JsonElement?)null;
            if (tooMany is not { } answer || !Content(answer).Any(c => c.Name == "application/problem+json" && HasExample(c.Value))
                || !answer.TryGetProperty("headers", out var headers) || !headers.TryGetProperty("Retry-After", out _))
            {
                problems.Add($"{name}: no 429 problem with Retry-After");
            }
        }
        return problems;
    }

    [Fact]
    public async Task Ticket_submission_documents_its_idempotency_key()
    {
        var document = (await DocumentOf("tickets")).Document;

        var headers = Operations(document)
            .Where(o => o.Operation.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == "Idempotency-Key"))
            .Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();

        headers.ShouldBe(["SubmitTicket"]);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Operators_endpoints_are_in_the_operations_document_and_nowhere_else(string service)
    {
        var read = await DocumentOf(service);

        var published = Operations(read.Document).Select(o => o.Name).ToList();
        var forOperators = Operations(read.Operations).Select(o => o.Name).ToList();

        published.ShouldNotContain(name => name.Contains(" /ops/"));
        forOperators.ShouldBe(
            ["POST /ops/error-queues/replay", "GET /ops/projections/held", "GET /ops/projections", "POST /ops/projections/{name}/rebuild"], ignoreOrder: true);
        read.Operations.GetProperty("info").GetProperty("title").GetString()!.ShouldContain("运维接口");
    }

    [Fact]
    public async Task The_enterprise_s_short_ticket_and_the_handler_s_queue_default_are_documented()
    {
        var document = (await DocumentOf("tickets")).Document;
        var operations = Operations(document).ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o.Operation);

        var submit = operations["SubmitTicket"];
        submit.GetProperty("description").GetString()!.ShouldContain("may leave out");
        var body = submit.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        body.GetProperty("examples").GetProperty("own-enterprise").GetProperty("value").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["title", "category", "description"], ignoreOrder: true);
        var schema = document.GetProperty("components").GetProperty("schemas")
            .GetProperty(body.GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1]);
        schema.GetProperty("properties").GetProperty("unifiedSocialCreditCode").GetProperty("description").GetString()!
            .ShouldContain("Default for an enterprise contact");
        // Text members are strings in the schema too, though a converter of the platform's writes them.
        schema.GetProperty("properties").GetProperty("title").GetProperty("type").ToString().ShouldContain("string");
        schema.GetProperty("properties").GetProperty("enterpriseName").GetProperty("type").ToString().ShouldContain("null");

        var list = operations["ListTickets"];
        list.GetProperty("description").GetString()!.ShouldContain("Without unitId a task-force handler gets its own units' queue");
        list.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "UnitId")
            .GetProperty("description").GetString()!.ShouldContain("Default for a task-force handler");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_operation_has_a_summary_its_problem_answers_and_examples(string service)
    {
        var read = await DocumentOf(service);
        var examples = read.Examples;

        var problems = new List<string>();
        var operationIds = new HashSet<string>();
        var examplesShown = new Dictionary<string, JsonElement?[]>();
        foreach (var (document, path) in read.Both.SelectMany(document => document.GetProperty("paths").EnumerateObject().Select(path => (document, path))))
        {
            foreach (var (method, operation) in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)).Select(o => (o.Name, o.Value)))
            {
                var name = $"{method.ToUpperInvariant()} {path.Name}";
                if (operation.TryGetProperty("operationId", out var id))
                {
                    operationIds.Add(id.GetString()!);
                    examplesShown[id.GetString()!] = [JsonExample(operation, "requestBody"), JsonExample(operation, "responses")];
                }
                else
                {
                    problems.Add($"{name}: no operationId (WithName)");
                }
                if (string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null))
                {
                    problems.Add($"{name}: no summary");
                }
                var responses = operation.GetProperty("responses").EnumerateObject().ToList();
                if (!responses.Any(r => r.Name.StartsWith('4') && Content(r.Value).Any(c => c.Name == "application/problem+json")))
                {
                    problems.Add($"{name}: no 4xx answer as application/problem+json");
                }
                foreach (var response in responses)
                {
                    foreach (var media in Content(response.Value).Where(m => !HasExample(m.Value) && !IsBinary(m.Value, document)))
                    {
                        problems.Add($"{name}: no example for {response.Name} {media.Name}");
                    }
                }
                if (operation.TryGetProperty("requestBody", out var body))
                {
                    foreach (var media in Content(body).Where(m => !HasExample(m.Value)))
                    {
                        problems.Add($"{name}: no example for the request body ({media.Name})");
                    }
                }
            }
        }

        problems.AddRange(examples.OperationNames.Where(name => !operationIds.Contains(name)).Select(name => $"examples for {name}, which is not an operation"));
        foreach (var (name, shown) in examplesShown)
        {
            var own = examples.For(name);
            problems.AddRange(Mismatches($"{name} request", own?.Request as string, shown[0]));
            problems.AddRange(Mismatches($"{name} response", own?.Response as string, shown[1]));
        }

        operationIds.ShouldNotBeEmpty();
        problems.ShouldBeEmpty();
    }

    /// <summary>The example of the request body or of the first success answer with JSON content.</summary>
    private static JsonElement? JsonExample(JsonElement operation, string part)
    {
        if (!operation.TryGetProperty(part, out var element))
        {
            return null;
        }
        var contents = part == "requestBody" ? [element] : element.EnumerateObject().Where(r => r.Name.StartsWith('2')).Select(r => r.Value).ToList();
        return contents.SelectMany(Content).Where(m => m.Name.Contains("json")).Select(m => m.Value)
            .Select(m => m.TryGetProperty("example", out var example) ? example
                : m.TryGetProperty("examples", out var named) ? named.GetProperty("full").GetProperty("value") : (JsonElement?)null).FirstOrDefault();
    }

    /// <summary>
    /// An example written as JSON is shown as the service writes it (read as the endpoint's type and written back):
    /// a member the type does not have is dropped, one it has but the example leaves out appears. Either way the
    /// example no longer says what goes over the wire.
    /// </summary>
    private static IEnumerable<string> Mismatches(string where, string? written, JsonElement? shown)
    {
        if (written is null || shown is null || !written.TrimStart().StartsWith('{') && !written.TrimStart().StartsWith('['))
        {
            return [];
        }
        return Compare(where, JsonDocument.Parse(written).RootElement, shown.Value);

        static IEnumerable<string> Compare(string where, JsonElement written, JsonElement shown)
        {
            if (written.ValueKind == JsonValueKind.Object && shown.ValueKind == JsonValueKind.Object)
            {
                var mine = written.EnumerateObject().Select(p => p.Name).ToHashSet();
                var theirs = shown.EnumerateObject().Select(p => p.Name).ToHashSet();
                foreach (var extra in mine.Except(theirs))
                {
                    yield return $"{where}: the example has '{extra}', which the type does not";
                }
                foreach (var missing in theirs.Except(mine))
                {
                    yield return $"{where}: the example leaves out '{missing}'";
                }
                foreach (var name in mine.Intersect(theirs))
                {
                    foreach (var mismatch in Compare($"{where}.{name}", written.GetProperty(name), shown.GetProperty(name)))
                    {
                        yield return mismatch;
                    }
                }
            }
            else if (written.ValueKind == JsonValueKind.Array && shown.ValueKind == JsonValueKind.Array)
            {
                foreach (var (item, index) in written.EnumerateArray().Zip(shown.EnumerateArray()).Select((pair, i) => (pair, i)))
                {
                    foreach (var mismatch in Compare($"{where}[{index}]", item.First, item.Second))
                    {
                        yield return mismatch;
                    }
                }
            }
        }
    }

    private async Task<ServiceDocument> ReadAsync<TDbContext>(string service, string database)
        where TDbContext : DbContext
    {
        await using var factory = await ServiceFactory<TDbContext>.CreateAsync(servers, service, database);
        using var client = factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", CancellationToken.None);
        var operations = await client.GetFromJsonAsync<JsonElement>("/openapi/operations.json", CancellationToken.None);
        var requires = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetRequiredMetadata<IEndpointNameMetadata>().EndpointName,
                e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null ? null : e.Metadata.GetMetadata<AccessMetadata>()?.Scopes.ToArray() ?? []);
        return new ServiceDocument(document, operations, factory.Services.GetRequiredService<ApiExamples>(), requires);
    }

    private static IEnumerable<JsonProperty> Content(JsonElement element) =>
        element.TryGetProperty("content", out var content) ? content.EnumerateObject() : [];

    private static bool HasExample(JsonElement media) => media.TryGetProperty("example", out _) || media.TryGetProperty("examples", out _);

    /// <summary>A spreadsheet download has no example a document could show.</summary>
    private static bool IsBinary(JsonElement media, JsonElement document)
    {
        if (!media.TryGetProperty("schema", out var schema))
        {
            return false;
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return schema.TryGetProperty("format", out var format) && format.GetString() == "binary";
    }
}
