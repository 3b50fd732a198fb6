using BrandPlatform.Contracts.Directory;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Features.DevelopmentData;
using BrandPlatform.Platform.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>The organisation directory's rules, as the entities enforce them.</summary>
public sealed class DirectoryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 3, 2);

    [Fact]
    public void Each_kind_of_unit_sits_under_the_kind_it_belongs_to()
    {
        var committee = OrganisationUnit.Create("机关党委", UnitKind.OrganCommittee, null, Day, Now);
        var branch = OrganisationUnit.Create("第一党支部", UnitKind.Branch, committee, Day, Now);

        OrganisationUnit.Create("第一党小组", UnitKind.PartyGroup, branch, Day, Now).ParentId.ShouldBe(branch.Id);
        OrganisationUnit.Create("招商服务专班", UnitKind.TaskForce, committee, Day, Now).ParentId.ShouldBe(committee.Id);
        Should.Throw<RuleViolation>(() => OrganisationUnit.Create("党小组", UnitKind.PartyGroup, committee, Day, Now)).Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => OrganisationUnit.Create("支部", UnitKind.Branch, branch, Day, Now)).Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => OrganisationUnit.Create("支部", UnitKind.Branch, null, Day, Now)).Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => OrganisationUnit.Create("党委", UnitKind.OrganCommittee, committee, Day, Now)).Status.ShouldBe(422);
    }

    [Fact]
    public void A_deactivated_unit_takes_no_new_children_and_cannot_be_deactivated_twice()
    {
        var committee = OrganisationUnit.Create("机关党委", UnitKind.OrganCommittee, null, Day, Now);
        var branch = OrganisationUnit.Create("第二党支部", UnitKind.Branch, committee, Day, Now);

        Should.Throw<RuleViolation>(() => branch.Deactivate(Day, hasActiveChildren: false, hasActiveMembers: true, Now)).Status.ShouldBe(409);
        branch.Deactivate(Day.AddDays(1), hasActiveChildren: false, hasActiveMembers: false, Now);

        Should.Throw<RuleViolation>(() => OrganisationUnit.Create("党小组", UnitKind.PartyGroup, branch, Day.AddDays(2), Now)).Status.ShouldBe(409);
        Should.Throw<RuleViolation>(() => branch.Deactivate(Day.AddDays(3), false, false, Now)).Status.ShouldBe(409);
        Events(branch).Select(e => e.GetType()).ShouldBe([typeof(OrganisationUnitCreated), typeof(OrganisationUnitDeactivated)]);
    }

    [Fact]
    public void Joining_another_branch_ends_the_old_branch_and_its_party_groups()
    {
        var committee = OrganisationUnit.Create("机关党委", UnitKind.OrganCommittee, null, Day, Now);
        var first = OrganisationUnit.Create("第一党支部", UnitKind.Branch, committee, Day, Now);
        var group = OrganisationUnit.Create("第一党小组", UnitKind.PartyGroup, first, Day, Now);
        var second = OrganisationUnit.Create("第二党支部", UnitKind.Branch, committee, Day, Now);
        var youth = OrganisationUnit.Create("青年理论学习小组", UnitKind.YouthStudyGroup, committee, Day, Now);
        var person = Person.Register("zhang", "张三", null, null, null, Now);
        person.Join(first, Day, Now);
        person.Join(group, Day, Now);
        person.Join(youth, Day, Now);
        Events(person);

        person.Join(second, Day.AddDays(10), Now);

        person.CurrentBranch!.UnitId.ShouldBe(second.Id);
        person.Memberships.Where(m => m.IsCurrent).Select(m => m.UnitId).ShouldBe([youth.Id, second.Id], ignoreOrder: true);
        person.Memberships.Single(m => m.UnitId == first.Id).ValidTo.ShouldBe(Day.AddDays(10));
        Events(person).Select(e => e.GetType()).ShouldBe([typeof(MemberLeftBranch), typeof(MemberLeftUnit), typeof(MemberJoinedBranch)]);
    }

    [Fact]
    public void A_party_group_takes_only_members_of_its_branch_and_nobody_joins_twice()
    {
        var committee = OrganisationUnit.Create("机关党委", UnitKind.OrganCommittee, null, Day, Now);
        var first = OrganisationUnit.Create("第一党支部", UnitKind.Branch, committee, Day, Now);
        var second = OrganisationUnit.Create("第二党支部", UnitKind.Branch, committee, Day, Now);
        var groupOfSecond = OrganisationUnit.Create("第二党小组", UnitKind.PartyGroup, second, Day, Now);
        var person = Person.Register("li", "李四", null, null, null, Now);
        person.Join(first, Day, Now);

        Should.Throw<RuleViolation>(() => person.Join(groupOfSecond, Day, Now)).Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => person.Join(first, Day, Now)).Status.ShouldBe(409);
        Should.Throw<RuleViolation>(() => person.Join(committee, Day, Now)).Status.ShouldBe(422);
    }

    [Fact]
    public void Deactivating_a_person_ends_every_membership_and_stops_sign_in_but_keeps_them()
    {
        var committee = OrganisationUnit.Create("机关党委", UnitKind.OrganCommittee, null, Day, Now);
        var branch = OrganisationUnit.Create("第三党支部", UnitKind.Branch, committee, Day, Now);
        var taskForce = OrganisationUnit.Create("征迁服务专班", UnitKind.TaskForce, committee, Day, Now);
        var person = Person.Register("wang", "王五", null, null, null, Now);
        person.Join(branch, Day, Now);
        person.Join(taskForce, Day, Now);
        Events(person);

        person.Deactivate(Day.AddDays(30), Now);

        person.IsActive.ShouldBeFalse();
        person.LockoutEnd.ShouldBe(DateTimeOffset.MaxValue);
        person.Memberships.ShouldAllBe(m => m.ValidTo == Day.AddDays(30));
        Events(person).Select(e => e.GetType()).ShouldBe([typeof(MemberLeftBranch), typeof(MemberLeftUnit), typeof(PersonDeactivated)]);
        Should.Throw<RuleViolation>(() => person.Join(branch, Day.AddDays(31), Now)).Status.ShouldBe(409);
    }

    [Fact]
    public async Task Development_data_is_refused_outside_development()
    {
        var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Environment { EnvironmentName = Environments.Production })
            .BuildServiceProvider();

        await Should.ThrowAsync<InvalidOperationException>(() => DevelopmentSeed.SeedAsync(services, TestContext.Current.CancellationToken));
    }

    private static List<BrandPlatform.Contracts.IntegrationEvent> Events(IEventSource source) => [.. source.RaisedEvents.Take()];

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";
        public string ApplicationName { get; set; } = "";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
