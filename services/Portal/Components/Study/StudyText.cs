using System.Globalization;
using BrandPlatform.Platform.Domain;
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

    public static string Time(DateTimeOffset instant) => instant.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Beijing wall-clock time typed into a datetime-local field, as the instant the API takes.</summary>
    public static DateTimeOffset? FromChinaTime(DateTime? local) =>
        local is { } value ? ChinaCalendar.At(DateOnly.FromDateTime(value), TimeOnly.FromDateTime(value)) : null;

    public static DateTime ChinaWallClock(DateTimeOffset instant) => instant.ToChinaTime().DateTime;

    /// <summary>A datetime-local field's value (the browser sends minutes, or seconds after a picker's step).</summary>
    public static string LocalValue(DateTime? local) => local?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>What the field holds, or null when it is empty or not a time: the API then says what it needs.</summary>
    public static DateTime? ParseLocal(object? value) =>
        DateTime.TryParseExact(value as string, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? local : null;
}
