using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BrandPlatform.Testing;
using CsCheck;
using Shouldly;

namespace BrandPlatform.IntegrationTests.WholePlatform;

/// <summary>
/// A property-based fuzz run generated from each service's OpenAPI document: every operation, as every caller kind,
/// with parameters and bodies that are missing, mistyped, too long, out of range, full of control and invisible
/// characters, at the calendar's edges, with tampered cursors and with ids that exist (for someone) and that do not.
/// Whatever comes in, the answer is never a 5xx, a 4xx is a ProblemDetails, and a 4xx wrote no row (the outbox included).
/// FUZZ_CASES raises the number of cases per operation (bench/fuzz.sh); FUZZ_SEED replays a failure.
/// </summary>
[Collection(FuzzPlatformCollection.Name)]
public sealed class ApiFuzzTests(FuzzPlatformFixture platform)
{
    /// <summary>The short run, per operation: as many cases as there are caller kinds from a fixed seed, then a few random ones.</summary>
    private const string FixedSeed = "0000000000001";
    private const int RandomCases = 2;

    [Theory]
    [InlineData("identity")]
    [InlineData("tickets")]
    [InlineData("study")]
    [InlineData("discipline")]
    [InlineData("reporting")]
    [InlineData("liaison")]
    [InlineData("community")]
    public async Task No_input_gets_a_5xx_and_a_refused_request_writes_nothing(string serviceName)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var service = platform.Services[serviceName];
        var clients = new List<(CallerKind Caller, HttpClient Client)>();
        foreach (var caller in CallerKind.All)
        {
            clients.Add((caller, await platform.ClientAsync(serviceName, caller)));
        }
        using var anonymous = service.CreateClient();
        // The public document and the operators' one: together every endpoint the service has.
        var operations = new List<FuzzOperation>();
        foreach (var documentName in new[] { "v1", "operations" })
        {
            operations.AddRange(FuzzOperation.Read(JsonNode.Parse(await anonymous.GetStringAsync($"/openapi/{documentName}.json", cancellationToken))!));
        }
        operations.ShouldNotBeEmpty();

        var setup = System.Diagnostics.Stopwatch.StartNew();
        var ids = new FuzzIds(platform.Units.Values);
        await ids.HarvestAsync(operations, clients, cancellationToken);
        var rows = await RowCounts.OfAsync(service);
        await rows.WaitUntilStillAsync(cancellationToken);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var requested = Environment.GetEnvironmentVariable("FUZZ_CASES") is { } cases ? int.Parse(cases) : 0;
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED");
        long total = 0, serverErrors = 0;
        try
        {
            foreach (var operation in operations)
            {
                var gen = Gen.Select(Gen.Int[0, clients.Count - 1], Gen.UInt.Array[FuzzChoices.Length]);
                async Task Case(int caller, uint[] choices)
                {
                    var request = FuzzRequest.Build(operation, clients[caller].Caller, new FuzzChoices(choices), ids);
                    Interlocked.Increment(ref total);
                    var failure = await CheckAsync(request, clients[caller].Client, rows, cancellationToken);
                    if (failure is not null)
                    {
                        if (failure.StartsWith("5", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref serverErrors);
                        }
                        throw new ShouldAssertException($"{failure}\n{request}");
                    }
                }
                string Print((int Caller, uint[] Choices) input) =>
                    FuzzRequest.Build(operation, clients[input.Caller].Caller, new FuzzChoices(input.Choices), ids).ToString();
                if (seed is not null)
                {
                    await gen.SampleAsync(Case, seed: seed, iter: 1, threads: 1, print: Print);
                }
                else if (requested > 0)
                {
                    await gen.SampleAsync(Case, iter: requested, threads: 1, print: Print);
                }
                else
                {
                    await gen.SampleAsync(Case, seed: FixedSeed, iter: clients.Count, threads: 1, print: Print);
                    await gen.SampleAsync(Case, iter: RandomCases, threads: 1, print: Print);
                }
            }
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("FUZZ_REPORT") is { } report)
            {
                await File.AppendAllTextAsync(report, $"{serviceName}: {operations.Count} operations, {total} cases, {serverErrors} 5xx ({setup.Elapsed.TotalSeconds - clock.Elapsed.TotalSeconds:0.0} s setup, {clock.Elapsed.TotalSeconds:0.0} s)\n", CancellationToken.None);
            }
        }
    }

    /// <summary>What is wrong with the answer to <paramref name="request"/>, or null. A 5xx is reported as such first.</summary>
    private static async Task<string?> CheckAsync(FuzzRequest request, HttpClient client, RowCounts rows, CancellationToken cancellationToken)
    {
        var writes = request.Method != "GET";
        var before = writes ? await rows.TakeAsync(cancellationToken) : null;
        using var message = request.ToMessage();
        using var response = await client.SendAsync(message, cancellationToken);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (status >= 500)
        {
            return $"5xx: {status} {Shorten(body)}";
        }
        if (status < 400)
        {
            return null;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} is not application/problem+json but '{response.Content.Headers.ContentType}': {Shorten(body)}";
        }
        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return $"{status}: the problem is not JSON: {Shorten(body)}";
        }
        if (problem is not JsonObject || problem["status"]?.GetValue<int>() != status || string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()))
        {
            return $"{status}: not a ProblemDetails with its status and a title: {Shorten(body)}";
        }
        if (problem["errors"] is { } errors && (errors is not JsonObject fields || fields.Count == 0))
        {
            return $"{status}: 'errors' is not an object naming fields: {Shorten(body)}";
        }
        using (var answer = JsonDocument.Parse(body))
        {
            var language = request.Headers.GetValueOrDefault("Accept-Language") == "en"
                ? ProblemLanguage.WhyNotEnglish(answer.RootElement)
                : ProblemLanguage.WhyNotChinese(answer.RootElement);
            if (language is not null)
            {
                return $"{status} does not speak the caller's language ({language}): {Shorten(body)}";
            }
        }
        if (before is not null && RowCounts.Grown(before, await rows.TakeAsync(cancellationToken)) is { Count: > 0 } grown)
        {
            return $"{status} but rows were written to {string.Join(", ", grown)}: {Shorten(body)}";
        }
        return null;
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}

/// <summary>
/// The whole platform with an identity service of its own: the fuzz run deactivates people and moves units with real
/// ids, which must not reach the accounts other tests sign in with, nor the records the authorization matrix looks at.
/// </summary>
public sealed class FuzzPlatformFixture(TestServers servers) : WholePlatformFixture(servers)
{
    protected override bool OwnIdentity => true;
}

[CollectionDefinition(Name)]
public sealed class FuzzPlatformCollection : ICollectionFixture<FuzzPlatformFixture>
{
    public const string Name = "whole platform, fuzzed";
}

/// <summary>One operation of an OpenAPI document, with what the fuzzer needs to build requests for it.</summary>
internal sealed record FuzzOperation(string Method, string Path, IReadOnlyList<FuzzParameter> Parameters, JsonNode? BodySchema, JsonNode? BodyExample, JsonNode Document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static IReadOnlyList<FuzzOperation> Read(JsonNode document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p => Resolve(document, p!))
                    .Select(p => new FuzzParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(),
                        p["required"]?.GetValue<bool>() ?? false, Resolve(document, p["schema"])))
                    .ToList();
                var json = operation["requestBody"]?["content"]?.AsObject().FirstOrDefault(c => c.Key.Contains("json")).Value;
                operations.Add(new FuzzOperation(method.ToUpperInvariant(), path, parameters, Resolve(document, json?["schema"]), json?["example"], document));
            }
        }
        return operations;
    }

    /// <summary>A schema or parameter with its $ref followed (one level: the fuzzer resolves deeper ones as it walks).</summary>
    public static JsonNode Resolve(JsonNode document, JsonNode? node)
    {
        while (node?["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.Split('/').Skip(1).Aggregate((JsonNode?)document, (n, part) => n?[part]);
        }
        return node ?? new JsonObject();
    }

    public override string ToString() => $"{Method} {Path}";
}

internal sealed record FuzzParameter(string Name, string In, bool Required, JsonNode Schema)
{
    public string? Type => FuzzValues.TypeOf(Schema);
    public string? Format => Schema["format"]?.GetValue<string>();
}

/// <summary>
/// The random choices a case is made of. CsCheck generates and shrinks them; 0 always means the plainest choice (the
/// example, a real id, the parameter left out), so a shrunk failure shows the fewest odd inputs that still fail.
/// </summary>
internal sealed class FuzzChoices(uint[] values)
{
    public const int Length = 48;
    private int next;

    public int Pick(int count) => count <= 1 ? 0 : (int)(values[next++ % values.Length] % (uint)count);

    public T Pick<T>(IReadOnlyList<T> items) => items[Pick(items.Count)];

    /// <summary>An id that names nothing, made of the choices so the seed makes the same request again.</summary>
    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i * 4)..], values[next++ % values.Length] ^ 0x5bd1e995u);
        }
        return new Guid(bytes);
    }

    /// <summary>True about one time in <paramref name="odds"/>, never when the choice shrank to 0.</summary>
    public bool Now(int odds) => Pick(odds) == odds - 1;
}

/// <summary>Ids of real records (harvested from what the service answers), so paths reach past 404.</summary>
internal sealed class FuzzIds(IEnumerable<Guid> units)
{
    private readonly Dictionary<string, List<Guid>> byPath = [];
    private readonly Dictionary<string, List<Guid>> byName = new(StringComparer.OrdinalIgnoreCase) { ["unitId"] = [.. units] };
    private readonly List<Guid> all = [.. units];

    /// <summary>Creates records with each operation's own example (as every caller kind: some will be allowed) and reads every list.</summary>
    public async Task HarvestAsync(IReadOnlyList<FuzzOperation> operations, IReadOnlyList<(CallerKind Caller, HttpClient Client)> clients, CancellationToken cancellationToken)
    {
        var plain = operations.Where(o => !o.Path.Contains('{')).ToList();
        foreach (var operation in plain.Where(o => o.Method == "POST" && o.BodyExample is not null))
        {
            foreach (var (_, client) in clients)
            {
                using var content = new StringContent(operation.BodyExample!.ToJsonString(), Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, operation.Path) { Content = content };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                await CollectAsync(operation.Path, await client.SendAsync(request, cancellationToken), cancellationToken);
            }
        }
        foreach (var operation in plain.Where(o => o.Method == "GET"))
        {
            foreach (var (_, client) in clients)
            {
                await CollectAsync(operation.Path, await client.GetAsync(operation.Path, cancellationToken), cancellationToken);
            }
        }
    }

    private async Task CollectAsync(string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json") != true)
            {
                return;
            }
            Collect(path, JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)), null);
        }
    }

    private void Collect(string path, JsonNode? node, string? name)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (key, value) in json)
                {
                    Collect(path, value, key);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(path, item, name);
                }
                break;
            case JsonValue value when name is not null && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id):
                Add(byName, name, id);
                if (name == "id")
                {
                    Add(byPath, path, id);
                }
                if (!all.Contains(id))
                {
                    all.Add(id);
                }
                break;
        }
    }

    private static void Add(Dictionary<string, List<Guid>> pool, string key, Guid id)
    {
        var list = pool.TryGetValue(key, out var found) ? found : pool[key] = [];
        if (!list.Contains(id))
        {
            list.Add(id);
        }
    }

    /// <summary>An id for the parameter <paramref name="name"/> of <paramref name="path"/>: of its own kind, of any kind, or none at all.</summary>
    public Guid For(string path, string name, FuzzChoices choices)
    {
        var prefix = path[..path.IndexOf("{" + name, StringComparison.Ordinal)].TrimEnd('/');
        List<Guid>[] pools = [byPath.GetValueOrDefault(prefix) ?? [], byName.GetValueOrDefault(name) ?? [], all];
        var pool = pools[choices.Pick(3)];
        return pool.Count == 0 || choices.Now(8) ? choices.NewGuid() : choices.Pick(pool);
    }

    public Guid Any(FuzzChoices choices) => all.Count == 0 || choices.Now(3) ? choices.NewGuid() : choices.Pick(all);
}

/// <summary>One generated request, printable so a failure shows how to make it again.</summary>
internal sealed record FuzzRequest(string Method, string PathAndQuery, string? Body, IReadOnlyDictionary<string, string> Headers, CallerKind Caller)
{
    public static FuzzRequest Build(FuzzOperation operation, CallerKind caller, FuzzChoices choices, FuzzIds ids)
    {
        var path = operation.Path;
        var query = new List<string>();
        var headers = new Dictionary<string, string>();
        foreach (var parameter in operation.Parameters)
        {
            switch (parameter.In)
            {
                case "path":
                    var value = parameter.Format == "uuid" || parameter.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && choices.Pick(4) > 0
                        ? ids.For(operation.Path, parameter.Name, choices).ToString()
                        : FuzzValues.QueryText(parameter, choices, ids).Replace("\0", "", StringComparison.Ordinal);
                    // (Kestrel answers a NUL in the path with 400 before the service sees it; the in-memory test server throws instead.)
                    path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value.Length == 0 ? " " : value), StringComparison.Ordinal);
                    break;
                case "query" when choices.Pick(3) > 0 || parameter.Required && !choices.Now(4):
                    query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(FuzzValues.QueryText(parameter, choices, ids))}");
                    break;
                case "header" when choices.Pick(2) > 0:
                    headers[parameter.Name] = FuzzValues.HeaderText(choices, ids);
                    break;
            }
        }
        if (choices.Now(4))
        {
            headers["Accept-Language"] = "en";
        }
        if (operation.Method != "GET" && !headers.ContainsKey("Idempotency-Key") && !choices.Now(6))
        {
            headers["Idempotency-Key"] = choices.NewGuid().ToString();
        }
        var body = operation.BodySchema is null && operation.BodyExample is null && !choices.Now(10) ? null : FuzzValues.Body(operation, choices, ids);
        return new FuzzRequest(operation.Method, query.Count == 0 ? path : path + "?" + string.Join('&', query), body, headers, caller);
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {PathAndQuery} as {Caller.Name}");
        foreach (var (name, value) in Headers)
        {
            text.Append($"\n{name}: {value}");
        }
        if (Body is not null)
        {
            text.Append('\n').Append(Body.Length > 2000 ? Body[..2000] + "…" : Body);
        }
        return text.ToString();
    }
}

/// <summary>The odd values the fuzzer tries: each a raw JSON text, so it can hold what no .NET string serialises (lone surrogates).</summary>
internal static class FuzzValues
{
    private static readonly string[] Texts =
    [
        "", " ", "\t\r\n", "\u0000", "a\u0000b", "\u0001\u001f\u007f", "\ufeff", "\u200f\u202etxt", "a\u2028b\u2029", "\u200b",
        "零宽\u200d字符", "'; drop table x; --", "=1+1", "../../etc/passwd", "%00", "\\", "\"", "<script>", "中文名称",
        new string('长', 300), new string('x', 5000), "0", "-1", "NaN", "true", "null",
        "0001-01-01", "9999-12-31", "10000-01-01", "2024-02-30", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59.9999999-14:00",
        "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00", "2026-01-01T00:00:00Z",
    ];

    /// <summary>JSON texts a .NET string cannot carry: unpaired surrogates as escapes.</summary>
    private static readonly string[] RawStrings = ["\"\\ud800\"", "\"a\\udc00b\"", "\"\\udfff\\ud800\"", "\"\\u0000\""];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "-9223372036854775808",
        "99999999999999999999999999", "1e308", "-1e308", "1.5", "-0", "1e-400", "0.0000001",
    ];

    private const string SomeId = "3f2b8c1e9d0a4e7f8b6c5d4e3f2a1b0c";
    private const long SomeTicks = 639_080_109_000_000_000;

    private static readonly string[] Cursors =
    [
        "", "!!!", "AAAA", "////", Base64("garbage"), Base64("\u0000\u0001"), Base64($"{SomeTicks}|{SomeId}"),
        Base64($"0|{Guid.Empty:N}"), Base64($"{DateTimeOffset.MaxValue.UtcTicks}|{SomeId}"),
        Base64($"{long.MaxValue}|{SomeId}"), Base64($"99999999999999999999999|{SomeId}"),
        Base64($"-5|{SomeId}"), Base64("1|2|3"), Base64($"{SomeTicks}|not-a-guid"),
        Convert.ToBase64String(new byte[300]), Base64("{}"), Base64("[]"), Base64("null"), Base64($"{{\"k\":null,\"i\":null}}"),
        Base64($"{{\"k\":\"2026-01-01T00:00:00+08:00\",\"i\":\"{SomeId}\"}}"), Base64($"{{\"k\":\"9999-12-31T23:59:59.9999999+14:00\",\"i\":\"{SomeId}\"}}"),
        Base64($"{{\"k\":\"0001-01-01T00:00:00Z\",\"i\":\"{SomeId}\"}}"), Base64($"{{\"k\":99999999999999999999,\"i\":\"{SomeId}\"}}"),
        Base64($"{{\"k\":\"中文\\u0000\",\"i\":\"{SomeId}\"}}"), Base64($"{{\"k\":-1,\"i\":-1}}"), Base64($"{{\"k\":{{\"k\":1}},\"i\":[]}}"),
        new string('A', 5000),
    ];

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    /// <summary>A query or path value: plausible for the parameter's schema, or odd.</summary>
    public static string QueryText(FuzzParameter parameter, FuzzChoices choices, FuzzIds ids)
    {
        if (parameter.Name is "after" or "cursor" && choices.Pick(4) > 0)
        {
            return choices.Pick(Cursors);
        }
        return choices.Pick(6) switch
        {
            0 => Plausible(parameter.Schema, choices, ids),
            1 => ids.Any(choices).ToString(),
            2 => choices.Pick(Numbers),
            3 => choices.Pick(["\u0000", "a\u0000b", "\u0000\u0000\u0000"]),
            _ => choices.Pick(Texts),
        };
    }

    public static string HeaderText(FuzzChoices choices, FuzzIds ids) => choices.Pick(5) switch
    {
        0 => choices.NewGuid().ToString(),
        1 => "\"" + ids.Any(choices) + "\"",
        2 => new string('k', 500),
        3 => "*",
        _ => "",
    };

    private static string Plausible(JsonNode schema, FuzzChoices choices, FuzzIds ids)
    {
        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[choices.Pick(values.Count)]?.ToString() ?? "";
        }
        return (TypeOf(schema), schema["format"]?.GetValue<string>()) switch
        {
            (_, "uuid") => ids.Any(choices).ToString(),
            (_, "date") => choices.Pick(["2026-01-01", "0001-01-01", "9999-12-31", "2026-12-31"]),
            (_, "date-time") => choices.Pick(["2026-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]),
            ("integer" or "number", _) => choices.Pick(["1", "0", "50", "-1", "1000000"]),
            ("boolean", _) => choices.Pick(["true", "false"]),
            _ => choices.Pick(["x", "测试", "tickets"]),
        };
    }

    /// <summary>A request body: the operation's example with a few members made odd, or a body that is wrong as a whole.</summary>
    public static string Body(FuzzOperation operation, FuzzChoices choices, FuzzIds ids)
    {
        var baseline = operation.BodyExample?.DeepClone() ?? FromSchema(operation.Document, operation.BodySchema, choices, ids, 0);
        switch (choices.Pick(12))
        {
            case 0:
                return Raw(baseline);
            case 1:
                return choices.Pick(["", "null", "[]", "{}", "\"text\"", "42", "{", "{\"a\":", "[[[", "\u0000", "{\"x\":1}{"]);
            case 2:
                var text = Raw(baseline);
                return text[..choices.Pick(Math.Max(text.Length, 1))];
            case 3:
                var depth = 1 + choices.Pick(2000);
                return new string('[', depth) + new string(']', depth);
            default:
                var mutated = baseline;
                var mutations = 1 + choices.Pick(3);
                for (var i = 0; i < mutations; i++)
                {
                    mutated = Mutate(mutated, choices, ids);
                }
                return Raw(mutated);
        }
    }

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a JSON node, turning the marker strings back into the raw JSON texts they stand for.</summary>
    private static string Raw(JsonNode? node)
    {
        var text = node?.ToJsonString(Readable) ?? "null";
        for (var i = 0; i < RawStrings.Length; i++)
        {
            text = text.Replace($"\"\\u0060raw{i}\\u0060\"", RawStrings[i], StringComparison.Ordinal).Replace($"\"`raw{i}`\"", RawStrings[i], StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>Replaces or removes one member somewhere in the body, or the body itself when it has none.</summary>
    private static JsonNode? Mutate(JsonNode? node, FuzzChoices choices, FuzzIds ids)
    {
        var members = new List<(JsonNode Parent, object Key)>();
        Walk(node, members);
        if (members.Count == 0)
        {
            return Odd(choices, ids);
        }
        var (parent, key) = choices.Pick(members);
        var replacement = choices.Now(5) ? null : Odd(choices, ids);
        switch (parent, key)
        {
            case (JsonObject json, string name) when replacement is null && choices.Pick(2) == 0:
                json.Remove(name);
                break;
            case (JsonObject json, string name):
                json[name] = replacement;
                break;
            case (JsonArray array, int index):
                array[index] = replacement;
                break;
        }
        return node;
    }

    private static void Walk(JsonNode? node, List<(JsonNode Parent, object Key)> members)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, value) in json.ToList())
                {
                    members.Add((json, name));
                    Walk(value, members);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    members.Add((array, i));
                    Walk(array[i], members);
                }
                break;
        }
    }

    /// <summary>An odd JSON value of any type.</summary>
    private static JsonNode? Odd(FuzzChoices choices, FuzzIds ids) => choices.Pick(9) switch
    {
        0 => JsonValue.Create(choices.Pick(Texts)),
        1 => JsonValue.Create($"`raw{choices.Pick(RawStrings.Length)}`"),
        2 => JsonNode.Parse(choices.Pick(Numbers)),
        3 => JsonValue.Create(ids.Any(choices).ToString()),
        4 => JsonValue.Create(choices.Pick(2) == 0),
        5 => new JsonObject { ["unexpected"] = JsonValue.Create(choices.Pick(Texts)) },
        6 => new JsonArray(JsonValue.Create(choices.Pick(Texts)), JsonNode.Parse(choices.Pick(Numbers))),
        7 => JsonValue.Create(choices.Pick(Texts) + choices.Pick(Texts)),
        _ => null,
    };

    /// <summary>A plausible body built from the schema, for operations without an example.</summary>
    private static JsonNode? FromSchema(JsonNode document, JsonNode? schema, FuzzChoices choices, FuzzIds ids, int depth)
    {
        schema = FuzzOperation.Resolve(document, schema);
        if (depth > 6)
        {
            return null;
        }
        switch (TypeOf(schema))
        {
            case "object":
                var json = new JsonObject();
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                {
                    json[name] = FromSchema(document, property, choices, ids, depth + 1);
                }
                return json;
            case "array":
                return new JsonArray(FromSchema(document, schema["items"], choices, ids, depth + 1));
            case "integer" or "number":
                return JsonNode.Parse(Plausible(schema, choices, ids));
            case "boolean":
                return JsonValue.Create(true);
            case "string":
                return JsonValue.Create(Plausible(schema, choices, ids));
            default:
                return schema["properties"] is not null ? FromSchema(document, new JsonObject { ["type"] = "object", ["properties"] = schema["properties"]!.DeepClone() }, choices, ids, depth) : null;
        }
    }
}
