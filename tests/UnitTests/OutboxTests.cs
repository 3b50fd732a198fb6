using System.Diagnostics;
using System.Text.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class OutboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Retry_delay_doubles_per_attempt_and_stops_at_the_cap()
    {
        var cap = TimeSpan.FromSeconds(10);
        Enumerable.Range(1, 6).Select(a => OutboxMessage.RetryDelay(a, cap).TotalSeconds)
            .ShouldBe([1, 2, 4, 8, 10, 10]);
        OutboxMessage.RetryDelay(1000, cap).ShouldBe(cap);
    }

    [Fact]
    public void A_failed_publish_is_recorded_and_postponed_and_a_later_success_clears_the_error()
    {
        var message = OutboxMessage.Create(Guid.NewGuid(), "tickets.ticket-submitted.v1", "{}", Now, null, null, null);
        message.NextAttemptAt.ShouldBe(Now);

        message.MarkFailed(Now, "connection refused", TimeSpan.FromSeconds(30));
        message.MarkFailed(Now.AddSeconds(1), new string('x', 5000), TimeSpan.FromSeconds(30));

        message.Attempts.ShouldBe(2);
        message.NextAttemptAt.ShouldBe(Now.AddSeconds(1 + 2));
        message.LastError!.Length.ShouldBe(2000);
        message.SentAt.ShouldBeNull();

        message.MarkSent(Now.AddSeconds(5));
        message.SentAt.ShouldBe(Now.AddSeconds(5));
        message.LastError.ShouldBeNull();
    }

    [Fact]
    public void Adding_an_event_writes_a_row_with_its_id_versioned_name_payload_correlation_and_trace()
    {
        using var db = new OutboxOnlyContext();
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        CorrelationContext.Current = "corr-42";
        var submitted = NewTicketSubmitted();

        db.AddIntegrationEvent(submitted);

        var row = db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
        row.Id.ShouldBe(submitted.EventId);
        row.EventName.ShouldBe("tickets.ticket-submitted.v1");
        row.OccurredAt.ShouldBe(submitted.OccurredAt);
        row.CorrelationId.ShouldBe("corr-42");
        row.TraceParent.ShouldBe(activity.Id);
        var payload = JsonSerializer.Deserialize<TicketSubmitted>(row.Payload, JsonSerializerOptions.Web)!;
        payload.TicketId.ShouldBe(submitted.TicketId);
        payload.CorrelationId.ShouldBe("corr-42");
        CorrelationContext.Current = null;
    }

    [Fact]
    public void Every_event_in_the_contracts_has_a_unique_versioned_name()
    {
        var events = typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(IntegrationEvent))).ToList();
        events.ShouldNotBeEmpty();
        var names = events.Select(EventNameAttribute.Of).ToList();
        names.ShouldBeUnique();
        names.ShouldAllBe(n => System.Text.RegularExpressions.Regex.IsMatch(n, @"^[a-z]+\.[a-z-]+\.v\d+$"));
        EventCatalog.TypeOf("tickets.ticket-submitted.v1").ShouldBe(typeof(TicketSubmitted));
        Should.Throw<InvalidOperationException>(() => EventCatalog.TypeOf("tickets.unknown.v1"));
    }

    private static TicketSubmitted NewTicketSubmitted() => new()
    {
        OccurredAt = Now,
        TicketId = Guid.NewGuid(),
        Number = "QY-2026-000001",
        Category = "financing",
        RequesterName = "某某公司",
        EnterpriseCode = "91350100M000100Y43",
        SubmittedAt = Now,
    };

    /// <summary>Only builds the model; nothing here touches a database.</summary>
    private sealed class OutboxOnlyContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) =>
            options.UseNpgsql("Host=unused").UseSnakeCaseNamingConvention();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
    }
}
