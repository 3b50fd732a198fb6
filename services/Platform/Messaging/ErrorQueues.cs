using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Resources;
using BrandPlatform.Platform.Security;
using System.Reflection;
using MassTransit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// Moves messages a consumer gave up on from <c>{queue}_error</c> back to <c>{queue}</c>, unchanged (body, headers,
/// MessageId), once the cause is fixed. A projection's versions (or a consumer's inbox) make a replay of an applied message harmless.
/// </summary>
public sealed partial class ErrorQueueReplayer(Uri broker, IReadOnlyList<string> queues, ILogger<ErrorQueueReplayer> logger)
{
    public const string ErrorSuffix = "_error";

    public async Task<IReadOnlyDictionary<string, int>> ReplayAllAsync(int maxPerQueue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "error-queue-replay" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var replayed = new Dictionary<string, int>();
        foreach (var queue in queues)
        {
            replayed[queue] = await ReplayAsync(connection, queue, maxPerQueue, cancellationToken);
        }
        return replayed;
    }

    private async Task<int> ReplayAsync(IConnection connection, string queue, int max, CancellationToken cancellationToken)
    {
        var count = await MoveAsync(connection, queue + ErrorSuffix, queue, max, cancellationToken);
        if (count > 0)
        {
            LogReplayed(logger, count, queue);
        }
        return count;
    }

    /// <summary>Moves up to <paramref name="max"/> messages, unchanged, from one queue to another; none when the first does not exist.</summary>
    internal static async Task<int> MoveAsync(IConnection connection, string from, string to, int max, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(from, cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // e.g. no message of this queue ever faulted
        }

        var count = 0;
        while (count < max && await channel.BasicGetAsync(from, autoAck: false, cancellationToken) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties);
            await channel.BasicPublishAsync("", to, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            count++;
        }
        return count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replayed {Count} messages from {Queue}_error to {Queue}")]
    private static partial void LogReplayed(ILogger logger, int count, string queue);

    /// <summary>The receive queues MassTransit creates for the consumers in <paramref name="assembly"/> (projections' are named by the registration).</summary>
    internal static IReadOnlyList<string> QueuesOf(Assembly assembly, IEndpointNameFormatter formatter) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces()
                .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            .Select(t => (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!
                .MakeGenericMethod(t).Invoke(formatter, null)!)
            .ToList();
}

public static class ErrorQueueEndpoints
{
    public const string ReplayPath = "/ops/error-queues/replay";

    /// <summary>
    /// An operations endpoint on the service itself (the gateway does not route /ops), used by operators and by the
    /// dashboard's "重放错误队列" command.
    /// </summary>
    public static IEndpointRouteBuilder MapErrorQueueReplay(this IEndpointRouteBuilder app)
    {
        app.MapHeldEvents();
        app.MapProjectionRebuilds();
        app.MapPost(ReplayPath, async Task<Results<Ok<IReadOnlyDictionary<string, int>>, ProblemHttpResult>> (
                ErrorQueueReplayer replayer, int? max, CancellationToken cancellationToken) =>
            {
                try
                {
                    return TypedResults.Ok(await replayer.ReplayAllAsync(Math.Clamp(max ?? 1000, 1, 10_000), cancellationToken));
                }
                catch (BrokerUnreachableException)
                {
                    // The operator is told what to fix, not a 500.
                    return BrokerUnreachable();
                }
            })
            .RequireOperator()
            .WithName("ReplayErrorQueues")
            .WithTags("Operations")
            .WithSummary("Move faulted messages back to their queues for another attempt");
        return app;
    }

    internal static ProblemHttpResult BrokerUnreachable() => TypedResults.Problem(
        title: PlatformTexts.BrokerUnreachable_Title, detail: PlatformTexts.BrokerUnreachable_Detail, statusCode: StatusCodes.Status503ServiceUnavailable);
}

/// <summary>Every service has the operations endpoints, so their examples live with them.</summary>
internal sealed class OperationsExamples : IApiExamples
{
    public void Describe(ApiExamples examples) => examples
        .Add("ReplayErrorQueues", response: new Dictionary<string, int> { ["reporting-ticket-records"] = 3 },
            problems: [ErrorQueueEndpoints.BrokerUnreachable().ProblemDetails])
        .Add("ListHeldProjectionEvents", response: new[]
        {
            new HeldAggregate("ticket-records", new Guid("019a6f4e-8d2c-7b1a-9c3e-5f7a2b4c6d8e"), 4, 5, 2,
                new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(8))),
        })
        .Add("ListProjections", response: new[]
        {
            new ProjectionState("ticket-records", "reporting-ticket-records", "TicketEvent",
                ["tickets.ticket-submitted.v1", "tickets.ticket-accepted.v1"], 1284, 0),
        })
        .Add("RebuildProjection", response: new ProjectionRebuildAccepted("ticket-records"),
            problems: [ProjectionRebuildEndpoints.UnknownProjection("ticket-record").ProblemDetails]);
}
