using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Liaison.Resources.Texts;

namespace BrandPlatform.Liaison.Domain;

/// <summary>How a cadre kept in touch with the friend of a 联谊交友 pair.</summary>
public enum FriendshipContactWay
{
    /// <summary>谈心交心: a heart-to-heart talk (one of the 五个一 duties).</summary>
    HeartToHeartTalk,
    Meeting,
    Phone,
    Message,
    Other,
}

/// <summary>
/// A 联谊交友 pair: the office pairs a cadre with a contact (one pair per cadre and contact at a time), and the cadre keeps
/// in touch: each contact logged, and every visit on which the cadre met the contact, counts towards the yearly minimum
/// (<see cref="FriendshipOptions.MinimumContactsPerYear"/>). An ended pair keeps its record.
/// </summary>
public sealed class FriendshipPair : Aggregate
{
    private FriendshipPair() { }

    public Guid Id { get; private set; }
    public Guid CadreId { get; private set; }
    public string CadreName { get; private set; } = "";
    public Guid ContactId { get; private set; }
    public DateOnly FormedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public DateTimeOffset FormedAt { get; private set; }

    public bool IsEnded => EndedOn is not null;

    public static FriendshipPair Form(Visitor cadre, UnitedFrontContact contact, DateOnly formedOn, DateTimeOffset now)
    {
        if (formedOn > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.DayInFuture_Title)), Text(nameof(LiaisonTexts.DayInFuture_Detail)));
        }
        var pair = new FriendshipPair
        {
            Id = Guid.CreateVersion7(now), CadreId = cadre.PersonId, CadreName = cadre.Name, ContactId = contact.Id, FormedOn = formedOn, FormedAt = now,
        };
        pair.Raise(pair.Stated(new FriendshipPairFormed { OccurredAt = now, ContactCategory = contact.Category.ToCode() }));
        return pair;
    }

    public void End(DateOnly endedOn, DateTimeOffset now)
    {
        GuardActive();
        if (endedOn < FormedOn || endedOn > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.FriendshipDay_Title)), Text(nameof(LiaisonTexts.FriendshipDay_Detail)));
        }
        EndedOn = endedOn;
        Raise(Stated(new FriendshipPairEnded { OccurredAt = now }));
    }

    /// <summary>The cadre kept in touch on <paramref name="on"/>: a day while the pair was formed, not after today.</summary>
    public FriendshipContact Log(DateOnly on, FriendshipContactWay way, string? note, Guid loggedById, DateTimeOffset now)
    {
        GuardActive();
        if (on < FormedOn || on > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.FriendshipDay_Title)), Text(nameof(LiaisonTexts.FriendshipDay_Detail)));
        }
        return new FriendshipContact(Guid.CreateVersion7(now), Id, on, way, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), loggedById, now);
    }

    public bool IsKeptBy(Guid? personId) => personId == CadreId;

    private void GuardActive()
    {
        if (IsEnded)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.FriendshipEnded_Title)), Text(nameof(LiaisonTexts.FriendshipEnded_Detail)));
        }
    }

    private T Stated<T>(T friendshipEvent) where T : FriendshipEvent =>
        friendshipEvent with { PairId = Id, CadreId = CadreId, ContactId = ContactId, FormedOn = FormedOn, EndedOn = EndedOn };
}

/// <summary>One time the cadre of a pair kept in touch with the friend.</summary>
public sealed record FriendshipContact(Guid Id, Guid PairId, DateOnly On, FriendshipContactWay Way, string? Note, Guid LoggedById, DateTimeOffset LoggedAt)
{
    public const int NoteMaxLength = 1000;
}

/// <summary>
/// The 五个一 duties of a cadre in a year (深入开展"五个一"活动): make a friend outside the party, talk heart to heart, go
/// on a visit, help solve a practical problem, and report on thinking (思想动态). Each is read from the records.
/// </summary>
public enum FiveOnesDuty
{
    /// <summary>结交一位党外朋友: a 联谊交友 pair that ran during the year.</summary>
    MakeFriend,
    /// <summary>开展一次谈心交心: a heart-to-heart talk logged with the friend.</summary>
    HeartToHeartTalk,
    /// <summary>参加一次走访: a visit the cadre went on.</summary>
    Visit,
    /// <summary>帮助解决一个实际问题: a problem the cadre raised whose ticket was resolved.</summary>
    SolveProblem,
    /// <summary>报送一份思想动态: a thought-trend note handed in.</summary>
    ThoughtReport,
}

/// <summary>Liaison:Friendship: how often a pair keeps in touch.</summary>
public sealed class FriendshipOptions
{
    public const string Section = "Liaison:Friendship";

    /// <summary>Contacts a pair keeps in a year (logged, and visits on which the cadre met the friend); four by default, one a quarter.</summary>
    public int MinimumContactsPerYear { get; set; } = 4;
}

/// <summary>
/// 思想动态: what a cadre learned of the thinking of the united-front figures they keep in touch with, for the office
/// alone: its author hands it in and the office reads it; it is announced to no one.
/// </summary>
public sealed class ThoughtTrendNote
{
    public const int TopicMaxLength = 100;
    public const int ContentMaxLength = 4000;

    private ThoughtTrendNote() { }

    public Guid Id { get; private set; }
    public DateOnly ObservedOn { get; private set; }
    /// <summary>The contact it is about, if one; otherwise the category of figures it concerns.</summary>
    public Guid? ContactId { get; private set; }
    public ContactCategory? ContactCategory { get; private set; }
    public string Topic { get; private set; } = "";
    public string Content { get; private set; } = "";
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }

    public static ThoughtTrendNote Submit(
        DateOnly observedOn, UnitedFrontContact? contact, ContactCategory? category, string topic, string content, Visitor author, DateTimeOffset now)
    {
        if (observedOn > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.DayInFuture_Title)), Text(nameof(LiaisonTexts.DayInFuture_Detail)));
        }
        return new ThoughtTrendNote
        {
            Id = Guid.CreateVersion7(now), ObservedOn = observedOn, ContactId = contact?.Id, ContactCategory = contact?.Category ?? category,
            Topic = topic.Trim(), Content = content.Trim(), AuthorId = author.PersonId, AuthorName = author.Name, SubmittedAt = now,
        };
    }
}
