using BrandPlatform.Contracts.Directory;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Organisation;

/// <summary>
/// A person's stint in a unit of the directory: a branch (the denominator of 学习教育全覆盖 and 廉政教育全覆盖), a party
/// group, the leadership team (部务会), the central study group (中心组), the youth study group (with cadres of other
/// united-front units), a task force. Joins and leaves are applied in the person's order; a leave whose join the
/// service never saw (from before it kept rosters) still records the stint, and each side fills in its own date.
/// </summary>
public sealed class UnitMember
{
    public const int DisplayNameMaxLength = 50;

    private UnitMember() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>The directory's camelCase kind code of the unit (<see cref="UnitKinds"/>).</summary>
    public string UnitKind { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public DateOnly? JoinedOn { get; private set; }
    /// <summary>The last day is the day before: a person who leaves on a day belongs to the new unit from that day.</summary>
    public DateOnly? LeftOn { get; private set; }

    public bool IsCurrent => JoinedOn is not null && LeftOn is null;

    public static UnitMember FromJoin(Guid personId, Guid unitId, string unitKind, string displayName, DateOnly on) =>
        new() { Id = Guid.CreateVersion7(), PersonId = personId, UnitId = unitId, UnitKind = unitKind, DisplayName = displayName, JoinedOn = on };

    public static UnitMember FromLeave(Guid personId, Guid unitId, string unitKind, DateOnly on) =>
        new() { Id = Guid.CreateVersion7(), PersonId = personId, UnitId = unitId, UnitKind = unitKind, LeftOn = on };

    /// <summary>The join of a stint whose leave arrived first.</summary>
    public void CompleteJoin(string displayName, DateOnly on)
    {
        DisplayName = displayName;
        JoinedOn = on;
    }

    public void Leave(DateOnly on) => LeftOn = on;
}

/// <summary>A DbContext that keeps the directory's unit rosters.</summary>
public interface IUnitRosters
{
    DbSet<UnitMember> UnitMembers { get; }
}

public static class UnitRosters
{
    /// <summary>The rosters and the positions of the projection that keeps them.</summary>
    public static ModelBuilder AddUnitRosters(this ModelBuilder modelBuilder)
    {
        modelBuilder.AddVersionedProjections();
        modelBuilder.Entity<UnitMember>(member =>
        {
            member.ToTable("unit_members");
            member.Property(m => m.Id).ValueGeneratedNever();
            member.Property(m => m.UnitKind).HasMaxLength(32);
            member.Property(m => m.DisplayName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            member.HasIndex(m => new { m.UnitId, m.LeftOn });
            member.HasIndex(m => m.PersonId);
        });
        return modelBuilder;
    }

    /// <summary>Stints current today: a unit's members now.</summary>
    public static IQueryable<UnitMember> Current(this IQueryable<UnitMember> members) =>
        members.Where(m => m.JoinedOn != null && m.LeftOn == null);

    /// <summary>The name a person has on the rosters today (their longest-held stint's); null for a person in no unit now.</summary>
    public static Task<string?> CurrentNameAsync(this IQueryable<UnitMember> members, Guid personId, CancellationToken cancellationToken) =>
        members.AsNoTracking().Current().Where(m => m.PersonId == personId)
            .OrderBy(m => m.JoinedOn).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Stints that include <paramref name="day"/> (joined on or before it, not left by then).</summary>
    public static IQueryable<UnitMember> On(this IQueryable<UnitMember> members, DateOnly day) =>
        members.Where(m => m.JoinedOn != null && m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn > day));

    /// <summary>Stints that share at least one day with <paramref name="period"/>.</summary>
    public static IQueryable<UnitMember> During(this IQueryable<UnitMember> members, ChinaPeriod period) =>
        members.Where(m => m.JoinedOn != null && m.JoinedOn <= period.To && (m.LeftOn == null || m.LeftOn > period.From));
}

/// <summary>
/// Unit rosters from every event of each person, in the person's order. Each service declares one sealed subclass for
/// its DbContext (its queue is <c>{service}-unit-rosters</c> unless the subclass names another).
/// </summary>
[ProjectionName("unit-rosters")]
public abstract class UnitRostersProjection<TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : VersionedProjection<PersonEvent, TDbContext>(db, timeProvider, logger)
    where TDbContext : DbContext, IUnitRosters
{
    protected override Task ApplyAsync(PersonEvent integrationEvent, CancellationToken cancellationToken) => integrationEvent switch
    {
        MemberJoinedBranch joined => JoinAsync(joined.PersonId, joined.BranchId, UnitKinds.Branch, joined.DisplayName, joined.On, cancellationToken),
        MemberJoinedUnit joined => JoinAsync(joined.PersonId, joined.UnitId, joined.UnitKind, joined.DisplayName, joined.On, cancellationToken),
        MemberLeftBranch left => LeaveAsync(left.PersonId, left.BranchId, UnitKinds.Branch, left.On, cancellationToken),
        MemberLeftUnit left => LeaveAsync(left.PersonId, left.UnitId, left.UnitKind, left.On, cancellationToken),
        _ => Task.CompletedTask,
    };

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.UnitMembers.ExecuteDeleteAsync(cancellationToken);

    private async Task JoinAsync(Guid personId, Guid unitId, string unitKind, string displayName, DateOnly on, CancellationToken cancellationToken)
    {
        var leftFirst = await Db.UnitMembers.FirstOrDefaultAsync(m =>
            m.PersonId == personId && m.UnitId == unitId && m.JoinedOn == null && m.LeftOn >= on, cancellationToken);
        if (leftFirst is not null)
        {
            leftFirst.CompleteJoin(displayName, on);
        }
        else
        {
            Db.UnitMembers.Add(UnitMember.FromJoin(personId, unitId, unitKind, displayName, on));
        }
    }

    private async Task LeaveAsync(Guid personId, Guid unitId, string unitKind, DateOnly on, CancellationToken cancellationToken)
    {
        var open = await Db.UnitMembers.FirstOrDefaultAsync(m =>
            m.PersonId == personId && m.UnitId == unitId && m.LeftOn == null && m.JoinedOn <= on, cancellationToken);
        if (open is not null)
        {
            open.Leave(on);
        }
        else
        {
            Db.UnitMembers.Add(UnitMember.FromLeave(personId, unitId, unitKind, on));
        }
    }
}
