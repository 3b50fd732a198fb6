using System.Globalization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Liaison;

// The liaison API's answers as the portal reads them (its Contacts and Visits responses).

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

/// <summary>Who uses the liaison screens: the department's cadres (members, liaison leaders) and the office.</summary>
public static class LiaisonRoles
{
    public const string Cadres = $"{PlatformRoles.Member},{PlatformRoles.LiaisonLeader},{PlatformRoles.OfficeStaff},{PlatformRoles.Administrator}";

    public static readonly string[] CadreList = Cadres.Split(',');
}

/// <summary>The liaison API's codes as the person reads them.</summary>
public static class LiaisonText
{
    /// <summary>The kinds of visit, in the order the form offers them (四访四通 first: the visit a problem comes from).</summary>
    public static readonly string[] VisitKinds = ["fourVisitsToEnterprises", "springFestivalVisit", "fieldVisit"];

    public static string ContactCategory(string code) => Of("ContactCategory", code);
    public static string VisitKind(string code) => Of("VisitKind", code);

    private static string Of(string kind, string code) =>
        LiaisonScreenTexts.ResourceManager.GetString($"{kind}_{code}", CultureInfo.CurrentUICulture) ?? code;
}
