namespace BrandPlatform.AppHost.Supervisor;

/// <summary>
/// One process's recent crashes, and the back-off and crash budget that follow from them: the n-th crash within the
/// window waits InitialDelay·2ⁿ⁻¹ (at most MaxDelay) before its restart, and the crash after MaxRestarts restarts in
/// the window is not restarted, so a process that cannot stay up does not flood its log and the machine.
/// </summary>
public sealed class CrashHistory(SupervisorOptions options)
{
    private readonly Queue<DateTimeOffset> crashes = new();

    public RestartDecision Crashed(DateTimeOffset at)
    {
        while (crashes.TryPeek(out var oldest) && at - oldest >= options.Window)
        {
            crashes.Dequeue();
        }
        crashes.Enqueue(at);
        if (crashes.Count > options.MaxRestarts)
        {
            return new RestartDecision(GiveUp: true, TimeSpan.Zero, crashes.Count);
        }
        // Doubling stops at the cap before it could overflow.
        var delay = options.InitialDelay;
        for (var i = 1; i < crashes.Count && delay < options.MaxDelay; i++)
        {
            delay *= 2;
        }
        return new RestartDecision(GiveUp: false, delay < options.MaxDelay ? delay : options.MaxDelay, crashes.Count);
    }

    /// <summary>An operator started the process again after the supervisor gave up: it gets a fresh budget.</summary>
    public void Forget() => crashes.Clear();
}
