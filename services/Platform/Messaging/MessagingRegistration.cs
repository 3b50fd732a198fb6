using BrandPlatform.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.Platform.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// MassTransit on RabbitMQ by convention: the service assembly's consumers get queues named
    /// <c>{service}-{consumer}</c>, its versioned projections one queue each, <c>{service}-{projection}</c>; events go to exchanges named by their versioned <see cref="EventNameAttribute"/>;
    /// a failing message is retried with back-off, then moved to the queue's <c>_error</c> queue for replay.
    /// </summary>
    public static WebApplicationBuilder AddPlatformMessaging<TDbContext>(this WebApplicationBuilder builder, string serviceName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(Hosting.PlatformService.BrokerConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{Hosting.PlatformService.BrokerConnectionName} is not configured.");
        var retry = builder.Configuration.GetSection("Messaging:Retry").Get<RetryOptions>() ?? new RetryOptions();

        var endpointNames = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
        var projections = VersionedProjections.In(typeof(TDbContext).Assembly, serviceName);
        var historyQueue = $"{serviceName}-event-history";
        var consumerQueues = ErrorQueueReplayer.QueuesOf(typeof(TDbContext).Assembly, endpointNames);
        builder.Services.AddSingleton(services => new ErrorQueueReplayer(
            new Uri(connectionString),
            [.. consumerQueues, historyQueue, .. projections.Select(p => p.Queue)],
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ErrorQueueReplayer>>()));
        builder.Services.AddHostedService(services => new RetiredQueues(
            new Uri(connectionString),
            [.. projections.SelectMany(p => p.Events.Select(e => new RetiredQueues.Queue($"{serviceName}-{endpointNames.SanitizeName(e.Name)}", p.Queue)))
                .Where(q => !consumerQueues.Contains(q.Name))],
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RetiredQueues>>()));
        builder.Services.AddScoped<HeldEvents, HeldEvents<TDbContext>>();
        builder.Services.AddScoped<ProjectionRebuilds>(services => ActivatorUtilities.CreateInstance<ProjectionRebuilds<TDbContext>>(services, projections));
        builder.Services.AddHealthChecks().AddCheck<HeldEventsHealthCheck>(HeldEventsHealthCheck.Name);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(endpointNames);
            bus.AddConsumers(typeof(TDbContext).Assembly);
            bus.AddProjections(builder.Services, projections);
            // Every service answers a rebuild with its history, whoever owns the projection.
            bus.AddConsumer<EventHistoryConsumer<TDbContext>>().Endpoint(endpoint => endpoint.Name = historyQueue);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                endpoint.UseMessageRetry(r => r.Exponential(
                    retry.Limit, retry.MinInterval, retry.MaxInterval, retry.IntervalDelta)));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.MessageTopology.SetEntityNameFormatter(
                    new EventNameEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    public sealed class RetryOptions
    {
        public int Limit { get; set; } = 5;
        public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
        public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
        public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(500);
    }

    /// <summary>Exchanges carry the event's versioned wire name rather than its CLR namespace.</summary>
    private sealed class EventNameEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
    {
        public string FormatEntityName<T>() =>
            typeof(T).IsDefined(typeof(EventNameAttribute), false)
                ? EventNameAttribute.Of(typeof(T))
                : fallback.FormatEntityName<T>();
    }
}
