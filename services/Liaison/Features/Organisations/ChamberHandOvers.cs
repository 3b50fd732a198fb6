using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Organisations;

/// <summary>
/// A chamber the tickets service kept before liaison owned chambers, handed over once (queue liaison-chamber-hand-overs):
/// registered as a chamber of commerce, or, when an organisation of that name exists, stated again (a snapshot, which a
/// copy that never saw the organisation takes at once), so the tickets service's chamber becomes that organisation
/// either way.
/// </summary>
public sealed partial class ChamberHandOvers(LiaisonDbContext db, TimeProvider timeProvider, ILogger<ChamberHandOvers> logger)
    : InboxConsumer<ChamberHandedOver, LiaisonDbContext>(db, timeProvider, logger)
{
    protected override async Task HandleAsync(ChamberHandedOver chamber, CancellationToken cancellationToken)
    {
        var name = chamber.Name.Trim();
        var now = Time.GetUtcNow();
        if (await Db.Organisations.SingleOrDefaultAsync(o => o.Name == name, cancellationToken) is { } known)
        {
            if (known.Category != OrganisationCategory.ChamberOfCommerce)
            {
                // Names are unique across categories, so the tickets chamber stays unlinked (its row and links kept)
                // until the office renames this organisation and registers the chamber under the name: the tickets
                // service links a chamber of commerce registered under its name.
                LogNotAChamber(logger, chamber.ChamberId, name, known.Category.ToCode());
            }
            known.Restate(now);
            return;
        }
        Db.Organisations.Add(UnitedFrontOrganisation.Register(name, OrganisationCategory.ChamberOfCommerce, description: null, now));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chamber {ChamberId} handed over by the tickets service is named {Name}, which liaison has as a {Category}, not a chamber of commerce; it stays unlinked until a chamber of commerce is registered under that name")]
    private static partial void LogNotAChamber(ILogger logger, Guid chamberId, string name, string category);
}
