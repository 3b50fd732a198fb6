using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using BrandPlatform.AppHost.Supervisor;
using BrandPlatform.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Shouldly;

namespace BrandPlatform.EndToEndTests;

/// <summary>The AppHost's supervisor: a killed service comes back, a stopped one stays stopped.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SupervisorTests(PlatformFixture platform)
{
    // A liveness bound, not a performance goal: a restarted service answers again (about 20 s on 2 busy cores); a
    // supervisor that never restarts it fails here, a slow machine does not.
    private static readonly TimeSpan AnswersAgainWithin = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan SupervisorStartsItWithin = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_service_killed_during_a_stream_of_submissions_answers_again_and_every_accepted_submission_is_counted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var baseline = await platform.TicketTotalAsync(cancellationToken);
        var accepted = new List<Guid>();
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stream = SubmitUntilCancelledAsync(accepted, streaming.Token);

        try
        {
            foreach (var service in new[] { "tickets", "reporting" })
            {
                // One process of the service (with replicas, the others carry on meanwhile).
                var instance = platform.Instances(service)[0];
                var restartsBefore = Property(service, instance, ProcessSupervisor.RestartsProperty) as int? ?? 0;
                var pid = Pid(service, instance);
                var sinceKill = Stopwatch.StartNew();
                KillServiceProcess(pid);

                // The supervisor's own part is quick; the rest is the service's start-up.
                await Eventually.ReturnsAsync(() => Task.FromResult(Property(service, instance, ProcessSupervisor.RestartsProperty)),
                    restarts => Equals(restarts, restartsBefore + 1), SupervisorStartsItWithin, $"the dashboard to count {instance}'s restart", cancellationToken);
                await AnswersAgainAsync(service, instance, pid, cancellationToken);
                sinceKill.Elapsed.ShouldBeLessThan(AnswersAgainWithin, $"{service} should answer again after kill -9");
                TestContext.Current.SendDiagnosticMessage($"{service} answered again {sinceKill.Elapsed.TotalSeconds:F1} s after kill -9");
            }
            var acceptedAfterBoth = Accepted(accepted);
            await Eventually.ReturnsAsync(() => Task.FromResult(Accepted(accepted)), n => n > acceptedAfterBoth, AnswersAgainWithin,
                "submissions to be accepted again", cancellationToken);
        }
        finally
        {
            // Also when a wait above fails: a stream left running keeps the broker busy for the tests after this one.
            await streaming.CancelAsync();
            await stream;
        }

        var submitted = Snapshot(accepted);
        submitted.Count.ShouldBeGreaterThan(0);
        await Eventually.ReturnsAsync(() => platform.CountedByReportingAsync(submitted), n => n == submitted.Count, Delivery,
            "reporting to count every submission that got a 201", cancellationToken);
        // A request cut off by the kill after its commit counts without a 201; none that got one may be missing.
        (await platform.TicketTotalAsync(cancellationToken)).ShouldBeGreaterThanOrEqualTo(baseline + submitted.Count);
        // And nothing more: once the stream has drained, reporting's programme-wide figures add up to exactly the
        // tickets the tickets service holds, so the kill neither lost an event nor applied one twice.
        var held = await platform.TicketsHeldByTicketsServiceAsync();
        await Eventually.ReturnsAsync(() => platform.TicketTotalAsync(cancellationToken), total => total == held, Delivery,
            "reporting's total to equal the tickets service's own count", cancellationToken);
        (await platform.TicketCategoriesByReportingAsync(cancellationToken)).ShouldBe(await platform.TicketCategoriesHeldByTicketsServiceAsync(), ignoreOrder: true);
    }

    [Fact]
    public async Task A_service_an_operator_stops_is_not_restarted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // An operator stops a running service, every process of it (one still starting is not what this is about).
        await platform.WaitUntilHealthyAsync("study", cancellationToken);
        var instances = platform.Instances("study");
        try
        {
            await platform.StopResourceAsync("study", cancellationToken);
            foreach (var instance in instances)
            {
                await platform.WaitForInstanceAsync("study", instance,
                    e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
            }

            // Longer than the supervisor's first back-off and a start.
            await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
            instances.Select(instance => State("study", instance)).ShouldAllBe(state => KnownResourceStates.TerminalStates.Contains(state));
        }
        finally
        {
            // The other scenarios share this platform: whatever happened above, they get study back.
            if (instances.Any(instance => KnownResourceStates.TerminalStates.Contains(State("study", instance))))
            {
                await platform.StartResourceAsync("study", cancellationToken);
            }
            await platform.WaitUntilHealthyAsync("study", cancellationToken);
        }
    }

    /// <summary>Submits one ticket after another through the gateway; failures while a service is down are expected.</summary>
    private async Task SubmitUntilCancelledAsync(List<Guid> accepted, CancellationToken cancellationToken)
    {
        var number = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(10));
                using var response = await platform.Gateway.PostAsJsonAsync("/api/tickets",
                    TicketJourneyTests.NewTicket($"守护测试工单 {++number}"), attempt.Token);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var id = await TicketJourneyTests.TicketIdAsync(response);
                    lock (accepted)
                    {
                        accepted.Add(id);
                    }
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                // down for the moment, or the stream is over
            }
        }
    }

    /// <summary>A new process took the killed one's place and the service answers on its own health endpoint.</summary>
    private async Task AnswersAgainAsync(string service, string instance, int killed, CancellationToken cancellationToken)
    {
        using var client = platform.App.CreateHttpClient(service);
        client.Timeout = TimeSpan.FromSeconds(5);
        await Eventually.ReturnsAsync(async () =>
        {
            if (Pid(service, instance) is var pid && (pid == killed || pid == 0))
            {
                return false;
            }
            try
            {
                using var response = await client.GetAsync("/health", cancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, answers => answers, AnswersAgainWithin, $"{service} to answer again", cancellationToken);
        // The orchestrator's proxy sends requests to every running process, ready or not: the scenarios after this one
        // need the new process healthy, not only the service answering through its other replica.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AnswersAgainWithin);
        await platform.WaitForInstanceAsync(service, instance, update =>
            PidOf(update.Snapshot) is var pid && pid != killed && pid != 0 && update.Snapshot.HealthStatus == HealthStatus.Healthy, timeout.Token);
    }

    /// <summary>
    /// What an operator does to the service process ps shows: kill -9 (Process.Kill sends SIGKILL). Aspire starts a
    /// project as `dotnet run`, the process the dashboard names, and the service is its child; a kill of `dotnet run`
    /// alone would leave the service answering.
    /// </summary>
    private static void KillServiceProcess(int launcher)
    {
        var service = Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0)
            .FirstOrDefault(pid => pid > 0 && ParentOf(pid) == launcher);
        using var process = Process.GetProcessById(service > 0 ? service : launcher);
        process.Kill(entireProcessTree: false);
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // "pid (name) state ppid ...": the name may hold spaces and parentheses, so read after its last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // it ended meanwhile
        }
    }

    private int Pid(string service, string instance) => PidOf(platform.Current(service, instance));

    private static int PidOf(CustomResourceSnapshot? snapshot) =>
        snapshot?.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is { } pid ? Convert.ToInt32(pid) : 0;

    private string? State(string service, string instance) => platform.Current(service, instance)?.State?.Text;

    private object? Property(string service, string instance, string name) =>
        platform.Current(service, instance)?.Properties.FirstOrDefault(property => property.Name == name)?.Value;

    private static int Accepted(List<Guid> accepted)
    {
        lock (accepted)
        {
            return accepted.Count;
        }
    }

    private static List<Guid> Snapshot(List<Guid> accepted)
    {
        lock (accepted)
        {
            return [.. accepted];
        }
    }
}
