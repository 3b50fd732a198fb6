using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Liaison.Features.Directory;

/// <summary>
/// The directory's rosters: a contact's responsible cadre is a person who currently belongs to a unit of the organ, and
/// the contact keeps that person's name (queue liaison-unit-rosters).
/// </summary>
public sealed class UnitRostersCopy(LiaisonDbContext db, TimeProvider timeProvider, ILogger<UnitRostersCopy> logger)
    : UnitRostersProjection<LiaisonDbContext>(db, timeProvider, logger);
