namespace BrandPlatform.Platform.Programme;

/// <summary>
/// What an enterprise's problem is about: the tickets service routes and counts by it, and liaison names it when a
/// problem raised on a visit becomes a ticket.
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
}

/// <summary>What a ticket holds at most: liaison checks a raised problem against the same limits before announcing it.</summary>
public static class TicketFields
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
}
