using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Study;

/// <summary>The study screens' codes and times as people read them: enum codes by name, instants in Beijing time.</summary>
public static class StudyText
{
    /// <summary>An API code (partyLesson, held, absentWithReason, ...) in the person's language; the code itself if unknown.</summary>
    public static string Of(string group, string code) =>
        StudyScreenTexts.ResourceManager.GetString($"{group}_{code}", StudyScreenTexts.Culture) ?? code;

    public static string Kind(string code) => Of("ActivityKind", code);

    public static string State(string code) => Of("ActivityState", code);

    public static string Attendance(string code) => Of("Attendance", code);

    public static string Requirement(string code) => Of("Requirement", code);

    /// <summary>RAG colour of a state; the tag always carries the text too.</summary>
    public static string Tag(string code) => code switch
    {
        "held" or "met" or "present" => "tag green",
        "cancelled" or "missing" or "absent" => "tag red",
        _ => "tag amber",
    };
}
