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
    public void A_failed_start_is_explained_by_the_servers_fatal_line_and_the_exit_code()
    {
        string[] log =
        [
            "2026-12-01 09:00:00.000 CST [4242] FATAL:  lock file \"postmaster.pid\" already exists",
            "2026-12-01 09:00:00.000 CST [4242] HINT:  Is another postmaster (PID 4100) running in data directory \"/var/lib/brandplatform/postgres\"?",
        ];

        FailureReason.Describe(log, exitCode: 1)
            .ShouldBe("2026-12-01 09:00:00.000 CST [4242] FATAL:  lock file \"postmaster.pid\" already exists (exit code 1)");
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
