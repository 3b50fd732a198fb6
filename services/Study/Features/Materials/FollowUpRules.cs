using System.ComponentModel.DataAnnotations;

namespace BrandPlatform.Study.Features.Materials;

/// <summary>
/// How long units have to study a designated material (Study:Rules): the leadership team as 第一议题, each branch in
/// its own study. Calendar days from the China date of the designation.
/// </summary>
public sealed class FollowUpRules
{
    public const string Section = "Study:Rules";

    [Range(1, 365)]
    public int FirstAgendaItemDays { get; set; } = 7;

    [Range(1, 365)]
    public int BranchFollowUpDays { get; set; } = 30;
}
