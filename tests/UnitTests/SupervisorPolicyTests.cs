using BrandPlatform.AppHost.Supervisor;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class SupervisorPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly SupervisorOptions Defaults = new();

    [Fact]
    public void Each_crash_in_the_window_doubles_the_wait_up_to_the_cap()
    {
        var history = new CrashHistory(new SupervisorOptions { MaxRestarts = 10, MaxDelay = TimeSpan.FromSeconds(10) });

        var delays = Enumerable.Range(0, 6).Select(i => history.Crashed(Start.AddSeconds(i)).Delay.TotalSeconds).ToList();

        delays.ShouldBe([1, 2, 4, 8, 10, 10]);
    }

    [Fact]
    public void The_crash_after_the_allowed_restarts_within_ten_minutes_gives_up()
    {
        var history = new CrashHistory(Defaults);

        var decisions = Enumerable.Range(0, 6).Select(i => history.Crashed(Start.AddMinutes(i))).ToList();

        decisions.Take(5).ShouldAllBe(decision => !decision.GiveUp);
        decisions[5].GiveUp.ShouldBeTrue();
        decisions[5].CrashesInWindow.ShouldBe(6);
    }

    [Fact]
    public void Crashes_older_than_the_window_are_forgotten()
    {
        var history = new CrashHistory(Defaults);
        for (var i = 0; i < 5; i++)
        {
            history.Crashed(Start.AddSeconds(i));
        }

        var later = history.Crashed(Start.AddMinutes(10).AddSeconds(2));

        later.GiveUp.ShouldBeFalse();
        later.CrashesInWindow.ShouldBe(3, "the crashes at 0 s, 1 s and 2 s left the window");
        later.Delay.ShouldBe(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void A_process_started_again_after_the_supervisor_gave_up_gets_a_fresh_budget()
    {
        var history = new CrashHistory(Defaults);
        for (var i = 0; i < 6; i++)
        {
            history.Crashed(Start.AddSeconds(i));
        }

        history.Forget();

        history.Crashed(Start.AddSeconds(10)).ShouldBe(new RestartDecision(GiveUp: false, TimeSpan.FromSeconds(1), CrashesInWindow: 1));
    }

    [Fact]
    public void A_failed_start_is_explained_by_the_servers_first_complaint_and_the_exit_code()
    {
        // PostgreSQL on a port another server holds, as the AppHost's resource log keeps it.
        string[] log =
        [
            "2026-12-01T19:49:53.6370000Z 2026-12-01 19:49:53.632 UTC [5899] LOG:  starting PostgreSQL 15.18 on x86_64-pc-linux-gnu",
            "2026-12-01T19:49:53.6370000Z 2026-12-01 19:49:53.632 UTC [5899] LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use",
            "2026-12-01T19:49:53.6370000Z 2026-12-01 19:49:53.632 UTC [5899] HINT:  Is another postmaster already running on port 47432?",
            "2026-12-01T19:49:53.6380000Z 2026-12-01 19:49:53.632 UTC [5899] FATAL:  could not create any TCP/IP sockets",
            "2026-12-01T19:49:53.6400000Z 2026-12-01 19:49:53.640 UTC [5899] LOG:  database system is shut down",
        ];

        FailureReason.Describe(log, exitCode: 1).ShouldBe(
            "2026-12-01 19:49:53.632 UTC [5899] LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use (exit code 1)");
    }

    [Fact]
    public void Only_the_last_lines_of_a_long_log_are_searched_for_the_cause()
    {
        var log = new[] { "warn: an old error long before the end" }
            .Concat(Enumerable.Range(1, 10).Select(i => $"line {i}"))
            .Append("FATAL:  lock file \"postmaster.pid\" already exists")
            .Append("HINT:  Is another postmaster (PID 4100) running in data directory?");

        FailureReason.Describe(log, exitCode: 1).ShouldBe("FATAL:  lock file \"postmaster.pid\" already exists (exit code 1)");
    }

    [Fact]
    public void A_service_s_unhandled_exception_is_named_rather_than_its_stack_frames()
    {
        string[] log =
        [
            "info: Microsoft.Hosting.Lifetime[0]",
            "      Application started.",
            "Unhandled exception. Npgsql.PostgresException (0x80004005): 3D000: database \"ticketsdb\" does not exist",
            "   at Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async)",
            "   at Program.<Main>$(String[] args) in /src/Program.cs:line 12",
            "",
        ];

        FailureReason.Describe(log, exitCode: 134)
            .ShouldBe("Unhandled exception. Npgsql.PostgresException (0x80004005): 3D000: database \"ticketsdb\" does not exist (exit code 134)");
    }

    [Fact]
    public void Without_a_log_the_exit_code_is_the_reason_and_without_either_it_says_so()
    {
        FailureReason.Describe([], exitCode: 137).ShouldBe("exit code 137");
        FailureReason.Describe(["   "], exitCode: null).ShouldBe("it ended without a log line or exit code");
        FailureReason.Describe(["listening on 127.0.0.1"], exitCode: null).ShouldBe("listening on 127.0.0.1");
    }

    [Fact]
    public void A_long_reason_stays_one_short_line()
    {
        var reason = FailureReason.Describe([new string('x', 500) + " error"], exitCode: 2);

        reason.ShouldNotContain("\n");
        reason.Length.ShouldBe(300 + " (exit code 2)".Length);
    }
}
