using System.Globalization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Liaison;

// The liaison API's answers as the portal reads them (its Contacts, Visits and engagement events responses).

public sealed record ContactView(
    Guid Id, string Name, string Category, Guid? OrganisationId, string? OrganisationName, IReadOnlyList<string> Positions,
    string? EnterpriseName, string? EnterpriseCreditCode, string MaskedPhone, Guid ResponsibleCadreId, string ResponsibleCadreName, int Version);

public sealed record PersonalDataView(Guid Id, string Name, string Phone);

public sealed record VisitorView(Guid PersonId, string Name);

public sealed record ContactMetView(Guid Id, string Name, string Category, string? EnterpriseName);

public sealed record ProblemView(
    Guid Id, Guid ContactId, string Title, string Category, string Description, string EnterpriseName, Guid? TicketId, string? TicketNumber,
    string? TicketState);

public sealed record VisitView(
    Guid Id, string Kind, DateOnly VisitedOn, string Place, IReadOnlyList<VisitorView> Visitors, IReadOnlyList<ContactMetView> Contacts,
    string Findings, IReadOnlyList<ProblemView> Problems, DateTimeOffset RecordedAt);

/// <summary>An enterprise or a bank registered for an engagement event (withdrawn ones stay on the record, marked).</summary>
public sealed record EventRegistrationView(
    Guid Id, Guid EventId, string Kind, string OrganisationName, string CreditCode, string AttendeeName, string? AttendeePosition, string? Need,
    decimal? NeedAmountInTenThousandYuan, DateTimeOffset RegisteredAt, DateTimeOffset? WithdrawnAt, bool? Attended)
{
    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>What came of an engagement event for one enterprise; a problem raised follows its ticket.</summary>
public sealed record EngagementOutcomeView(
    Guid Id, string Kind, Guid EnterpriseRegistrationId, string EnterpriseName, string? Need, string? BankName, decimal? AmountInTenThousandYuan,
    string? Note, Guid? ProblemId, string? ProblemTitle, string? TicketNumber, string? TicketState, DateTimeOffset RecordedAt);

/// <summary>An engagement event (企业家日, 银企对接会, 商会大讲坛) as the caller may read it.</summary>
public sealed record EngagementEventView(
    Guid Id, string Series, string Title, DateTimeOffset StartsAt, string Place, IReadOnlyList<string> Leaders, string? Description, string State,
    bool TakesRegistrations, string? Summary, string? CancellationReason, int RegisteredEnterprises, int RegisteredBanks, int? Attended,
    EventRegistrationView? MyRegistration, IReadOnlyList<EngagementOutcomeView> Outcomes, int Version)
{
    /// <summary>The enterprise contact's own registration, unless it withdrew it.</summary>
    public EventRegistrationView? Registered => MyRegistration is { IsWithdrawn: false } mine ? mine : null;
}

/// <summary>A united-front organisation (民主党派, 商会, 新阶层组织, 工商联); its version is the ETag a revision names.</summary>
public sealed record OrganisationView(
    Guid Id, string Name, string Category, string? Description, DateTimeOffset RegisteredAt, DateTimeOffset LastChangedAt, int Version);

/// <summary>Who uses the liaison screens: the department's cadres (members, liaison leaders) and the office.</summary>
public static class LiaisonRoles
{
    public const string Cadres = $"{PlatformRoles.Member},{PlatformRoles.LiaisonLeader},{PlatformRoles.OfficeStaff},{PlatformRoles.Administrator}";

    public static readonly string[] CadreList = Cadres.Split(',');

    /// <summary>Who announces, holds and cancels engagement events, registers anyone for them and records their outcomes.</summary>
    public const string Office = $"{PlatformRoles.OfficeStaff},{PlatformRoles.Administrator}";

    /// <summary>Who reads engagement events: the cadres, and enterprise contacts (their own registration and outcomes).</summary>
    public const string EventReaders = $"{Cadres},{PlatformRoles.EnterpriseContact}";

    public static readonly string[] OfficeList = Office.Split(',');
}

/// <summary>The liaison API's codes as the person reads them.</summary>
public static class LiaisonText
{
    /// <summary>The kinds of visit, in the order the form offers them (四访四通 first: the visit a problem comes from).</summary>
    public static readonly string[] VisitKinds = ["fourVisitsToEnterprises", "springFestivalVisit", "fieldVisit"];

    /// <summary>The engagement events' series, participants and outcomes, in the order the forms offer them.</summary>
    public static readonly string[] EventSeries = ["entrepreneursDay", "bankEnterpriseMatching", "chamberLectureHall"];
    public static readonly string[] ParticipantKinds = ["enterprise", "bank"];
    public static readonly string[] OutcomeKinds = ["financingMatched", "problemRaised", "other"];

    /// <summary>The series whose registrations state a financing need and its amount.</summary>
    public const string FinancingSeries = "bankEnterpriseMatching";

    public static string ContactCategory(string code) => Of("ContactCategory", code);
    public static string VisitKind(string code) => Of("VisitKind", code);
    public static string Series(string code) => Of("EventSeries", code);
    public static string EventState(string code) => Of("EventState", code);
    public static string ParticipantKind(string code) => Of("ParticipantKind", code);
    public static string OutcomeKind(string code) => Of("OutcomeKind", code);

    /// <summary>The tag's colour of an event's state (its words carry the same).</summary>
    public static string EventStateTag(string code) => code switch
    {
        "announced" => "tag green",
        "cancelled" => "tag red",
        _ => "tag",
    };

    /// <summary>Whether a registration came: withdrawn, not yet recorded (until the event is held), present or absent.</summary>
    public static string Attendance(EventRegistrationView registration) => registration switch
    {
        { IsWithdrawn: true } => LiaisonScreenTexts.Registration_Withdrawn,
        { Attended: true } => LiaisonScreenTexts.Attended_Yes,
        { Attended: false } => LiaisonScreenTexts.Attended_No,
        _ => LiaisonScreenTexts.Attended_Unknown,
    };

    public static string AttendanceTag(EventRegistrationView registration) => registration is { IsWithdrawn: false, Attended: true } ? "tag green" : "tag";

    /// <summary>An amount in 万元, as the person reads it; "—" when there is none.</summary>
    public static string Amount(decimal? tenThousandYuan) => tenThousandYuan is { } amount
        ? string.Format(CultureInfo.CurrentCulture, LiaisonScreenTexts.Amount_TenThousandYuan, amount.ToString("0.##", CultureInfo.CurrentCulture))
        : "—";

    /// <summary>Names in a row, as Chinese lists them (and as <see cref="Leaders"/> reads them back).</summary>
    public static string Listed(IEnumerable<string> names) => string.Join("、", names);

    /// <summary>Names in a row for reading; "—" for none.</summary>
    public static string Names(IEnumerable<string> names) => Listed(names) is { Length: > 0 } listed ? listed : "—";

    /// <summary>Leaders typed into one field, separated by commas or semicolons (either width), 、 or lines.</summary>
    public static IReadOnlyList<string> Leaders(string? typed) =>
        [.. (typed ?? "").Split([',', '，', '、', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Of(string kind, string code) =>
        LiaisonScreenTexts.ResourceManager.GetString($"{kind}_{code}", CultureInfo.CurrentUICulture) ?? code;
}
