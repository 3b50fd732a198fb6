using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>
/// A good practice (好经验好做法) the office highlighted in the community service becomes a highlight of the branch's
/// brand, already selected: the office decided there, so nobody decides it again here (queue reporting-good-practices).
/// The highlight's id is the publicity item's, which makes a repeated announcement harmless.
/// </summary>
public sealed partial class GoodPractices(ReportingDbContext db, TimeProvider timeProvider, ILogger<GoodPractices> logger)
    : InboxConsumer<GoodPracticeHighlighted, ReportingDbContext>(db, timeProvider, logger)
{
    public const string Actor = "community";

    protected override async Task HandleAsync(GoodPracticeHighlighted practice, CancellationToken cancellationToken)
    {
        if (await Db.BrandHighlights.AnyAsync(h => h.Id == practice.ItemId, cancellationToken))
        {
            return;
        }
        // One brand per branch, kept across the years, so the year of the highlight does not choose among brands.
        var brand = await Db.Brands.AsNoTracking().Where(b => b.BranchId == practice.BranchId).Select(b => (Guid?)b.Id).SingleOrDefaultAsync(cancellationToken);
        if (brand is not { } brandId)
        {
            // A highlight belongs under a brand (the brand's page shows it); inventing a brand for the branch is the
            // branch's own decision. The practice stays published in the community service, and the branch can submit
            // it under its brand once registered.
            LogNoBrand(logger, practice.ItemId, practice.BranchId);
            return;
        }
        var now = Time.GetUtcNow();
        var highlight = new BrandHighlight(practice.ItemId, brandId, practice.BranchId, EventTexts.Clip(practice.Title, BrandHighlight.TitleMaxLength),
            EventTexts.Clip(practice.Summary, BrandHighlight.SummaryMaxLength), Actor, now);
        highlight.Select(Actor, now);
        Db.BrandHighlights.Add(highlight);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Good practice {ItemId} of branch {BranchId} was not added as a highlight: the branch has no brand")]
    private static partial void LogNoBrand(ILogger logger, Guid itemId, Guid branchId);
}
