namespace BrandPlatform.Portal.Components.Community;

/// <summary>
/// A member's own year as reporting builds it from events (GET /api/reporting/member-cards/mine?year=): study attended,
/// discipline education covered, community services served and, where the records carry it, tickets handled on time.
/// One member's year, never compared with anyone's.
/// </summary>
public sealed record MemberCardView(
    Guid PersonId, string? DisplayName, Guid? BranchId, string? BranchName, int Year, CardStudy Study, CardDiscipline Discipline, CardCommunity Community,
    CardTickets Tickets);

public sealed record CardStudy(int Attended, IReadOnlyList<CardActivity> Activities);

public sealed record CardActivity(Guid ActivityId, string Kind, string Topic, DateTimeOffset HeldAt);

public sealed record CardDiscipline(IReadOnlyList<CardCampaign> Campaigns, bool PledgeSigned);

public sealed record CardCampaign(Guid CampaignId, int Quarter, string Theme, bool Counted, bool Attended, bool MadeUp, bool QuizPassed, bool Covered);

public sealed record CardCommunity(CardRegistration? Registration, int Served, IReadOnlyList<CardService> Services);

public sealed record CardRegistration(string CommunityName, DateOnly RegisteredOn, string State);

public sealed record CardService(Guid ServiceId, DateOnly On, string CommunityName, bool Themed, decimal? Hours, string Summary);

public sealed record CardTickets(bool Available, int? HandledOnTime, string? Note);
