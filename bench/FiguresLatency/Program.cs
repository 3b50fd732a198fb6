using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Commit → figure visible. Submits tickets through the gateway at a steady rate as a government system (a 201 comes
// after the ticket and its outbox row committed) while one reader polls reporting's ticket summary as the office; the
// k-th answered ticket is visible at the first read that counts k more than the base. Prints one line per percentile.
//   FiguresLatency <gateway> <system-token> <office-token> <rate> <seconds>
if (args.Length != 5)
{
    Console.Error.WriteLine("usage: FiguresLatency <gateway> <system-token> <office-token> <rate> <seconds>");
    return 2;
}
var gateway = new Uri(args[0]);
var rate = int.Parse(args[3], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
var events = rate * seconds;

using var submitter = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = gateway };
submitter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[1]);
using var reader = new HttpClient { BaseAddress = gateway };
reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[2]);

async Task<int> TotalAsync() =>
    (await reader.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/summary")).GetProperty("total").GetInt32();

var clock = Stopwatch.StartNew();
var baseTotal = await TotalAsync();
var answered = new List<double>(events);
var failures = 0;
var reads = new List<(double At, int Total)>();
using var stop = new CancellationTokenSource();
var polling = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        var total = await TotalAsync();
        lock (reads)
        {
            reads.Add((clock.Elapsed.TotalMilliseconds, total - baseTotal));
        }
    }
});

var started = clock.Elapsed;
var submissions = new List<Task>(events);
for (var i = 0; i < events; i++)
{
    var due = started + TimeSpan.FromSeconds((double)i / rate);
    if (due > clock.Elapsed)
    {
        await Task.Delay(due - clock.Elapsed);
    }
    submissions.Add(Task.Run(async () =>
    {
        using var response = await submitter.PostAsJsonAsync("/api/tickets", new
        {
            title = "基准测试工单", category = "financing", description = "压力测试",
            enterpriseName = "三明市某某科技有限公司", unifiedSocialCreditCode = "91350100M000100Y43",
        });
        lock (answered)
        {
            if ((int)response.StatusCode == 201)
            {
                answered.Add(clock.Elapsed.TotalMilliseconds);
            }
            else
            {
                failures++;
            }
        }
    }));
}
await Task.WhenAll(submissions);
var sentIn = (clock.Elapsed - started).TotalSeconds;
var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
while (clock.Elapsed < deadline)
{
    lock (reads)
    {
        if (reads.Count > 0 && reads[^1].Total >= answered.Count)
        {
            break;
        }
    }
    await Task.Delay(50);
}
await stop.CancelAsync();
await polling;

answered.Sort();
var latencies = new List<double>(answered.Count);
var k = 0;
foreach (var (at, total) in reads)
{
    while (k < answered.Count && total > k)
    {
        latencies.Add(Math.Max(0, at - answered[k]));
        k++;
    }
}
if (failures > 0 || latencies.Count < answered.Count)
{
    Console.Error.WriteLine($"{failures} submissions refused; reporting counted {latencies.Count} of {answered.Count} within 60 s");
    return 1;
}
latencies.Sort();
double Rank(double p) => latencies[Math.Max(0, (int)Math.Ceiling(p * latencies.Count) - 1)];
var readEvery = reads.Count > 1 ? (reads[^1].At - reads[0].At) / (reads.Count - 1) : 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{events} {sentIn:F2} {Rank(0.5):F1} {Rank(0.95):F1} {latencies[^1]:F1} {readEvery:F1}"));
return 0;
