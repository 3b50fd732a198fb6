using BrandPlatform.Contracts.Liaison;
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
    /// Keeps every row: requesters, tickets and leader links point at the chambers, and the key flag and leader links are
    /// the office's, not liaison's. Nor is the organisation forgotten: the history applied again (the base class forgets
    /// the positions) finds each chamber by it and states the names again, ending at the latest; matched by name instead,
    /// a renamed chamber would be made twice.
    /// </summary>
    public override Task ClearAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
