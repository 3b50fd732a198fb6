using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Commit → figure visible, across services. Two streams share the rate: tickets submitted by a government system
// (tickets service) and party lessons held by a branch secretary (study service), each answer coming after the
// change and its outbox row committed. One reader per stream polls the figure reporting shows for it as the office
// (the ticket total; party lessons held in the period); the k-th answered change of a stream is visible at the first
// read that counts k more than that stream's base. Prints "events sent-in p50 p95 max read-every" for all events, then
// the same for each stream.
//   FiguresLatency <gateway> <system-token> <office-token> <secretary-token> <rate> <seconds>
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: FiguresLatency <gateway> <system-token> <office-token> <secretary-token> <rate> <seconds>");
    return 2;
}
var gateway = new Uri(args[0]);
var rate = int.Parse(args[4], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[5], CultureInfo.InvariantCulture);
var events = rate * seconds;

HttpClient Client(string token, int connections)
{
    var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = gateway };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return client;
}
using var system = Client(args[1], 64);
using var office = Client(args[2], 4);
using var secretary = Client(args[3], 64);

// China dates: the lessons are held an hour ago, so the period around today counts them.
var chinaToday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
var studyPeriod = $"from={chinaToday.AddDays(-1):yyyy-MM-dd}&to={chinaToday.AddDays(1):yyyy-MM-dd}";
async Task<int> TicketTotalAsync() =>
    (await office.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/summary")).GetProperty("total").GetInt32();
async Task<int> LessonsHeldAsync() =>
    (await office.GetFromJsonAsync<JsonElement>($"/api/reporting/study/summary?{studyPeriod}")).GetProperty("kinds")
        .EnumerateArray().Where(k => k.GetProperty("kind").GetString() == "partyLesson").Sum(k => k.GetProperty("held").GetInt32());

// Setup, not measured: the lessons to hold are planned beforehand, each with the ETag its hold must name.
// The directory reaches study over the broker as identity first starts: wait for the secretary's branch and roster.
var branch = Guid.Empty;
var present = Array.Empty<Guid>();
for (var wait = 0; present.Length < 2; wait++)
{
    if (wait == 120)
    {
        Console.Error.WriteLine("the directory did not reach the study service");
        return 1;
    }
    await Task.Delay(wait == 0 ? 0 : 500);
    var branches = (await secretary.GetFromJsonAsync<JsonElement>("/api/study/branches")).GetProperty("items");
    if (branches.GetArrayLength() == 0)
    {
        continue;
    }
    branch = branches[0].GetProperty("id").GetGuid();
    present = [.. (await secretary.GetFromJsonAsync<JsonElement>($"/api/study/branches/{branch}/members")).GetProperty("items")
        .EnumerateArray().Take(2).Select(m => m.GetProperty("personId").GetGuid())];
}
var heldAt = DateTimeOffset.UtcNow.AddMinutes(-70);
var lessons = new ConcurrentQueue<(Guid Id, EntityTagHeaderValue ETag)>();
const int warmUp = 10;
for (var i = 0; i < events / 2 + 1 + warmUp; i++)
{
    using var planned = await secretary.PostAsJsonAsync("/api/study/activities", new
    {
        kind = "partyLesson", organiserUnitId = branch, topic = $"基准测试党课 {i}", materials = Array.Empty<object>(),
        plannedStart = heldAt, plannedEnd = heldAt.AddHours(1), place = "机关三楼党员活动室", audience = new { kind = "unit" },
    });
    if ((int)planned.StatusCode != 201)
    {
        Console.Error.WriteLine($"planning a lesson failed: {(int)planned.StatusCode} {await planned.Content.ReadAsStringAsync()}");
        return 1;
    }
    lessons.Enqueue(((await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), planned.Headers.ETag!));
}

Task<HttpResponseMessage> SubmitTicketAsync() => system.PostAsJsonAsync("/api/tickets", new
{
    title = "基准测试工单", category = "financing", description = "压力测试",
    enterpriseName = "三明市某某科技有限公司", unifiedSocialCreditCode = "91350100M000100Y43",
});

Task<HttpResponseMessage> HoldLessonAsync()
{
    lessons.TryDequeue(out var lesson);
    var hold = new HttpRequestMessage(HttpMethod.Post, $"/api/study/activities/{lesson.Id}/hold")
    {
        Content = JsonContent.Create(new
        {
            heldAt, durationMinutes = 60, minutes = "讲授专题党课，交流学习体会。",
            attendance = present.Select(id => new { personId = id, status = "present" }).ToArray(),
        }),
    };
    hold.Headers.IfMatch.Add(lesson.ETag);
    return secretary.SendAsync(hold);
}

// Warm-up (JIT, pools, the projection's first messages), until reporting counts the lessons held.
var heldBefore = await LessonsHeldAsync();
for (var i = 0; i < warmUp; i++)
{
    using var held = await HoldLessonAsync();
    if ((int)held.StatusCode != 200)
    {
        Console.Error.WriteLine($"holding a lesson failed: {(int)held.StatusCode} {await held.Content.ReadAsStringAsync()}");
        return 1;
    }
}
for (var wait = 0; await LessonsHeldAsync() < heldBefore + warmUp; wait++)
{
    if (wait == 300)
    {
        Console.Error.WriteLine("reporting did not count the warm-up lessons");
        return 1;
    }
    await Task.Delay(200);
}

var clock = Stopwatch.StartNew();
var streams = new[]
{
    new Stream("tickets", SubmitTicketAsync, 201, TicketTotalAsync),
    new Stream("study", HoldLessonAsync, 200, LessonsHeldAsync),
};
foreach (var stream in streams)
{
    stream.Base = await stream.Count();
}
using var stop = new CancellationTokenSource();
var polling = streams.Select(stream => Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        var total = await stream.Count();
        lock (stream.Reads)
        {
            stream.Reads.Add((clock.Elapsed.TotalMilliseconds, total - stream.Base));
        }
    }
})).ToList();

var started = clock.Elapsed;
var submissions = new List<Task>(events);
for (var i = 0; i < events; i++)
{
    var due = started + TimeSpan.FromSeconds((double)i / rate);
    if (due > clock.Elapsed)
    {
        await Task.Delay(due - clock.Elapsed);
    }
    var stream = streams[i % streams.Length];
    submissions.Add(Task.Run(async () =>
    {
        using var response = await stream.Send();
        stream.Answered((int)response.StatusCode, clock.Elapsed.TotalMilliseconds);
    }));
}
await Task.WhenAll(submissions);
var sentIn = (clock.Elapsed - started).TotalSeconds;
var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
while (clock.Elapsed < deadline && !streams.All(stream => stream.AllVisible))
{
    await Task.Delay(50);
}
await stop.CancelAsync();
await Task.WhenAll(polling);

foreach (var stream in streams.Where(stream => stream.Failures > 0 || !stream.AllVisible))
{
    Console.Error.WriteLine($"{stream.Name}: {stream.Failures} refused; reporting counted {stream.Latencies().Count} of {stream.AnsweredCount} within 60 s");
    return 1;
}
string Line(List<double> latencies, double readEvery)
{
    latencies.Sort();
    double Rank(double p) => latencies[Math.Max(0, (int)Math.Ceiling(p * latencies.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture,
        $"{latencies.Count} {sentIn:F2} {Rank(0.5):F1} {Rank(0.95):F1} {latencies[^1]:F1} {readEvery:F1}");
}
Console.WriteLine(Line([.. streams.SelectMany(stream => stream.Latencies())], streams.Average(stream => stream.ReadEvery)));
foreach (var stream in streams)
{
    Console.WriteLine($"{stream.Name} {Line(stream.Latencies(), stream.ReadEvery)}");
}
return 0;

/// <summary>One kind of change, the status its success answers with, and the figure that counts it.</summary>
internal sealed class Stream(string name, Func<Task<HttpResponseMessage>> send, int success, Func<Task<int>> count)
{
    private readonly List<double> answered = [];

    public string Name => name;
    public Func<Task<HttpResponseMessage>> Send => send;
    public Func<Task<int>> Count => count;
    public int Base { get; set; }
    public int Failures { get; private set; }
    public List<(double At, int Total)> Reads { get; } = [];
    public int AnsweredCount { get { lock (answered) { return answered.Count; } } }

    public bool AllVisible
    {
        get
        {
            lock (Reads)
            {
                return Reads.Count > 0 && Reads[^1].Total >= AnsweredCount;
            }
        }
    }

    public double ReadEvery
    {
        get
        {
            lock (Reads)
            {
                return Reads.Count > 1 ? (Reads[^1].At - Reads[0].At) / (Reads.Count - 1) : 0;
            }
        }
    }

    public void Answered(int status, double at)
    {
        lock (answered)
        {
            if (status == success)
            {
                answered.Add(at);
            }
            else
            {
                Failures++;
            }
        }
    }

    /// <summary>For each answered change in answer order, how long after its answer the figure first counted it.</summary>
    public List<double> Latencies()
    {
        List<double> times;
        lock (answered)
        {
            times = [.. answered.Order()];
        }
        var latencies = new List<double>(times.Count);
        var k = 0;
        lock (Reads)
        {
            foreach (var (at, total) in Reads)
            {
                while (k < times.Count && total > k)
                {
                    latencies.Add(Math.Max(0, at - times[k]));
                    k++;
                }
            }
        }
        return latencies;
    }
}
