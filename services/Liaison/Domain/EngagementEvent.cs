using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Liaison.Resources.Texts;

namespace BrandPlatform.Liaison.Domain;

/// <summary>The department's recurring meetings with enterprises: each series has its own audience and purpose.</summary>
public enum EngagementSeries
{
    /// <summary>企业家日: the city's day for entrepreneurs, leaders meeting them in person.</summary>
    EntrepreneursDay,
    /// <summary>银企对接会: banks meet enterprises with financing needs.</summary>
    BankEnterpriseMatching,
    /// <summary>商会大讲坛: the chambers' lecture series on policy.</summary>
    ChamberLectureHall,
}

public enum EngagementEventState
{
    /// <summary>Announced and open for registration until it starts.</summary>
    Announced,
    /// <summary>Held: who attended is recorded, and its outcomes follow.</summary>
    Held,
    Cancelled,
}

/// <summary>
/// An engagement event the office organises (企业家日, 银企对接会, 商会大讲坛): announced with its date, place and the
/// leaders attending; enterprises (and, at a 银企对接会, banks) register until it starts; once it was held the office
/// records who attended and then its outcomes: financing needs matched with a bank, problems raised (each a ticket,
/// channel event). Registrations and outcomes are rows of their own; the event numbers every change it announces.
/// </summary>
public sealed class EngagementEvent : Aggregate
{
    public const int TitleMaxLength = 100;
    public const int PlaceMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int SummaryMaxLength = 4000;
    public const int LeaderMaxLength = 50;
    public const int MaxLeaders = 10;

    private EngagementEvent() { }

    public Guid Id { get; private set; }
    public EngagementSeries Series { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }
    public string Place { get; private set; } = "";
    /// <summary>The leaders expected (and, once held, those who came), as the office names them.</summary>
    public List<string> Leaders { get; private set; } = [];
    public string? Description { get; private set; }
    public EngagementEventState State { get; private set; }
    public string? Summary { get; private set; }
    public string? CancellationReason { get; private set; }
    public Guid AnnouncedById { get; private set; }
    public DateTimeOffset AnnouncedAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>Changes so far: the ETag a revision's If-Match names.</summary>
    public int Version { get; private set; }

    public sealed record Details(EngagementSeries Series, string Title, DateTimeOffset StartsAt, string Place, IReadOnlyList<string> Leaders, string? Description);

    public static EngagementEvent Announce(Details details, Guid announcedById, DateTimeOffset now)
    {
        var engagement = new EngagementEvent { Id = Guid.CreateVersion7(now), State = EngagementEventState.Announced, AnnouncedById = announcedById, AnnouncedAt = now };
        engagement.Apply(details, now);
        engagement.Raise(engagement.Stated(new EngagementEventAnnounced { OccurredAt = now }));
        return engagement;
    }

    /// <summary>The office corrects an announced event; its series stays what it is.</summary>
    public void Revise(Details details, DateTimeOffset now)
    {
        GuardAnnounced();
        Apply(details with { Series = Series }, now);
        Raise(Stated(new EngagementEventRevised { OccurredAt = now }));
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        GuardAnnounced();
        State = EngagementEventState.Cancelled;
        CancellationReason = reason.Trim();
        Changed(now);
        Raise(Stated(new EngagementEventCancelled { OccurredAt = now }));
    }

    /// <summary>Registrations are taken while the event is announced and has not started.</summary>
    public bool TakesRegistrations(DateTimeOffset now) => State == EngagementEventState.Announced && now < StartsAt;

    public void GuardTakesRegistrations(DateTimeOffset now)
    {
        if (!TakesRegistrations(now))
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.RegistrationClosed_Title)), Text(nameof(LiaisonTexts.RegistrationClosed_Detail)));
        }
    }

    /// <summary>
    /// The office records that the event took place, who of the registered attended and which leaders came: from the
    /// event's day on (the sign-in sheet at the door is kept on the day; registrations close when it is held).
    /// </summary>
    public void Hold(IReadOnlyList<EventRegistration> registrations, IReadOnlySet<Guid> attended, IReadOnlyList<string> leaders, string summary, DateTimeOffset now)
    {
        GuardAnnounced();
        if (ChinaCalendar.DateOf(now) < ChinaCalendar.DateOf(StartsAt))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.EventNotStarted_Title)), Text(nameof(LiaisonTexts.EventNotStarted_Detail)));
        }
        foreach (var registration in registrations)
        {
            registration.MarkAttendance(attended.Contains(registration.Id));
        }
        State = EngagementEventState.Held;
        Summary = summary.Trim();
        if (leaders.Count > 0)
        {
            Leaders = Named(leaders);
        }
        Changed(now);
        var present = registrations.Where(r => r.Attended == true).ToList();
        Raise(Stated(new EngagementEventHeld
        {
            OccurredAt = now, Registered = registrations.Count, AttendedEnterprises = present.Count(r => r.Kind == ParticipantKind.Enterprise),
            AttendedBanks = present.Count(r => r.Kind == ParticipantKind.Bank),
            AttendedCreditCodes = [.. present.Where(r => r.Kind == ParticipantKind.Enterprise).Select(r => r.CreditCode)],
        }));
    }

    /// <summary>An outcome is recorded for an event that was held, between parties that attended it.</summary>
    public void Record(EngagementOutcome outcome, EventRegistration enterprise, EventRegistration? bank, DateTimeOffset now)
    {
        GuardHeld();
        Changed(now);
        Raise(Stated(new EngagementOutcomeRecorded
        {
            OccurredAt = now, OutcomeId = outcome.Id, OutcomeKind = outcome.Kind.ToCode(), EnterpriseCreditCode = enterprise.CreditCode,
            EnterpriseName = enterprise.OrganisationName, BankName = bank?.OrganisationName, AmountInTenThousandYuan = outcome.AmountInTenThousandYuan,
            ProblemId = outcome.ProblemId,
        }));
    }

    public void GuardHeld()
    {
        if (State != EngagementEventState.Held)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.EventNotHeld_Title)), Text(nameof(LiaisonTexts.EventNotHeld_Detail)));
        }
    }

    private void GuardAnnounced()
    {
        if (State != EngagementEventState.Announced)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.EventNotAnnounced_Title)), Text(nameof(LiaisonTexts.EventNotAnnounced_Detail)));
        }
    }

    private void Apply(Details details, DateTimeOffset now)
    {
        if (details.StartsAt <= now)
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.EventInPast_Title)), Text(nameof(LiaisonTexts.EventInPast_Detail)), "startsAt");
        }
        Series = details.Series;
        Title = details.Title.Trim();
        StartsAt = details.StartsAt;
        Place = details.Place.Trim();
        Leaders = Named(details.Leaders);
        Description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        Changed(now);
    }

    /// <summary>Leaders as the office typed them, each named once.</summary>
    private static List<string> Named(IEnumerable<string> leaders) => [.. leaders.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct()];

    private void Changed(DateTimeOffset now)
    {
        LastChangedAt = now;
        Version++;
    }

    private T Stated<T>(T engagementEvent) where T : EngagementEventEvent => engagementEvent with
    {
        EngagementEventId = Id, Series = Series.ToCode(), Title = Title, StartsAt = StartsAt, State = State.ToCode(), Leaders = Leaders,
    };
}

public enum ParticipantKind
{
    Enterprise,
    /// <summary>A bank at a 银企对接会, registered by the office.</summary>
    Bank,
}

/// <summary>
/// An enterprise or a bank registered for an engagement event, by its unified social credit code (once per event): an
/// enterprise contact registers its own enterprise, the office registers anyone. An enterprise may state a need (at a
/// 银企对接会 its financing need and the amount) that an outcome can match. A withdrawal is kept on the record (the
/// office sees who withdrew); registering again takes the same record up with the new details.
/// </summary>
public sealed class EventRegistration
{
    public const int AttendeeMaxLength = 50;
    public const int NeedMaxLength = 1000;

    private EventRegistration() { }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public ParticipantKind Kind { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public string CreditCode { get; private set; } = "";
    public string AttendeeName { get; private set; } = "";
    public string? AttendeePosition { get; private set; }
    public string? Need { get; private set; }
    public decimal? NeedAmountInTenThousandYuan { get; private set; }
    public Guid RegisteredById { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>Null until the event was held; then whether they came.</summary>
    public bool? Attended { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public sealed record Details(
        ParticipantKind Kind, string OrganisationName, string CreditCode, string AttendeeName, string? AttendeePosition, string? Need, decimal? NeedAmount);

    public static EventRegistration For(EngagementEvent engagement, Details details, Guid registeredById, DateTimeOffset now)
    {
        engagement.GuardTakesRegistrations(now);
        var registration = new EventRegistration { Id = Guid.CreateVersion7(now), EventId = engagement.Id, CreditCode = details.CreditCode };
        registration.Apply(details, registeredById, now);
        return registration;
    }

    /// <summary>The organisation registers again after withdrawing: the same record, with what it says now.</summary>
    public void Renew(EngagementEvent engagement, Details details, Guid registeredById, DateTimeOffset now)
    {
        engagement.GuardTakesRegistrations(now);
        if (!IsWithdrawn)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.AlreadyRegistered_Title)), Text(nameof(LiaisonTexts.AlreadyRegistered_Detail)));
        }
        Apply(details, registeredById, now);
    }

    /// <summary>A registration is withdrawn, once, while the event still takes registrations.</summary>
    public void Withdraw(EngagementEvent engagement, DateTimeOffset now)
    {
        if (IsWithdrawn)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.AlreadyWithdrawn_Title)), Text(nameof(LiaisonTexts.AlreadyWithdrawn_Detail)));
        }
        engagement.GuardTakesRegistrations(now);
        WithdrawnAt = now;
    }

    internal void MarkAttendance(bool attended) => Attended = attended;

    private void Apply(Details details, Guid registeredById, DateTimeOffset now)
    {
        Kind = details.Kind;
        OrganisationName = details.OrganisationName.Trim();
        AttendeeName = details.AttendeeName.Trim();
        AttendeePosition = Trimmed(details.AttendeePosition);
        Need = Trimmed(details.Need);
        NeedAmountInTenThousandYuan = details.NeedAmount;
        RegisteredById = registeredById;
        RegisteredAt = now;
        WithdrawnAt = null;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public enum OutcomeKind
{
    /// <summary>An enterprise's financing need matched with a bank (融资需求对接成功).</summary>
    FinancingMatched,
    /// <summary>An enterprise raised a problem, filed as a ticket (channel event).</summary>
    ProblemRaised,
    /// <summary>Any other agreement or result, described in the note.</summary>
    Other,
}

/// <summary>What came of an engagement event for one enterprise that attended.</summary>
public sealed class EngagementOutcome
{
    public const int NoteMaxLength = 1000;

    private EngagementOutcome() { }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public OutcomeKind Kind { get; private set; }
    public Guid EnterpriseRegistrationId { get; private set; }
    public Guid? BankRegistrationId { get; private set; }
    public decimal? AmountInTenThousandYuan { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The problem raised (ProblemRaised outcomes), followed to its ticket.</summary>
    public Guid? ProblemId { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static EngagementOutcome Of(
        EngagementEvent engagement, OutcomeKind kind, EventRegistration enterprise, EventRegistration? bank, decimal? amount, string? note,
        RaisedProblem? problem, Guid recordedById, DateTimeOffset now)
    {
        engagement.GuardHeld();
        if (enterprise.Kind != ParticipantKind.Enterprise || enterprise.Attended != true || (bank is not null && (bank.Kind != ParticipantKind.Bank || bank.Attended != true)))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.OutcomeParties_Title)), Text(nameof(LiaisonTexts.OutcomeParties_Detail)));
        }
        var outcome = new EngagementOutcome
        {
            Id = Guid.CreateVersion7(now), EventId = engagement.Id, Kind = kind, EnterpriseRegistrationId = enterprise.Id, BankRegistrationId = bank?.Id,
            AmountInTenThousandYuan = amount, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), ProblemId = problem?.Id,
            RecordedById = recordedById, RecordedAt = now,
        };
        engagement.Record(outcome, enterprise, bank, now);
        return outcome;
    }
}
