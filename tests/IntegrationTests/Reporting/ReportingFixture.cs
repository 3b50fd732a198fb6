using System.Collections.Concurrent;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.IntegrationTests.Reporting;

public sealed class ReportingFixture(TestServers servers) : IAsyncLifetime
{
    private ConnectHandle? observerHandle;

    public ServiceFactory<ReportingDbContext> Service { get; private set; } = null!;
    /// <summary>The committee's office: figures are for people, not for government systems.</summary>
    public HttpClient Client { get; private set; } = null!;
    public IBus Bus => Service.Services.GetRequiredService<IBus>();
    public ConsumedMessages Consumed { get; } = new();
    public TestServers Servers => servers;
    public IdentityHost Identity { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var identity = Identity = await IdentityHost.SharedAsync(servers);
        // Any held event makes the health degraded at once, so a test can see the alert.
        Service = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb",
            new Dictionary<string, string?> { ["Messaging:Projections:HeldAlertAfter"] = "00:00:00" }, identity.Backchannel());
        await Service.WaitUntilHealthyAsync(TestContext.Current.CancellationToken);
        Client = await identity.ClientForPersonAsync(Service, "office");
        observerHandle = Bus.ConnectConsumeObserver(Consumed);
    }

    public async ValueTask DisposeAsync()
    {
        observerHandle?.Disconnect();
        Client.Dispose();
        await Service.DisposeAsync();
    }
}

/// <summary>Counts finished consumptions (successful or not) per MessageId, so a test knows a delivery was handled.</summary>
public sealed class ConsumedMessages : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> completed = new();
    private readonly ConcurrentDictionary<Guid, int> faulted = new();

    public int Completed(Guid messageId) => completed.GetValueOrDefault(messageId);
    public int Faulted(Guid messageId) => faulted.GetValueOrDefault(messageId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        completed.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        faulted.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
