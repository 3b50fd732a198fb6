using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Programme;

namespace BrandPlatform.Community.Domain;

/// <summary>A member who served, with the name the rosters gave them on the day.</summary>
public sealed record Participant(Guid PersonId, string Name);

/// <summary>A photo's metadata (the files stay with the branch; the record says what was taken).</summary>
public sealed record PhotoReference(string FileName, string? Caption, DateOnly? TakenOn, long? SizeBytes, string? ContentType);

/// <summary>
/// A volunteer service a branch held in a community (为民办实事): the day, who served, how many people were served and
/// what was done, under the quarter's theme or outside it. Hours are kept for the record and never ranked. Recorded
/// once; residents' problems met on the day become tickets.
/// </summary>
public sealed class CommunityService : Aggregate
{
    public const int SummaryMaxLength = 2000;
    public const int MaxParticipants = 50;
    public const int MaxPhotos = 9;
    public const int MaxPeopleServed = 100_000;
    public const int MaxProblems = 10;

    private CommunityService() { }

    public Guid Id { get; private set; }
    public Guid BranchId { get; private set; }
    public Guid CommunityId { get; private set; }
    public string CommunityName { get; private set; } = "";
    public Guid? ThemeId { get; private set; }
    public DateOnly On { get; private set; }
    public Guid[] ParticipantIds { get; private set; } = [];
    public List<Participant> Participants { get; private set; } = [];
    public int PeopleServed { get; private set; }
    public decimal? Hours { get; private set; }
    public string Summary { get; private set; } = "";
    public List<PhotoReference> Photos { get; private set; } = [];
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static CommunityService Record(
        Guid branchId, ResidentialCommunity community, ServiceTheme? theme, DateOnly on, IReadOnlyList<Participant> participants, int peopleServed,
        decimal? hours, string summary, IReadOnlyList<PhotoReference> photos, Guid recordedById, string recordedByName, DateTimeOffset now)
    {
        var service = new CommunityService
        {
            Id = Guid.CreateVersion7(now), BranchId = branchId, CommunityId = community.Id, CommunityName = community.Name, ThemeId = theme?.Id, On = on,
            ParticipantIds = [.. participants.Select(p => p.PersonId)], Participants = [.. participants], PeopleServed = peopleServed, Hours = hours,
            Summary = summary.Trim(), Photos = [.. photos], RecordedById = recordedById, RecordedByName = recordedByName, RecordedAt = now,
        };
        service.Raise(new CommunityServiceRecorded
        {
            OccurredAt = now, ServiceId = service.Id, BranchId = branchId, CommunityId = community.Id, CommunityName = community.Name, ThemeId = theme?.Id,
            On = on, ParticipantIds = service.ParticipantIds, PeopleServed = peopleServed, Hours = hours, Summary = service.Summary,
        });
        return service;
    }
}

/// <summary>
/// A resident's problem (急难愁盼) met during a service, raised on the resident's behalf; the tickets service files it
/// as a ticket for the resident (one event, so the problem is its own aggregate).
/// </summary>
public sealed class ResidentProblem : Aggregate
{
    public const int ResidentNameMaxLength = 50;

    private ResidentProblem() { }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public string ResidentName { get; private set; } = "";
    public string ResidentPhone { get; private set; } = "";
    public TicketCategory Category { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";

    public static ResidentProblem RaiseFor(
        CommunityService service, string residentName, string residentPhone, TicketCategory category, string title, string description,
        DateTimeOffset now)
    {
        var problem = new ResidentProblem
        {
            Id = Guid.CreateVersion7(now), ServiceId = service.Id, ResidentName = residentName.Trim(), ResidentPhone = PhoneNumbers.Normalize(residentPhone),
            Category = category, Title = title.Trim(), Description = description.Trim(),
        };
        problem.Raise(new ResidentProblemRaised
        {
            OccurredAt = now, ProblemId = problem.Id, ServiceId = service.Id, Title = problem.Title, Category = category.ToCode(),
            Description = problem.Description, ResidentName = problem.ResidentName, ResidentPhone = problem.ResidentPhone, CommunityId = service.CommunityId,
            CommunityName = service.CommunityName, RaisedById = service.RecordedById, RaisedByName = service.RecordedByName,
        });
        return problem;
    }
}
