using BrandPlatform.Community.Resources;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Community.Resources.Texts;

namespace BrandPlatform.Community.Domain;

public enum RegistrationState
{
    Pending,
    Confirmed,
    Ended,
}

public enum ConfirmedBy
{
    /// <summary>The community's contact confirmed the member reported there (the branch records it).</summary>
    CommunityContact,
    Branch,
}

/// <summary>
/// 在职党员到社区报到: a member reports to the community where they live, once a year; the community's contact or the
/// branch confirms it. Moving house ends the registration, and the member registers again.
/// </summary>
public sealed class CommunityRegistration : Aggregate
{
    public const int NoteMaxLength = 500;

    private CommunityRegistration() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public Guid BranchId { get; private set; }
    public Guid CommunityId { get; private set; }
    public string CommunityName { get; private set; } = "";
    public int Year { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    public RegistrationState State { get; private set; }
    public ConfirmedBy? ConfirmedBy { get; private set; }
    public DateOnly? ConfirmedOn { get; private set; }
    public string? ConfirmationNote { get; private set; }
    public string? ConfirmedByName { get; private set; }
    public int Version { get; private set; }

    public static CommunityRegistration Register(
        Guid personId, string personName, Guid branchId, ResidentialCommunity community, DateOnly on, DateTimeOffset now)
    {
        var registration = new CommunityRegistration
        {
            Id = Guid.CreateVersion7(now), PersonId = personId, PersonName = personName, BranchId = branchId, CommunityId = community.Id,
            CommunityName = community.Name, Year = on.Year, RegisteredOn = on, State = RegistrationState.Pending, Version = 1,
        };
        registration.Raise(registration.Stated(new MemberRegisteredWithCommunity { OccurredAt = now }));
        return registration;
    }

    public void Confirm(ConfirmedBy by, DateOnly on, string? note, string confirmedByName, DateTimeOffset now)
    {
        if (State != RegistrationState.Pending)
        {
            throw new RuleViolation(Text(nameof(CommunityTexts.RegistrationNotPending_Title)),
                Text(nameof(CommunityTexts.RegistrationNotPending_Detail), State));
        }
        if (on < RegisteredOn)
        {
            throw RuleViolation.Unprocessable(Text(nameof(CommunityTexts.ConfirmedBeforeRegistered_Title)),
                Text(nameof(CommunityTexts.ConfirmedBeforeRegistered_Detail), RegisteredOn), "confirmedOn");
        }
        State = RegistrationState.Confirmed;
        ConfirmedBy = by;
        ConfirmedOn = on;
        ConfirmationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ConfirmedByName = confirmedByName;
        Version++;
        Raise(Stated(new MemberRegistrationConfirmed { OccurredAt = now, ConfirmedBy = by.ToCode(), ConfirmedOn = on }));
    }

    public void End(DateTimeOffset now)
    {
        if (State == RegistrationState.Ended)
        {
            throw new RuleViolation(Text(nameof(CommunityTexts.RegistrationEnded_Title)), Text(nameof(CommunityTexts.RegistrationEnded_Detail)));
        }
        State = RegistrationState.Ended;
        Version++;
        Raise(Stated(new MemberRegistrationEnded { OccurredAt = now }));
    }

    private T Stated<T>(T registrationEvent) where T : MemberRegistrationEvent => registrationEvent with
    {
        RegistrationId = Id, PersonId = PersonId, BranchId = BranchId, CommunityId = CommunityId, CommunityName = CommunityName, Year = Year,
        RegisteredOn = RegisteredOn, State = State.ToCode(),
    };
}
