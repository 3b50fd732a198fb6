using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Study.Domain;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>
/// The youth study group's host rotation (每2个月轮值): two-month terms from 1 January, March, ...; nobody hosts twice
/// before every current member has hosted once; a leaver's future terms pass on, a joiner queues behind those who have
/// not hosted; begun terms never change.
/// </summary>
public sealed class YouthGroupRotationTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 1, 10);

    // Ties go to the earliest joined, then the lowest id: A and B joined the same day, A's id is lower.
    private static readonly RotationCandidate A = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"), "甲", new DateOnly(2025, 3, 1));
    private static readonly RotationCandidate B = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"), "乙", new DateOnly(2025, 3, 1));
    private static readonly RotationCandidate C = new(Guid.Parse("00000000-0000-0000-0000-000000000001"), "丙", new DateOnly(2025, 6, 1));
    private static readonly RotationCandidate D = new(Guid.Parse("00000000-0000-0000-0000-000000000002"), "丁", new DateOnly(2026, 12, 20));

    [Theory]
    [InlineData("2027-01-10", "2027-01-01", "2027-02-28")]
    [InlineData("2027-04-30", "2027-03-01", "2027-04-30")]
    [InlineData("2028-02-29", "2028-01-01", "2028-02-29")]
    [InlineData("2026-12-31", "2026-11-01", "2026-12-31")]
    public void Terms_are_two_months_from_the_first_of_an_odd_month(string day, string from, string to)
    {
        var term = HostTerm.Containing(DateOnly.Parse(day));
        (term.From, term.To).ShouldBe((DateOnly.Parse(from), DateOnly.Parse(to)));
        term.Next().From.ShouldBe(term.To.AddDays(1));
    }

    [Fact]
    public void Scheduling_goes_round_everyone_before_anyone_hosts_again_and_announces_each_term()
    {
        var rotation = YouthGroupRotation.For(Guid.NewGuid(), Now);

        rotation.Schedule(Today, 6, [C, B, A], Today, Now);

        Hosts(rotation).ShouldBe(["甲", "乙", "丙", "甲", "乙", "丙"]);
        rotation.Terms[0].From.ShouldBe(new DateOnly(2027, 1, 1));
        rotation.Terms[^1].To.ShouldBe(new DateOnly(2027, 12, 31));
        var announced = Announced(rotation);
        announced.Select(e => (e.PersonId, e.From)).ShouldBe(rotation.Terms.Select(t => (t.PersonId!.Value, t.From)));
        announced.ShouldAllBe(e => e.GroupId == rotation.GroupId);
    }

    [Fact]
    public void A_leaver_s_future_terms_go_to_the_next_in_line_and_the_begun_term_stays()
    {
        var rotation = Scheduled([A, B, C], terms: 6);

        rotation.Refresh([B, C], Today, Now);

        // 甲 hosts the begun term; the others have hosted none, so they come first.
        Hosts(rotation).ShouldBe(["甲", "乙", "丙", "乙", "丙", "乙"]);
        Announced(rotation).Select(e => (e.DisplayName, e.From.Month)).ShouldBe([("乙", 7), ("丙", 9), ("乙", 11)],
            "only the terms whose host changed are announced again");
    }

    [Fact]
    public void A_leaver_who_hosts_the_begun_term_keeps_it()
    {
        var rotation = Scheduled([A, B, C], terms: 3);

        rotation.Refresh([B, C], Today, Now);

        rotation.Terms[0].DisplayName.ShouldBe("甲");
        Announced(rotation).ShouldBeEmpty("乙 and 丙 were next anyway");
    }

    [Fact]
    public void A_joiner_queues_behind_those_who_have_not_hosted_and_before_anyone_s_second_term()
    {
        var rotation = Scheduled([A, B, C], terms: 6);

        rotation.Refresh([A, B, C, D], Today, Now);

        Hosts(rotation).ShouldBe(["甲", "乙", "丙", "丁", "甲", "乙"]);
        Announced(rotation).Select(e => e.DisplayName).ShouldBe(["丁", "甲", "乙"]);
    }

    [Fact]
    public void A_leave_and_a_join_together_count_the_terms_already_hosted()
    {
        var rotation = Scheduled([A, B, C], terms: 6);
        // Months later: 甲 and 乙 have hosted, 丙 hosts now.
        var may = new DateOnly(2027, 5, 3);

        rotation.Refresh([A, C, D], may, Now.AddMonths(4));

        Hosts(rotation).ShouldBe(["甲", "乙", "丙", "丁", "甲", "丙"]);
    }

    [Fact]
    public void Nobody_hosts_twice_before_everyone_has_hosted_once_counting_past_terms()
    {
        var rotation = Scheduled([A, B], terms: 2);
        var march = new DateOnly(2027, 3, 1);

        // Scheduled again from May with 丙 in the group: 丙 has hosted nothing, 甲 and 乙 once each.
        rotation.Schedule(new DateOnly(2027, 5, 1), 3, [A, B, C], march, Now.AddMonths(2));

        Hosts(rotation).ShouldBe(["甲", "乙", "丙", "甲", "乙"]);
    }

    [Fact]
    public void Planned_terms_after_the_range_are_planned_again_not_dropped()
    {
        var rotation = Scheduled([A, B, C], terms: 6);

        rotation.Schedule(new DateOnly(2027, 3, 1), 1, [A, B, C, D], Today, Now);

        rotation.Terms.Count.ShouldBe(6);
        Hosts(rotation).ShouldBe(["甲", "乙", "丙", "丁", "甲", "乙"]);
    }

    [Fact]
    public void When_nobody_is_left_future_terms_stand_empty_until_someone_joins()
    {
        var rotation = Scheduled([A, B], terms: 4);

        rotation.Refresh([], Today, Now);

        rotation.Terms.Select(t => t.DisplayName).ShouldBe(["甲", null, null, null]);
        Announced(rotation).ShouldBeEmpty();

        rotation.Refresh([D], Today, Now);
        Hosts(rotation).ShouldBe(["甲", "丁", "丁", "丁"]);
        Announced(rotation).Count.ShouldBe(3);
    }

    [Fact]
    public void A_group_without_members_cannot_be_scheduled()
    {
        var rotation = YouthGroupRotation.For(Guid.NewGuid(), Now);

        var refused = Should.Throw<RuleViolation>(() => rotation.Schedule(Today, 6, [], Today, Now));

        refused.Status.ShouldBe(422);
        rotation.Terms.ShouldBeEmpty();
    }

    [Fact]
    public void An_unchanged_roster_changes_nothing()
    {
        var rotation = Scheduled([A, B, C], terms: 6);
        var version = rotation.Version;

        rotation.Refresh([C, A, B], Today, Now);

        rotation.Version.ShouldBe(version);
        Announced(rotation).ShouldBeEmpty();
    }

    private static YouthGroupRotation Scheduled(RotationCandidate[] members, int terms)
    {
        var rotation = YouthGroupRotation.For(Guid.NewGuid(), Now);
        rotation.Schedule(Today, terms, members, Today, Now);
        Announced(rotation);
        return rotation;
    }

    private static string?[] Hosts(YouthGroupRotation rotation) => [.. rotation.Terms.Select(t => t.DisplayName)];

    /// <summary>The hosts announced since the last look.</summary>
    private static List<YouthGroupHostAssigned> Announced(YouthGroupRotation rotation) =>
        [.. ((IEventSource)rotation).RaisedEvents.Take().Cast<YouthGroupHostAssigned>()];
}
