namespace BrandPlatform.IntegrationTests;

/// <summary>Sends each request to the next replica in turn, as a load balancer without affinity may.</summary>
public sealed class RoundRobin(params HttpMessageHandler[] replicas) : HttpMessageHandler
{
    private readonly HttpMessageInvoker[] invokers = [.. replicas.Select(replica => new HttpMessageInvoker(replica))];
    private int sent;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        invokers[(Interlocked.Increment(ref sent) - 1) % invokers.Length].SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        foreach (var invoker in invokers)
        {
            invoker.Dispose();
        }
        base.Dispose(disposing);
    }
}
