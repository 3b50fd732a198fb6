using BrandPlatform.Contracts.Tickets;
using BrandPlatform.IntegrationTests.Projections;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Features.TicketFigures;
using BrandPlatform.Reporting.Infrastructure;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// Reporting's ticket record is the same whatever order the broker delivers a ticket's events in, with duplicates and
/// at once: the projection applies by version against its real database.
/// </summary>
public sealed class TicketRecordsProjectionTests(ProjectionDatabase<ReportingDbContext> database)
    : IClassFixture<ProjectionDatabase<ReportingDbContext>>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Any_delivery_order_with_duplicates_gives_the_record_of_the_ticket_s_order()
    {
        const int events = 12;
        var deliveries = Gen.Int[0, events - 1].Array[0, 6]
            .SelectMany(duplicates => Gen.Shuffle(Enumerable.Range(0, events).Concat(duplicates).ToArray()));

        await deliveries.SampleAsync(async order =>
        {
            var sequence = TicketEventSequence.Of(Guid.CreateVersion7());
            foreach (var index in order)
            {
                await DeliverAsync(sequence[index]);
            }
            await ShouldMatchInOrderAsync(sequence);
        }, iter: 30, threads: 1);
    }

    [Fact]
    public async Task Deliveries_of_one_ticket_at_once_give_the_record_of_the_ticket_s_order()
    {
        for (var round = 0; round < 5; round++)
        {
            var sequence = TicketEventSequence.Of(Guid.CreateVersion7());
            await Task.WhenAll(sequence.Concat(sequence.Take(4)).OrderBy(_ => Random.Shared.Next()).Select(DeliverAsync));
            await ShouldMatchInOrderAsync(sequence);
        }
    }

    [Fact]
    public async Task The_confirmation_delivered_before_the_return_visit_of_its_step_leaves_the_ticket_confirmed()
    {
        var sequence = TicketEventSequence.Of(Guid.CreateVersion7());
        foreach (var e in sequence[..10].Append(sequence[11]).Append(sequence[10]))
        {
            await DeliverAsync(e);
        }

        var record = await RecordAsync(sequence[0].TicketId);
        record!.State.ShouldBe("confirmed");
        record.Satisfaction.ShouldBe("satisfied");
        record.ResolvedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task An_older_event_delivered_again_later_is_acknowledged_without_effect()
    {
        var sequence = TicketEventSequence.Of(Guid.CreateVersion7());
        foreach (var e in sequence[..7])
        {
            await DeliverAsync(e);
        }
        var before = TicketEventSequence.Describe((await RecordAsync(sequence[0].TicketId))!);

        // A replay of the first resolution under a new message id, after the reopening.
        await DeliverAsync(sequence[4] with { EventId = Guid.NewGuid() });

        TicketEventSequence.Describe((await RecordAsync(sequence[0].TicketId))!).ShouldBe(before);
        (await RecordAsync(sequence[0].TicketId))!.ResolvedAt.ShouldBeNull("the reopened ticket stays unresolved");
        (await PositionAsync(sequence[0].TicketId)).Version.ShouldBe(7);
    }

    [Fact]
    public async Task Events_after_a_gap_are_held_visibly_and_applied_when_it_fills()
    {
        var sequence = TicketEventSequence.Of(Guid.CreateVersion7());
        var ticket = sequence[0].TicketId;
        await DeliverAsync(sequence[0]);
        await DeliverAsync(sequence[2]);
        await DeliverAsync(sequence[3]);
        await DeliverAsync(sequence[3]);

        (await RecordAsync(ticket))!.State.ShouldBe("submitted");
        var held = await PositionAsync(ticket);
        held.Version.ShouldBe(1);
        held.Held.ShouldBe(2);
        held.HeldSince.ShouldNotBeNull();
        (await ParkedAsync(ticket)).ShouldBe([3, 4]);

        await DeliverAsync(sequence[1]);

        var filled = await PositionAsync(ticket);
        filled.Version.ShouldBe(4);
        filled.Held.ShouldBe(0);
        filled.HeldSince.ShouldBeNull();
        (await ParkedAsync(ticket)).ShouldBeEmpty();
        TicketEventSequence.Describe((await RecordAsync(ticket))!).ShouldBe(TicketEventSequence.Describe(TicketEventSequence.InOrder(sequence[..4])));
    }

    [Fact]
    public async Task An_event_published_before_events_were_numbered_is_applied_and_the_numbered_ones_follow_it()
    {
        // A ticket submitted before the upgrade: its submission left unnumbered; its row's count starts at 0, so the
        // acceptance after the upgrade is number 1.
        var sequence = TicketEventSequence.Of(Guid.CreateVersion7());
        var ticket = sequence[0].TicketId;

        await DeliverAsync(sequence[0] with { AggregateId = Guid.Empty, AggregateVersion = 0 });
        await DeliverAsync(sequence[1] with { AggregateVersion = 1 });

        var record = await RecordAsync(ticket);
        record!.State.ShouldBe("accepted");
        record.Number.ShouldBe(sequence[0].Number);
        (await PositionAsync(ticket)).Version.ShouldBe(1);
    }

    private async Task DeliverAsync(TicketEvent integrationEvent)
    {
        await using var db = database.NewContext();
        await new TicketRecordsProjection(db, TimeProvider.System, NullLogger<TicketRecordsProjection>.Instance)
            .ReceiveAsync(integrationEvent, Cancel);
    }

    private async Task ShouldMatchInOrderAsync(TicketEvent[] sequence)
    {
        var record = await RecordAsync(sequence[0].TicketId);
        TicketEventSequence.Describe(record.ShouldNotBeNull()).ShouldBe(TicketEventSequence.Describe(TicketEventSequence.InOrder(sequence)));
        (await PositionAsync(sequence[0].TicketId)).Version.ShouldBe(sequence.Length);
        (await ParkedAsync(sequence[0].TicketId)).ShouldBeEmpty();
    }

    private async Task<TicketRecord?> RecordAsync(Guid ticket)
    {
        await using var db = database.NewContext();
        return await db.TicketRecords.AsNoTracking().SingleOrDefaultAsync(t => t.TicketId == ticket, Cancel);
    }

    private async Task<ProjectionPosition> PositionAsync(Guid ticket)
    {
        await using var db = database.NewContext();
        return await db.Set<ProjectionPosition>().AsNoTracking().SingleAsync(p => p.AggregateId == ticket, Cancel);
    }

    private async Task<List<long>> ParkedAsync(Guid ticket)
    {
        await using var db = database.NewContext();
        return await db.Set<ParkedEvent>().Where(p => p.AggregateId == ticket).OrderBy(p => p.Version).Select(p => p.Version).ToListAsync(Cancel);
    }
}
