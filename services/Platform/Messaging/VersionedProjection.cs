using System.Reflection;
using System.Text.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Platform.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// The durable name of a projection: its receive queue is <c>{service}-{name}</c> and its rows in
/// <c>projection_positions</c> and <c>parked_events</c> carry it, so it must not change once deployed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ProjectionNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string Of(Type projectionType) =>
        projectionType.GetCustomAttribute<ProjectionNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{projectionType.FullName} has no [ProjectionName].");
}

public interface IVersionedProjection
{
    /// <summary>Applies what the event allows; returns how far the aggregate's copy got, or null when nothing changed.</summary>
    Task<ProjectionApplied?> ReceiveAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row this projection wrote (not its positions or parked events: the base class owns those), so a
    /// rebuild can apply the event history again from nothing. Runs inside the rebuild's transaction.
    /// </summary>
    Task ClearAsync(CancellationToken cancellationToken);
}

/// <summary>A projection committed its copy of an aggregate up to <paramref name="Version"/> (0 for an unnumbered event).</summary>
public sealed record ProjectionApplied(string Projection, Guid AggregateId, long Version);

/// <summary>
/// Told after a projection committed, so what reads its copy (live figures) can follow without polling. Optional: a
/// service registers as many as it needs, none by default. Called on the consumer's path, so it must return at once
/// and must not throw: the event is already applied and acknowledging it must not depend on who listens.
/// </summary>
public interface IProjectionObserver
{
    void Applied(ProjectionApplied applied);
}

/// <summary>
/// A service's copy of other services' aggregates, kept from every event of one family (<typeparamref name="TEvent"/>:
/// all ticket events, all unit events, ...) in each aggregate's order, whatever order the broker delivers them in.
/// The next version is applied; an older or already applied one is acknowledged without effect (so redeliveries and
/// replays are harmless without an inbox); one that arrives after a gap is parked in <c>parked_events</c> and applied
/// as soon as the gap fills. A snapshot (<see cref="IAggregateSnapshot"/>) is taken whenever it is newer than what the
/// projection has, and drops what it supersedes. Each applied event commits with the aggregate's position, which is
/// row-versioned: two deliveries of one aggregate at once cannot both advance it, the later one is retried.
/// MassTransit hosts one receive endpoint per projection with a consumer for every concrete type of the family.
/// </summary>
public abstract partial class VersionedProjection<TEvent, TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : IVersionedProjection
    where TEvent : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db => db;

    /// <summary>Applies one event, in its aggregate's order. Do not call SaveChanges: the base class commits.</summary>
    protected abstract Task ApplyAsync(TEvent integrationEvent, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract Task ClearAsync(CancellationToken cancellationToken);

    /// <summary>Conflicts in a row are bounded by the deliveries of one aggregate in flight at once (the prefetch).</summary>
    private const int MaxConflicts = 64;

    public async Task<ProjectionApplied?> ReceiveAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var received = (TEvent)integrationEvent;
        var projection = ProjectionNameAttribute.Of(GetType());
        CorrelationContext.Current = received.CorrelationId;
        for (var attempt = 1; ; attempt++)
        {
            // Each attempt starts from what is committed: forget whatever a failed one (or a broker retry) left tracked.
            db.ChangeTracker.Clear();
            try
            {
                return await ReceiveOnceAsync(projection, received, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxConflicts && IsConflict(exception))
            {
                // Another delivery of the same aggregate committed first: it moved the position, so this one is decided
                // again against the new one. Each conflict is someone else's progress, so this ends.
                LogConflict(logger, projection, received.AggregateId, received.AggregateVersion);
            }
        }
    }

    /// <summary>
    /// A changed position, or a row another delivery inserted first (the position, a parked event, or the projection's
    /// own first row of the aggregate, whichever PostgreSQL writes first).
    /// </summary>
    private static bool IsConflict(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.IsUniqueViolation();

    private async Task<ProjectionApplied?> ReceiveOnceAsync(string projection, TEvent received, CancellationToken cancellationToken)
    {
        if (received.AggregateId == Guid.Empty)
        {
            // Published before events were numbered (left in an outbox or a queue across the upgrade): applied as it
            // comes, as every event was then; the numbered events after it put the copy right. (A snapshot of an
            // aggregate unchanged since the upgrade is numbered 0 but names its aggregate, and goes by its position.)
            LogUnversioned(logger, projection, received.EventId);
            await ApplyAsync(received, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new ProjectionApplied(projection, received.AggregateId, received.AggregateVersion);
        }
        var position = await db.Set<ProjectionPosition>().FindAsync([projection, received.AggregateId], cancellationToken);
        if (position is null)
        {
            position = new ProjectionPosition(projection, received.AggregateId);
            db.Set<ProjectionPosition>().Add(position);
        }
        var before = (position.Started, position.Version);

        if (position.HasApplied(received))
        {
            LogIgnored(logger, projection, received.AggregateId, received.AggregateVersion, position.Version);
        }
        else if (position.IsNext(received))
        {
            await ApplyAndSaveAsync(position, received, null, cancellationToken);
        }
        else
        {
            await ParkAsync(position, received, cancellationToken);
        }
        // Also after an ignored event: an earlier attempt may have applied it and then lost the race while applying
        // what it had parked behind it.
        await ApplyParkedAsync(position, cancellationToken);
        return (position.Started, position.Version) == before ? null : new ProjectionApplied(projection, position.AggregateId, position.Version);
    }

    private async Task ParkAsync(ProjectionPosition position, TEvent received, CancellationToken cancellationToken)
    {
        var parked = db.Set<ParkedEvent>();
        if (await parked.FindAsync([position.Projection, position.AggregateId, received.AggregateVersion], cancellationToken) is not null)
        {
            LogIgnored(logger, position.Projection, received.AggregateId, received.AggregateVersion, position.Version);
            return;
        }
        var now = timeProvider.GetUtcNow();
        parked.Add(ParkedEvent.Of(position, received, now));
        position.Hold(now);
        await db.SaveChangesAsync(cancellationToken);
        LogParked(logger, position.Projection, received.AggregateId, received.AggregateVersion, position.Version + 1);
    }

    /// <summary>Applies the parked events the gap was holding back, each committed with the position it reaches.</summary>
    private async Task ApplyParkedAsync(ProjectionPosition position, CancellationToken cancellationToken)
    {
        if (position.Held == 0)
        {
            return;
        }
        var parked = await db.Set<ParkedEvent>()
            .Where(p => p.Projection == position.Projection && p.AggregateId == position.AggregateId)
            .OrderBy(p => p.Version)
            .ToListAsync(cancellationToken);
        foreach (var next in parked)
        {
            if (next.Version <= position.Version)
            {
                db.Set<ParkedEvent>().Remove(next); // superseded by a snapshot
                position.Release();
                continue;
            }
            if (next.Version != position.Version + 1)
            {
                break;
            }
            await ApplyAndSaveAsync(position, (TEvent)next.Event(), next, cancellationToken);
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task ApplyAndSaveAsync(ProjectionPosition position, TEvent integrationEvent, ParkedEvent? parked, CancellationToken cancellationToken)
    {
        await ApplyAsync(integrationEvent, cancellationToken);
        position.Advance(integrationEvent.AggregateVersion);
        if (parked is not null)
        {
            db.Set<ParkedEvent>().Remove(parked);
            position.Release();
        }
        // One commit per event: the next one's queries see what this one wrote.
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Projection}: event {EventId} is unnumbered (published before versioning); applied as it came")]
    private static partial void LogUnversioned(ILogger logger, string projection, Guid eventId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Projection}: version {Version} of {AggregateId} met a concurrent delivery of the same aggregate; deciding again")]
    private static partial void LogConflict(ILogger logger, string projection, Guid aggregateId, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Projection}: version {Version} of {AggregateId} is not newer than the applied {Applied}; acknowledged without effect")]
    private static partial void LogIgnored(ILogger logger, string projection, Guid aggregateId, long version, long applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Projection}: version {Version} of {AggregateId} arrived before version {Expected}; parked until the gap fills (GET /ops/projections/held lists what is held)")]
    private static partial void LogParked(ILogger logger, string projection, Guid aggregateId, long version, long expected);
}

/// <summary>
/// How far a projection has applied one aggregate's events, and what it holds back behind a gap. A row held for long
/// is a lost or stuck event upstream: operators see it in <c>GET /ops/projections/held</c>.
/// </summary>
public sealed class ProjectionPosition
{
    private ProjectionPosition() { }

    public ProjectionPosition(string projection, Guid aggregateId)
    {
        Projection = projection;
        AggregateId = aggregateId;
    }

    public string Projection { get; private set; } = "";
    public Guid AggregateId { get; private set; }
    /// <summary>The latest version applied; 0 before the first (a copy made before events were versioned starts at 0 too).</summary>
    public long Version { get; private set; }
    /// <summary>Whether anything was applied: a snapshot at version 0 (an aggregate older than versioning) is still news then.</summary>
    public bool Started { get; private set; }
    /// <summary>How many events are parked behind the gap after <see cref="Version"/>.</summary>
    public int Held { get; private set; }
    /// <summary>Since when the oldest parked event has waited.</summary>
    public DateTimeOffset? HeldSince { get; private set; }
    /// <summary>PostgreSQL's row version (xmin): the guard against two deliveries advancing one aggregate at once.</summary>
    public uint RowVersion { get; private set; }

    public bool HasApplied(IntegrationEvent integrationEvent) => integrationEvent is IAggregateSnapshot
        ? Started && integrationEvent.AggregateVersion <= Version
        : integrationEvent.AggregateVersion <= Version;

    public bool IsNext(IntegrationEvent integrationEvent) =>
        integrationEvent is IAggregateSnapshot || integrationEvent.AggregateVersion == Version + 1;

    internal void Advance(long version)
    {
        Version = version;
        Started = true;
    }

    internal void Hold(DateTimeOffset now)
    {
        Held++;
        HeldSince ??= now;
    }

    internal void Release()
    {
        Held--;
        if (Held == 0)
        {
            HeldSince = null;
        }
    }
}

/// <summary>An event that arrived after a gap in its aggregate's versions, kept until the events before it are applied.</summary>
public sealed class ParkedEvent
{
    private ParkedEvent() { }

    public string Projection { get; private set; } = "";
    public Guid AggregateId { get; private set; }
    public long Version { get; private set; }
    public string EventName { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset ParkedAt { get; private set; }

    internal static ParkedEvent Of(ProjectionPosition position, IntegrationEvent integrationEvent, DateTimeOffset now) => new()
    {
        Projection = position.Projection,
        AggregateId = position.AggregateId,
        Version = integrationEvent.AggregateVersion,
        EventName = EventNameAttribute.Of(integrationEvent.GetType()),
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), OutboxExtensions.PayloadJson),
        ParkedAt = now,
    };

    internal IntegrationEvent Event() =>
        (IntegrationEvent)(JsonSerializer.Deserialize(Payload, EventCatalog.TypeOf(EventName), OutboxExtensions.PayloadJson)
            ?? throw new InvalidOperationException($"Parked event {Projection}/{AggregateId}/{Version} has an empty payload."));
}

/// <summary>
/// Delivers one concrete event type to its projection, then tells the observers what it committed; MassTransit puts
/// all of a projection's on one endpoint.
/// </summary>
public sealed class ProjectionConsumer<TMessage, TProjection>(TProjection projection, IEnumerable<IProjectionObserver> observers)
    : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TProjection : IVersionedProjection
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        if (await projection.ReceiveAsync(context.Message, context.CancellationToken) is not { } applied)
        {
            return;
        }
        foreach (var observer in observers)
        {
            observer.Applied(applied);
        }
    }
}

public static class VersionedProjections
{
    /// <summary>Adds the positions and parked events of the service's projections to its model.</summary>
    public static ModelBuilder AddVersionedProjections(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProjectionPosition>(position =>
        {
            position.ToTable("projection_positions");
            position.HasKey(p => new { p.Projection, p.AggregateId });
            position.Property(p => p.Projection).HasMaxLength(100);
            position.Property(p => p.RowVersion).IsRowVersion();
            position.HasIndex(p => p.HeldSince).HasFilter("held > 0");
        });
        modelBuilder.Entity<ParkedEvent>(parked =>
        {
            parked.ToTable("parked_events");
            parked.HasKey(p => new { p.Projection, p.AggregateId, p.Version });
            parked.Property(p => p.Projection).HasMaxLength(100);
            parked.Property(p => p.EventName).HasMaxLength(200);
            parked.Property(p => p.Payload).HasColumnType("jsonb");
        });
        return modelBuilder;
    }

    /// <summary>A projection found in a service's assembly: its class, name and queue, its event family and the event types it consumes.</summary>
    internal sealed record Registration(Type Projection, string Name, string Queue, Type Family, IReadOnlyList<Type> Events);

    /// <summary>
    /// The projections of <paramref name="assembly"/>, each with every concrete event of its family: an aggregate's
    /// versions run through all of its events, so a projection that skipped one type would wait on a gap forever.
    /// </summary>
    internal static IReadOnlyList<Registration> In(Assembly assembly, string serviceName) =>
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IVersionedProjection).IsAssignableFrom(t))
            .Select(t => (Type: t, Name: ProjectionNameAttribute.Of(t), Family: FamilyOf(t)))
            .Select(p => new Registration(p.Type, p.Name, $"{serviceName}-{p.Name}", p.Family, EventsOf(p.Family)))
            .ToList();

    internal static void AddProjections(this IBusRegistrationConfigurator bus, IServiceCollection services, IEnumerable<Registration> projections)
    {
        foreach (var projection in projections)
        {
            services.AddScoped(projection.Projection);
            foreach (var eventType in projection.Events)
            {
                bus.AddConsumer(typeof(ProjectionConsumer<,>).MakeGenericType(eventType, projection.Projection))
                    .Endpoint(endpoint => endpoint.Name = projection.Queue);
            }
        }
    }

    private static Type FamilyOf(Type projection)
    {
        for (var type = projection.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(VersionedProjection<,>))
            {
                return type.GetGenericArguments()[0];
            }
        }
        throw new InvalidOperationException($"{projection.FullName} does not derive from VersionedProjection.");
    }

    private static IReadOnlyList<Type> EventsOf(Type family) =>
        typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false } && family.IsAssignableFrom(t) && t.IsDefined(typeof(EventNameAttribute), false))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
