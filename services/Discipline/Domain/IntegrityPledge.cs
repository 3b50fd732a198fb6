using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Domain;

/// <summary>Whose pledge text a member signs: leadership-team members (部务会成员) sign theirs, every other member the members'.</summary>
public enum PledgeRole
{
    LeadershipTeamMember,
    PartyMember,
}

/// <summary>
/// The year's integrity pledge (廉政承诺书) for a role, published by the office. Published once and never changed:
/// members sign exactly this text (its hash is kept with each signature).
/// </summary>
public sealed class PledgeText
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10000;

    private PledgeText() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public PledgeRole Role { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>SHA-256 of the body, hex: what a signature says was signed.</summary>
    public string BodyHash { get; private set; } = "";
    public string PublishedBy { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }

    public static PledgeText Publish(int year, PledgeRole role, string title, string body, string actor, DateTimeOffset now)
    {
        var text = body.Trim();
        return new PledgeText
        {
            Id = Guid.CreateVersion7(now),
            Year = year,
            Role = role,
            Title = title.Trim(),
            Body = text,
            BodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            PublishedBy = actor,
            PublishedAt = now,
        };
    }

    /// <summary>409 for a second text of the same year and role: what members sign must stay what they signed.</summary>
    public RuleViolation AlreadyPublished() => new(Text(nameof(DisciplineTexts.PledgeTextExists_Title)),
        Text(nameof(DisciplineTexts.PledgeTextExists_Detail), Year, Role, ChinaCalendar.DateOf(PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}

/// <summary>
/// A member's signature of the year's pledge: timestamped and immutable (the database refuses to change or delete
/// one). One per member and year.
/// </summary>
public sealed class PledgeSignature : Aggregate
{
    private PledgeSignature() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public Guid PersonId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public PledgeRole Role { get; private set; }
    public Guid PledgeTextId { get; private set; }
    public string BodyHash { get; private set; } = "";
    /// <summary>The member's branch when signing, for the branch's list.</summary>
    public Guid? BranchId { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>Signs the text of the member's role for its year; only the current year's pledge can be signed (422).</summary>
    public static PledgeSignature Sign(PledgeText text, Guid personId, string displayName, Guid? branchId, DateTimeOffset now)
    {
        if (text.Year != ChinaCalendar.DateOf(now).Year)
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.PledgeNotThisYear_Title)),
                Text(nameof(DisciplineTexts.PledgeNotThisYear_Detail), text.Year));
        }
        var signature = new PledgeSignature
        {
            Id = Guid.CreateVersion7(now),
            Year = text.Year,
            PersonId = personId,
            DisplayName = displayName,
            Role = text.Role,
            PledgeTextId = text.Id,
            BodyHash = text.BodyHash,
            BranchId = branchId,
            // PostgreSQL keeps microseconds: the time answered now is the time read back later.
            SignedAt = now.AddTicks(-(now.Ticks % 10)),
        };
        signature.Raise(new PledgeSigned
        {
            OccurredAt = now,
            SignatureId = signature.Id,
            Year = signature.Year,
            PersonId = personId,
            PledgeTextId = text.Id,
            Role = text.Role.ToCode(),
            BranchId = branchId,
            SignedAt = signature.SignedAt,
        });
        return signature;
    }

    /// <summary>The role whose text a member signs: the leaders' when they sit on a leadership team, the members' otherwise.</summary>
    public static PledgeRole RoleOf(bool onLeadershipTeam) => onLeadershipTeam ? PledgeRole.LeadershipTeamMember : PledgeRole.PartyMember;

    /// <summary>409 for a second signing, saying when the member signed: a signature is never replaced.</summary>
    public RuleViolation AlreadySigned() => new(Text(nameof(DisciplineTexts.PledgeAlreadySigned_Title)),
        Text(nameof(DisciplineTexts.PledgeAlreadySigned_Detail), SignedAt.ToChinaTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Year));
}
