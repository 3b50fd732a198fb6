using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.StudyProgramme;

/// <summary>A material the office designated for study (第一议题), with the deadlines study set when it was designated.</summary>
public sealed class DesignatedMaterial
{
    /// <summary>As long as the study service's library allows.</summary>
    public const int TitleMaxLength = 200;

    private DesignatedMaterial() { }

    public Guid MaterialId { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset DesignatedAt { get; private set; }
    /// <summary>The last China date the leadership team may study it as 第一议题 on time.</summary>
    public DateOnly FirstAgendaItemDue { get; private set; }
    /// <summary>The last China date each branch may study it on time.</summary>
    public DateOnly BranchFollowUpDue { get; private set; }

    public static DesignatedMaterial From(StudyMaterialDesignated designated) => new()
    {
        MaterialId = designated.MaterialId,
        Title = designated.Title,
        DesignatedAt = designated.DesignatedAt,
        FirstAgendaItemDue = designated.FirstAgendaItemDue,
        BranchFollowUpDue = designated.BranchFollowUpDue,
    };
}

/// <summary>Designated materials from the materials' events, in each material's order (queue reporting-study-materials).</summary>
[ProjectionName("study-materials")]
public sealed class StudyMaterialsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<StudyMaterialsProjection> logger)
    : VersionedProjection<StudyMaterialEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(StudyMaterialEvent integrationEvent, CancellationToken cancellationToken)
    {
        // A material is designated once (study refuses a second designation), so the first word is the only one.
        if (integrationEvent is StudyMaterialDesignated designated
            && await Db.DesignatedMaterials.FindAsync([designated.MaterialId], cancellationToken) is null)
        {
            Db.DesignatedMaterials.Add(DesignatedMaterial.From(designated));
        }
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.DesignatedMaterials.ExecuteDeleteAsync(cancellationToken);
}
