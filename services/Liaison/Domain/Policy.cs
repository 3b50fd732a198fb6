using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Persistence;
using NpgsqlTypes;
using static BrandPlatform.Liaison.Resources.Texts;

namespace BrandPlatform.Liaison.Domain;

/// <summary>
/// A policy in the 政策库: a published document enterprises ask about (title, issuer, day issued, region, summary, full
/// text, tags) that handlers find by searching in Chinese and cite in a ticket's answer. The office publishes, revises
/// and withdraws it; a withdrawn policy stays readable, marked, and is no longer cited.
/// </summary>
public sealed class Policy : Aggregate
{
    public const int TitleMaxLength = 200;
    public const int IssuerMaxLength = 100;
    public const int RegionMaxLength = 50;
    public const int SummaryMaxLength = 2000;
    public const int FullTextMaxLength = 50_000;
    public const int TagMaxLength = 20;
    public const int MaxTags = 10;

    private Policy() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public string Region { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string FullText { get; private set; } = "";
    public List<string> Tags { get; private set; } = [];
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }
    /// <summary>The search terms of title, issuer, summary, full text and tags (<see cref="ChineseSearch"/>), which the tsvector reads.</summary>
    public string SearchTerms { get; private set; } = "";
    public NpgsqlTsVector SearchVector { get; private set; } = null!;

    public bool IsWithdrawn => WithdrawnAt is not null;

    public sealed record Details(string Title, string Issuer, DateOnly IssuedOn, string Region, string Summary, string FullText, IReadOnlyList<string> Tags);

    public static Policy Publish(Details details, DateTimeOffset now)
    {
        var policy = new Policy { Id = Guid.CreateVersion7(now), PublishedAt = now };
        policy.Apply(details, now);
        policy.Raise(policy.Stated(new PolicyPublished { OccurredAt = now }));
        return policy;
    }

    public void Revise(Details details, DateTimeOffset now)
    {
        GuardInForce();
        Apply(details, now);
        Raise(Stated(new PolicyRevised { OccurredAt = now }));
    }

    public void Withdraw(DateTimeOffset now)
    {
        GuardInForce();
        WithdrawnAt = now;
        LastChangedAt = now;
        Version++;
        Raise(Stated(new PolicyWithdrawn { OccurredAt = now }));
    }

    private void GuardInForce()
    {
        if (IsWithdrawn)
        {
            throw new RuleViolation(Text(nameof(LiaisonTexts.PolicyWithdrawn_Title)), Text(nameof(LiaisonTexts.PolicyWithdrawn_Detail)));
        }
    }

    private void Apply(Details details, DateTimeOffset now)
    {
        if (details.IssuedOn > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(LiaisonTexts.DayInFuture_Title)), Text(nameof(LiaisonTexts.DayInFuture_Detail)));
        }
        Title = details.Title.Trim();
        Issuer = details.Issuer.Trim();
        IssuedOn = details.IssuedOn;
        Region = details.Region.Trim();
        Summary = details.Summary.Trim();
        FullText = details.FullText.Trim();
        Tags = [.. details.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()];
        SearchTerms = ChineseSearch.Terms([Title, Issuer, Region, Summary, FullText, .. Tags]);
        LastChangedAt = now;
        Version++;
    }

    private T Stated<T>(T policyEvent) where T : PolicyEvent => policyEvent with
    {
        PolicyId = Id, Title = Title, Issuer = Issuer, IssuedOn = IssuedOn, Region = Region, Tags = Tags, InForce = !IsWithdrawn,
    };
}
