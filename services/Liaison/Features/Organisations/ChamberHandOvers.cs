using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Organisations;

/// <summary>
/// A chamber the tickets service kept before liaison owned chambers, handed over once (queue liaison-chamber-hand-overs):
/// registered as a chamber of commerce, or, when an organisation of that name exists, stated again, so the tickets
/// service's chamber becomes that organisation either way.
/// </summary>
public sealed class ChamberHandOvers(LiaisonDbContext db, TimeProvider timeProvider, ILogger<ChamberHandOvers> logger)
    : InboxConsumer<ChamberHandedOver, LiaisonDbContext>(db, timeProvider, logger)
{
    protected override async Task HandleAsync(ChamberHandedOver chamber, CancellationToken cancellationToken)
    {
        var name = chamber.Name.Trim();
        var now = Time.GetUtcNow();
        if (await Db.Organisations.SingleOrDefaultAsync(o => o.Name == name, cancellationToken) is { } known)
        {
            known.Restate(now);
            return;
        }
        Db.Organisations.Add(UnitedFrontOrganisation.Register(name, OrganisationCategory.ChamberOfCommerce, description: null, now));
    }
}
