namespace BrandPlatform.AppHost.Supervisor;

/// <summary>
/// Supervisor:* — how the AppHost treats a supervised process that ends unexpectedly. The defaults live here; the
/// runbook names the keys.
/// </summary>
public sealed class SupervisorOptions
{
    public const string Section = "Supervisor";

    /// <summary>Off leaves crashed processes down, as Aspire itself does.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The wait before the first restart; each further crash in the window doubles it.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Restarts allowed within <see cref="Window"/>; the crash after them ends supervision of that process.</summary>
    public int MaxRestarts { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A process that fails before it was ever healthy (PostgreSQL finding its port taken, a service that cannot
    /// migrate) stops the whole application with exit code 1 and one line on standard error, instead of leaving
    /// everything that waits for it waiting.
    /// </summary>
    public bool StopOnFailedStart { get; set; } = true;
}
