namespace BrandPlatform.Testing;

/// <summary>Waits for something asynchronous (a consumer, a dispatcher) to become true, failing with a clear message.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(
        Func<Task<T>> probe, Func<T, bool> until, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await probe();
        while (!until(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last value: {last}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            last = await probe();
        }
        return last;
    }
}
