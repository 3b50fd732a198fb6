using System.Globalization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Community;

// The community API's answers as the portal reads them (/api/community, see the service's responses), and the requests
// its forms post: exactly the API's members, codes as the API writes them (camelCase).

public sealed record CommunityView(
    Guid Id, string Name, string Street, string ContactName, string ContactPhone, DateTimeOffset RegisteredAt, int Version);

public sealed record PairingView(
    Guid Id, Guid BranchId, string BranchName, Guid CommunityId, string CommunityName, DateOnly From, DateOnly? To, string? Note, int Version);

public sealed record RegistrationView(
    Guid Id, Guid PersonId, string PersonName, Guid BranchId, string BranchName, Guid CommunityId, string CommunityName, int Year,
    DateOnly RegisteredOn, string State, string? ConfirmedBy, DateOnly? ConfirmedOn, int Version);

public sealed record ThemeView(Guid Id, int Year, int Quarter, string Title, string? Description, int ServicesPerBranch, int Version);

public sealed record ParticipantView(Guid PersonId, string Name);

public sealed record PhotoView(string FileName, string? Caption, DateOnly? TakenOn, long? SizeBytes, string? ContentType);

public sealed record ResidentProblemView(Guid Id, string ResidentName, string ResidentPhone, string Category, string Title);

public sealed record ServiceView(
    Guid Id, Guid BranchId, string BranchName, Guid CommunityId, string CommunityName, Guid? ThemeId, string? ThemeTitle, DateOnly On,
    IReadOnlyList<ParticipantView> Participants, int PeopleServed, decimal? Hours, string Summary, IReadOnlyList<PhotoView> Photos,
    IReadOnlyList<ResidentProblemView> ResidentProblems, string RecordedByName, DateTimeOffset RecordedAt);

public sealed record MatterView(
    Guid Id, int Year, string Title, string? Description, Guid OwnerUnitId, string OwnerUnitName, Guid OwnerPersonId, string OwnerPersonName,
    DateOnly Deadline, string? Beneficiaries, string State, string? TaskState, DateOnly? CompletedOn, int Version);

public sealed record DraftPrefill(
    string Kind, Guid? BranchId, string Title, string? Summary, string Body, string SourceKind, Guid SourceId, DateTimeOffset? SourceOccurredAt);

public sealed record CommentView(string Author, string Text, DateTimeOffset At);

public sealed record ItemView(
    Guid Id, string Kind, Guid BranchId, string BranchName, string Title, string? Summary, string Body, string? SourceKind, Guid? SourceId,
    DateTimeOffset? SourceOccurredAt, string State, string? DraftedByName, DateTimeOffset DraftedAt, DateTimeOffset? SubmittedAt,
    DateTimeOffset? PublishedAt, int? HighlightedYear, IReadOnlyList<CommentView> Comments, int Version);

public sealed record NewsView(Guid Id, string Kind, string BranchName, string Title, string? Summary, string Body, DateTimeOffset PublishedAt);

public sealed record RegisterBody(Guid? CommunityId, DateOnly? RegisteredOn);

public sealed record ConfirmBody(string ConfirmedBy, DateOnly? ConfirmedOn, string? Note);

public sealed record PairingBody(Guid? BranchId, Guid? CommunityId, DateOnly? From, DateOnly? To, string? Note);

public sealed record CommunityBody(string? Name, string? Street, string? ContactName, string? ContactPhone);

public sealed record ThemeBody(int? Year, int? Quarter, string? Title, string? Description, int? ServicesPerBranch);

public sealed record PhotoBody(string? FileName, string? Caption, DateOnly? TakenOn, long? SizeBytes, string? ContentType);

public sealed record ResidentProblemBody(string? ResidentName, string? ResidentPhone, string? Category, string? Title, string? Description);

public sealed record ServiceBody(
    Guid? CommunityId, DateOnly? On, Guid? ThemeId, IReadOnlyList<Guid>? ParticipantIds, int? PeopleServed, decimal? Hours, string? Summary,
    IReadOnlyList<PhotoBody> Photos, IReadOnlyList<ResidentProblemBody> ResidentProblems);

public sealed record MatterBody(
    int? Year, string? Title, string? Description, Guid? OwnerUnitId, Guid? OwnerPersonId, DateOnly? Deadline, string? Beneficiaries,
    string FeedbackCadence, IReadOnlyList<DateOnly?> MilestoneDues);

public sealed record ItemBody(string Kind, Guid? BranchId, string? Title, string? Summary, string? Body, string SourceKind, Guid SourceId);

public sealed record ItemEditBody(string? Title, string? Summary, string? Body);

public sealed record ReasonBody(string? Reason);

public sealed record CommentBody(string? Text);

/// <summary>A photo or a resident's problem as a form edits it in place, one row of a list the person grows.</summary>
public sealed class PhotoRow
{
    public string? FileName { get; set; }
    public string? Caption { get; set; }
}

public sealed class ResidentProblemRow
{
    public string? ResidentName { get; set; }
    public string? ResidentPhone { get; set; }
    public string Category { get; set; } = CommunityText.ProblemCategories[0];
    public string? Title { get; set; }
    public string? Description { get; set; }
}

/// <summary>The community API's roles (services/Community), as the screens' [Authorize] and the menu name them.</summary>
public static class CommunityRoles
{
    /// <summary>The branch keepers: they pair their branch, confirm its registrations and draft its publicity.</summary>
    public const string Keepers = $"{PlatformRoles.BranchSecretary},{PlatformRoles.PartyAffairsOfficer}";

    /// <summary>The office: communities, themes, practical matters, and the review of publicity.</summary>
    public const string Office = $"{PlatformRoles.OfficeStaff},{PlatformRoles.Administrator}";

    /// <summary>Who works a branch's community screens: its keepers, and the office for any branch.</summary>
    public const string Organisers = $"{Keepers},{Office}";

    /// <summary>Who records a volunteer service: a member (as a participant) or a keeper for their branch.</summary>
    public const string Recorders = $"{PlatformRoles.Member},{Keepers}";

    /// <summary>Everyone the community API serves when signed in.</summary>
    public const string Readers = $"{PlatformRoles.Member},{Organisers}";

    public static string[] Split(string roles) => roles.Split(',');
}

/// <summary>The community API's codes as the person reads them.</summary>
public static class CommunityText
{
    /// <summary>The 民生 categories of a resident's problem, in the order the form offers them.</summary>
    public static readonly string[] ProblemCategories =
        ["housing", "elderlyCare", "environment", "transport", "employment", "socialSecurity", "publicSafety", "other"];

    public static readonly string[] ConfirmedBy = ["branch", "communityContact"];
    public static readonly string[] ItemKinds = ["news", "highlight", "goodPractice"];
    public static readonly string[] Cadences = ["weekly", "fortnightly", "monthly"];

    /// <summary>What a publicity item is drafted from on the portal: a branch's service or a completed practical matter.</summary>
    public const string ServiceSource = "communityService", MatterSource = "practicalMatter";

    public static string RegistrationState(string code) => Of("RegistrationState", code);
    public static string ConfirmedByText(string? code) => code is null ? "—" : Of("ConfirmedBy", code);
    public static string Category(string code) => Of("Category", code);
    public static string ItemKind(string code) => Of("ItemKind", code);
    public static string ItemState(string code) => Of("ItemState", code);
    public static string MatterState(string code) => Of("MatterState", code);
    public static string TaskState(string? code) => code is null ? "—" : Of("TaskState", code);
    public static string Cadence(string code) => Of("Cadence", code);
    public static string SourceKind(string? code) => code is null ? "—" : Of("SourceKind", code);

    public static string RegistrationTag(string code) => code switch
    {
        "confirmed" => "tag green",
        "pending" => "tag amber",
        _ => "tag",
    };

    public static string ItemTag(string code) => code switch
    {
        "published" => "tag green",
        "returned" or "withdrawn" => "tag red",
        "inReview" => "tag amber",
        _ => "tag",
    };

    /// <summary>"2026 年第 3 季度" as the person reads it.</summary>
    public static string Quarter(int year, int quarter) =>
        string.Format(CultureInfo.CurrentCulture, CommunityScreenTexts.Quarter_Of, year, quarter);

    public static string Theme(ThemeView theme) => $"{Quarter(theme.Year, theme.Quarter)} · {theme.Title}";

    /// <summary>A photo's content type from its file name, for the metadata the API keeps (the portal uploads nothing).</summary>
    public static string? ContentTypeOf(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".heic" => "image/heic",
        ".webp" => "image/webp",
        _ => null,
    };

    /// <summary>Null for an empty field, so the API says what it needs.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Of(string kind, string code) =>
        CommunityScreenTexts.ResourceManager.GetString($"{kind}_{code}", CultureInfo.CurrentUICulture) ?? code;
}
