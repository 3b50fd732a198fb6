namespace BrandPlatform.AppHost.Supervisor;

/// <summary>What to do about one crash: restart after <see cref="Delay"/>, or give up.</summary>
/// <param name="CrashesInWindow">This crash and the earlier ones still inside the window.</param>
public readonly record struct RestartDecision(bool GiveUp, TimeSpan Delay, int CrashesInWindow);
