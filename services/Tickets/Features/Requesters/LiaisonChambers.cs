using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Requesters;

/// <summary>
/// The chambers as liaison owns them: every organisation event of a chamber of commerce, in the organisation's order
/// (queue tickets-liaison-chambers). The chamber that is the organisation takes its name; a chamber kept here before,
/// of the same name, becomes that organisation (the hand-over's answer); otherwise the chamber is new here.
/// </summary>
[ProjectionName("liaison-chambers")]
public sealed class LiaisonChambers(TicketsDbContext db, TimeProvider timeProvider, ILogger<LiaisonChambers> logger)
    : VersionedProjection<OrganisationEvent, TicketsDbContext>(db, timeProvider, logger)
{
    public const string ChamberOfCommerce = "chamberOfCommerce";

    protected override async Task ApplyAsync(OrganisationEvent organisation, CancellationToken cancellationToken)
    {
        if (organisation.Category != ChamberOfCommerce)
        {
            return;
        }
        var chamber = await Db.Chambers.SingleOrDefaultAsync(c => c.OrganisationId == organisation.OrganisationId, cancellationToken)
            ?? await Db.Chambers.SingleOrDefaultAsync(c => c.OrganisationId == null && c.Name == organisation.Name.Trim(), cancellationToken);
        if (chamber is null)
        {
            Db.Chambers.Add(Chamber.Of(organisation.OrganisationId, organisation.Name, organisation.OccurredAt.ToUniversalTime()));
            return;
        }
        chamber.FollowOrganisation(organisation.OrganisationId, organisation.Name);
    }

    /// <summary>
    /// Requesters, tickets and leader links point at the chambers, so a rebuild keeps every row and its organisation:
    /// the events applied again find their chambers by organisation and restate the names.
    /// </summary>
    public override Task ClearAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Hands each chamber kept here before liaison owned chambers over to liaison, once: announced as ChamberHandedOver, in
/// the same commit that marks it handed over. Runs at start and then hourly (one replica at a time); after the first pass
/// of an upgraded system it finds nothing to do.
/// </summary>
public sealed class ChamberHandOver(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ChamberHandOver> logger) : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TicketsDbContext>();
        var kept = await db.Chambers.Where(c => c.OrganisationId == null && c.HandedOverAt == null).ToListAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        foreach (var chamber in kept)
        {
            chamber.HandOver(now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
