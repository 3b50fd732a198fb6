using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.CommunityFigures;

/// <summary>What the community figures share: the branches the caller sees, their members on a day, the year's registrations.</summary>
internal static class CommunityQueries
{
    /// <summary>Each member of a branch the caller sees on <paramref name="day"/>, once, in the branch of their latest stint.</summary>
    public static async Task<IReadOnlyList<UnitMember>> MembersOnAsync(ReportingDbContext db, DateOnly day, Caller caller, CancellationToken cancellationToken)
    {
        var stints = await db.UnitMembers.AsNoTracking().On(day).Where(m => m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
        return [.. DisciplineCoverage.MembersOn(stints, day).Where(m => caller.MaySeeBranch(m.UnitId))];
    }

    /// <summary>Each person registered for the year, confirmed or pending (confirmed when both): an ended registration does not count.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> RegisteredAsync(ReportingDbContext db, int year, CancellationToken cancellationToken) =>
        (await db.CommunityRegistrations.AsNoTracking()
            .Where(r => r.Year == year && (r.State == RegistrationRecord.Confirmed || r.State == RegistrationRecord.Pending))
            .Select(r => new { r.PersonId, r.State }).ToListAsync(cancellationToken))
        .GroupBy(r => r.PersonId)
        .ToDictionary(g => g.Key, g => g.Any(r => r.State == RegistrationRecord.Confirmed) ? RegistrationRecord.Confirmed : RegistrationRecord.Pending);

    /// <summary>The current names of the counted branches and of every active branch the caller sees (one without members shows zeros).</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> BranchNamesAsync(
        ReportingDbContext db, IReadOnlyCollection<Guid> counted, Caller caller, CancellationToken cancellationToken) =>
        (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Branch && (u.ValidTo == null || counted.Contains(u.Id)))
            .Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken))
        .Where(u => caller.MaySeeBranch(u.Id)).ToDictionary(u => u.Id, u => u.Name);
}
