using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.Coverage;

/// <summary>What the coverage rules are given, read from the campaign's sessions, make-ups, attempts and the rosters.</summary>
internal static class CoverageFacts
{
    public static async Task<CampaignFacts> OfAsync(DisciplineDbContext db, WarningCampaign campaign, CancellationToken cancellationToken)
    {
        var present = await db.Sessions.AsNoTracking().Where(s => s.CampaignId == campaign.Id && s.State == SessionState.Held)
            .Select(s => s.PresentIds).ToListAsync(cancellationToken);
        var madeUp = await db.MakeUps.AsNoTracking().Where(m => m.CampaignId == campaign.Id && m.CompletedAt != null)
            .Select(m => m.PersonId).ToListAsync(cancellationToken);
        // A reopened attempt no longer counts; a passed one cannot be reopened.
        var passed = await db.Attempts.AsNoTracking().Where(a => a.CampaignId == campaign.Id && a.State == AttemptState.Submitted && a.Passed == true)
            .Select(a => a.PersonId).ToListAsync(cancellationToken);
        return new CampaignFacts(campaign.Id, campaign.Quarter, campaign.Period, present.SelectMany(p => p).ToHashSet(), madeUp.ToHashSet(), passed.ToHashSet());
    }

    /// <summary>The facts of every campaign of a year, in quarter order.</summary>
    public static async Task<IReadOnlyList<(WarningCampaign Campaign, CampaignFacts Facts)>> OfYearAsync(
        DisciplineDbContext db, int year, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Quarter).ToListAsync(cancellationToken);
        var facts = new List<(WarningCampaign, CampaignFacts)>();
        foreach (var campaign in campaigns)
        {
            facts.Add((campaign, await OfAsync(db, campaign, cancellationToken)));
        }
        return facts;
    }

    /// <summary>Every branch stint sharing a day with <paramref name="period"/>: the rules pick the members of each reference day.</summary>
    public static Task<List<UnitMember>> BranchStintsAsync(DisciplineDbContext db, ChinaPeriod period, CancellationToken cancellationToken) =>
        db.UnitMembers.AsNoTracking().During(period).Where(m => m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
}
