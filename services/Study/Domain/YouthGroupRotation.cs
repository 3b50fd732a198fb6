using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

/// <summary>
/// The host rotation of one youth study group (青年理论学习小组, 每2个月轮值): two-month terms and who hosts each. Fair by
/// construction: each term that is (re)assigned goes to the current member who has hosted fewest terms so far (every
/// term before it counts), ties to the earliest joined, then the lowest person id; so nobody hosts a second time before
/// everyone current has hosted once, a leaver's future terms pass to the next in line and a joiner queues behind those
/// who have not hosted yet. Terms that have begun never change. Every term given to someone new announces its host.
/// </summary>
public sealed class YouthGroupRotation : Aggregate
{
    public const int DefaultTerms = 6;
    /// <summary>Four years at most in one go: a longer plan outlives the roster it is drawn from.</summary>
    public const int MaxTerms = 24;

    private YouthGroupRotation() { }

    public Guid Id { get; private set; }
    public Guid GroupId { get; private set; }
    public IReadOnlyList<HostTerm> Terms { get; private set; } = [];
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>Grows with every change, events or not: a refresh from the roster and a scheduling request cannot both win.</summary>
    public int Version { get; private set; }

    public static YouthGroupRotation For(Guid groupId, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), GroupId = groupId, LastChangedAt = now };

    /// <summary>
    /// Plans <paramref name="terms"/> terms from the one containing <paramref name="from"/>; the terms already planned after
    /// them are planned again too (fairness runs through the whole queue). Terms before <paramref name="from"/> stay.
    /// </summary>
    public void Schedule(DateOnly from, int terms, IReadOnlyList<RotationCandidate> members, DateOnly today, DateTimeOffset now)
    {
        if (members.Count == 0)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.RotationNobodyToHost_Title)),
                Text(nameof(StudyTexts.RotationNobodyToHost_Detail), new UnitReference(GroupId)));
        }
        var first = HostTerm.Containing(from);
        var slots = new List<HostTerm> { first };
        while (slots.Count < terms || Terms.Any(t => t.From > slots[^1].From))
        {
            slots.Add(slots[^1].Next());
        }
        // Every planned term from the first on is among the slots: those begun stay, the others are planned again.
        var kept = Terms.Where(t => t.From < first.From || t.HasStarted(today)).ToList();
        Assign(kept, slots.Where(s => !kept.Any(k => k.From == s.From)), members, now);
    }

    /// <summary>The group's members changed: every term not yet begun is given again by the same rule.</summary>
    public void Refresh(IReadOnlyList<RotationCandidate> members, DateOnly today, DateTimeOffset now) =>
        Assign([.. Terms.Where(t => t.HasStarted(today))], Terms.Where(t => !t.HasStarted(today)), members, now);

    private void Assign(IReadOnlyList<HostTerm> kept, IEnumerable<HostTerm> open, IReadOnlyList<RotationCandidate> members, DateTimeOffset now)
    {
        var hosted = members.ToDictionary(m => m.PersonId, m => kept.Count(t => t.PersonId == m.PersonId));
        var before = Terms.ToDictionary(t => t.From);
        var terms = kept.ToList();
        foreach (var slot in open.OrderBy(t => t.From))
        {
            var host = members.OrderBy(m => hosted[m.PersonId]).ThenBy(m => m.JoinedOn).ThenBy(m => m.PersonId).FirstOrDefault();
            var term = slot with { PersonId = host?.PersonId, DisplayName = host?.DisplayName };
            terms.Add(term);
            if (host is null)
            {
                continue;
            }
            hosted[host.PersonId]++;
            if (before.GetValueOrDefault(slot.From)?.PersonId != host.PersonId)
            {
                Raise(new YouthGroupHostAssigned
                {
                    OccurredAt = now, GroupId = GroupId, PersonId = host.PersonId, DisplayName = host.DisplayName, From = term.From, To = term.To,
                });
            }
        }
        var changed = !terms.OrderBy(t => t.From).SequenceEqual(Terms);
        Terms = [.. terms.OrderBy(t => t.From)];
        if (changed)
        {
            LastChangedAt = now;
            Version++;
        }
    }
}
