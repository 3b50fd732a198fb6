namespace BrandPlatform.Platform.Programme;

/// <summary>
/// What a ticket's problem is about: the tickets service routes (归口) and counts by it. Enterprises' problems (liaison
/// names one when a problem raised on a visit becomes a ticket) come first; the 民生 categories after them are residents'
/// problems (急难愁盼) a member met during a community service (我为群众办实事).
/// </summary>
public enum TicketCategory
{
    Financing,
    Land,
    Approvals,
    Labour,
    Policy,
    Relocation,
    Project,
    Other,
    /// <summary>住房</summary>
    Housing,
    /// <summary>养老</summary>
    ElderlyCare,
    /// <summary>环境</summary>
    Environment,
    /// <summary>交通出行</summary>
    Transport,
    /// <summary>就业</summary>
    Employment,
    /// <summary>社保</summary>
    SocialSecurity,
    /// <summary>公共安全</summary>
    PublicSafety,
}

public static class TicketCategories
{
    /// <summary>
    /// What an enterprise's problem can be about. Other is one of them: an enterprise's problem fits no list. The 民生
    /// categories are not: an enterprise raising a resident's matter would be counted and routed as a 民生 problem
    /// though no resident raised it, and 我为企业解难题's figures would lose it.
    /// </summary>
    public static bool IsEnterprise(TicketCategory category) => Enterprise.Contains(category);

    /// <summary>What a resident's problem can be about: the 民生 categories, or Other when it fits none.</summary>
    public static bool IsResident(TicketCategory category) => category == TicketCategory.Other || !Enterprise.Contains(category);

    private static readonly HashSet<TicketCategory> Enterprise =
    [
        TicketCategory.Financing, TicketCategory.Land, TicketCategory.Approvals, TicketCategory.Labour, TicketCategory.Policy,
        TicketCategory.Relocation, TicketCategory.Project, TicketCategory.Other,
    ];
}

/// <summary>What a ticket holds at most: liaison and community check a raised problem against the same limits before announcing it.</summary>
public static class TicketFields
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    /// <summary>A requester contact's name: a resident's name is kept as the contact a handler calls back.</summary>
    public const int ContactNameMaxLength = 50;
}
