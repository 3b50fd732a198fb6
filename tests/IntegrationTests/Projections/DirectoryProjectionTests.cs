using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Study.Features.Branches;
using BrandPlatform.Study.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Projections;

/// <summary>
/// The directory copies (units, branch rosters) apply each unit's and each person's events in order, whatever order
/// they are delivered in, against study's real database.
/// </summary>
public sealed class DirectoryProjectionTests(ProjectionDatabase<StudyDbContext> database) : IClassFixture<ProjectionDatabase<StudyDbContext>>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 25);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_moved_then_deactivated_unit_delivered_backwards_ends_deactivated_under_its_new_parent()
    {
        var (unit, branchA, branchB) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var events = Numbered(unit,
            new OrganisationUnitCreated { UnitId = unit, Kind = "partyGroup", Name = "第一党小组", ParentId = branchA, ValidFrom = Day, OccurredAt = Now },
            new OrganisationUnitMoved { UnitId = unit, Kind = "partyGroup", FromParentId = branchA, ToParentId = branchB, OccurredAt = Now.AddDays(1) },
            new OrganisationUnitDeactivated { UnitId = unit, Kind = "partyGroup", ValidTo = Day.AddDays(2), OccurredAt = Now.AddDays(2) });

        foreach (var e in events.Reverse())
        {
            await DeliverUnitAsync(e);
        }

        await using var db = database.NewContext();
        var copy = await db.Units.SingleAsync(u => u.Id == unit, Cancel);
        copy.ParentId.ShouldBe(branchB);
        copy.ValidTo.ShouldBe(Day.AddDays(2));
        copy.Name.ShouldBe("第一党小组");
    }

    [Fact]
    public async Task A_unit_announced_again_reaches_a_new_copy_and_the_older_events_after_it_change_nothing()
    {
        var (unit, branchA, branchB) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var events = Numbered(unit,
            new OrganisationUnitCreated { UnitId = unit, Kind = "partyGroup", Name = "第二党小组", ParentId = branchA, ValidFrom = Day, OccurredAt = Now },
            new OrganisationUnitMoved { UnitId = unit, Kind = "partyGroup", FromParentId = branchA, ToParentId = branchB, OccurredAt = Now.AddDays(1) });
        // The snapshot carries the version of the latest change, as the directory stamps it.
        var announced = new OrganisationUnitAnnounced
        {
            UnitId = unit, Kind = "partyGroup", Name = "第二党小组", ParentId = branchB, ValidFrom = Day, OccurredAt = Now.AddDays(5),
            AggregateId = unit, AggregateVersion = 2,
        };

        await DeliverUnitAsync(events[1]);
        await DeliverUnitAsync(announced);
        await DeliverUnitAsync(events[0]);
        await DeliverUnitAsync(announced);

        await using var db = database.NewContext();
        (await db.Units.SingleAsync(u => u.Id == unit, Cancel)).ParentId.ShouldBe(branchB);
        var position = await db.Set<ProjectionPosition>().SingleAsync(p => p.AggregateId == unit, Cancel);
        position.Version.ShouldBe(2);
        position.Held.ShouldBe(0, "the snapshot superseded the parked move");
        (await db.Set<ParkedEvent>().CountAsync(p => p.AggregateId == unit, Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_moving_branches_delivered_backwards_ends_in_the_new_branch_only()
    {
        var (person, branchA, branchB) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        // Person.Join raises the leave of the old branch before the join of the new one.
        var events = Numbered(person,
            new PersonRegistered { PersonId = person, DisplayName = "王小明", Roles = ["Member"], OccurredAt = Now },
            new MemberJoinedBranch { PersonId = person, BranchId = branchA, DisplayName = "王小明", On = Day, OccurredAt = Now },
            new MemberLeftBranch { PersonId = person, BranchId = branchA, On = Day.AddDays(3), OccurredAt = Now.AddDays(3) },
            new MemberJoinedBranch { PersonId = person, BranchId = branchB, DisplayName = "王小明", On = Day.AddDays(3), OccurredAt = Now.AddDays(3) });

        foreach (var e in events.Reverse())
        {
            await using var db = database.NewContext();
            await new UnitRostersCopy(db, TimeProvider.System, NullLogger<UnitRostersCopy>.Instance).ReceiveAsync(e, Cancel);
        }

        await using var check = database.NewContext();
        var stints = await check.UnitMembers.Where(m => m.PersonId == person).OrderBy(m => m.JoinedOn).ToListAsync(Cancel);
        stints.Select(s => (s.UnitId, s.JoinedOn, s.LeftOn)).ShouldBe([(branchA, Day, Day.AddDays(3)), (branchB, Day.AddDays(3), null)]);
    }

    private async Task DeliverUnitAsync(IntegrationEvent e)
    {
        await using var db = database.NewContext();
        await new DirectoryUnitsCopy(db, TimeProvider.System, NullLogger<DirectoryUnitsCopy>.Instance).ReceiveAsync(e, Cancel);
    }

    private static IntegrationEvent[] Numbered(Guid aggregate, params IntegrationEvent[] events) =>
        [.. events.Select((e, i) => e with { AggregateId = aggregate, AggregateVersion = i + 1 })];
}
