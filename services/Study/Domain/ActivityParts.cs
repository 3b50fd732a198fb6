using BrandPlatform.Platform.Attendance;

namespace BrandPlatform.Study.Domain;

/// <summary>A speech or document studied: an entry of the materials library, or only a title and link.</summary>
public sealed record MaterialReference(Guid? MaterialId, string Title, string? Link)
{
    public const int TitleMaxLength = 200;
    public const int LinkMaxLength = 500;
}

/// <summary>An external speaker of a training session (name, affiliation).</summary>
public sealed record ExternalSpeaker(string Name, string Affiliation)
{
    public const int NameMaxLength = 50;
    public const int AffiliationMaxLength = 100;
}

/// <summary>Who is expected.</summary>
public enum AudienceKind
{
    /// <summary>The members of one unit (the organiser by default): a whole branch, a party group, the youth group, ...</summary>
    Unit,
    /// <summary>Named members (a heart-to-heart talk's pair, a small working meeting).</summary>
    Members,
    /// <summary>A united-front audience outside the directory (民主党派, 民营经济人士, 新的社会阶层人士): liaison's contacts, marked by the keeper.</summary>
    UnitedFront,
    /// <summary>Every current member of every branch of the organ (a lecture for the whole organ, a system-wide training).</summary>
    WholeOrgan,
}

public enum UnitedFrontCategory
{
    DemocraticParty,
    PrivateEconomy,
    NewSocialClass,
    Mixed,
}

/// <summary>
/// The expected participants as planned; the people they are resolved to on the day it is held: from the rosters, or for
/// a united-front audience from liaison's contacts (those of the organisation it names, or else of its category).
/// </summary>
public sealed record ActivityAudience(
    AudienceKind Kind, Guid? UnitId, IReadOnlyList<Guid> MemberIds, UnitedFrontCategory? UnitedFrontCategory, Guid? OrganisationId = null)
{
    public const int MaxMembers = 500;
}

/// <summary>What a held record says; an amendment keeps the one it replaced.</summary>
public sealed record HeldRecord(
    DateTimeOffset HeldAt, int DurationMinutes, string Minutes, int ExternalAttendees, IReadOnlyList<AttendanceEntry> Attendance);

/// <summary>A correction of a held record: who, when, why, and the record as it was before.</summary>
public sealed record ActivityAmendment(DateTimeOffset At, string By, string Reason, HeldRecord Before);
