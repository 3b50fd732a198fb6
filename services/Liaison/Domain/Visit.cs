using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Liaison.Resources.Texts;

namespace BrandPlatform.Liaison.Domain;

/// <summary>The contact work a visit was: each counts towards the department's reach in its own way.</summary>
public enum VisitKind
{
    /// <summary>新春走访慰问: the new-year round of visits to representative figures.</summary>
    SpringFestivalVisit,
    /// <summary>四访四通: visits to enterprises, to hear their problems.</summary>
    FourVisitsToEnterprises,
    /// <summary>脚底板工作法: a field visit, on foot, where the work is.</summary>
    FieldVisit,
}

/// <summary>A cadre who went on a visit, by the name the rosters gave them then.</summary>
public sealed record Visitor(Guid PersonId, string Name);

/// <summary>
/// A visit cadres made to contacts: when, where, who went, whom they met and what they found. Recorded after the fact
/// by one of the visitors (from a phone, on the way back), never for a day to come. The problems raised on it are
/// aggregates of their own (<see cref="RaisedProblem"/>), each becoming a ticket.
/// </summary>
public sealed class Visit : Aggregate
{
    public const int PlaceMaxLength = 200;
    public const int FindingsMaxLength = 4000;
    public const int MaxVisitors = 10;
    public const int MaxContacts = 20;

    private Visit() { }

    public Guid Id { get; private set; }
    public VisitKind Kind { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public string Place { get; private set; } = "";
    public List<Visitor> Visitors { get; private set; } = [];
    /// <summary>The visitors' ids again, as a column lists of visits can be filtered by.</summary>
    public List<Guid> VisitorIds { get; private set; } = [];
    public List<Guid> ContactIds { get; private set; } = [];
    public string Findings { get; private set; } = "";
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static Visit Record(
        VisitKind kind, DateOnly visitedOn, string place, IReadOnlyList<Visitor> visitors, IReadOnlyList<UnitedFrontContact> contacts,
        string findings, Guid recordedById, int problemCount, DateTimeOffset now)
    {
        if (visitedOn > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.VisitInFuture_Title)), Text(nameof(LiaisonTexts.VisitInFuture_Detail)));
        }
        var visit = new Visit
        {
            Id = Guid.CreateVersion7(now), Kind = kind, VisitedOn = visitedOn, Place = place.Trim(), Visitors = [.. visitors.DistinctBy(v => v.PersonId)],
            ContactIds = [.. contacts.Select(c => c.Id).Distinct()], Findings = findings.Trim(), RecordedById = recordedById, RecordedAt = now,
        };
        visit.VisitorIds = [.. visit.Visitors.Select(v => v.PersonId)];
        visit.Raise(new VisitRecorded
        {
            OccurredAt = now, VisitId = visit.Id, Kind = kind.ToCode(), VisitedOn = visitedOn, VisitorIds = visit.VisitorIds,
            ContactIds = visit.ContactIds, ContactCategories = [.. visit.ContactIds.Select(id => contacts.First(c => c.Id == id).Category.ToCode())],
            ProblemCount = problemCount,
        });
        return visit;
    }

    public bool WasMadeBy(Guid? personId) => personId is { } id && VisitorIds.Contains(id);
}
