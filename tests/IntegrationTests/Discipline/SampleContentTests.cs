using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.SampleContent;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>A demonstration system starts with cases, questions and pledge texts the office can launch a campaign with.</summary>
public sealed class SampleContentTests(TestServers servers)
{
    [Fact]
    public async Task A_demonstration_starts_with_enough_to_launch_a_campaign_and_a_restart_adds_nothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = servers.NewDatabase("discipline");
        var settings = new Dictionary<string, string?> { [SampleContent.Switch] = "true", ["ConnectionStrings:disciplinedb"] = database };
        await using (var first = await ServiceFactory<DisciplineDbContext>.CreateAsync(servers, "discipline", "disciplinedb", settings))
        {
            await first.WaitUntilHealthyAsync(cancellationToken);
        }
        await using var restarted = await ServiceFactory<DisciplineDbContext>.CreateAsync(servers, "discipline", "disciplinedb", settings);
        await restarted.WaitUntilHealthyAsync(cancellationToken);

        var (cases, questions, pledges) = await restarted.QueryAsync(async db => (
            await db.Cases.ToListAsync(cancellationToken),
            await db.Questions.ToListAsync(cancellationToken),
            await db.PledgeTexts.ToListAsync(cancellationToken)));
        cases.Count.ShouldBe(6, "added once, not again on restart");
        cases.SelectMany(c => c.ViolationTypes).Select(t => t.Family()).Distinct().Count().ShouldBeGreaterThan(3, "the library's tags span the rules");
        questions.Count.ShouldBe(12);
        questions.Select(q => q.Kind).Distinct().Count().ShouldBe(3);
        pledges.Select(p => p.Role).ShouldBe([PledgeRole.LeadershipTeamMember, PledgeRole.PartyMember], ignoreOrder: true);
        pledges.ShouldAllBe(p => p.Year == DateTime.UtcNow.AddHours(8).Year);
    }

    [Fact]
    public async Task Without_the_switch_the_service_starts_empty()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var service = await ServiceFactory<DisciplineDbContext>.CreateAsync(servers, "discipline", "disciplinedb");
        await service.WaitUntilHealthyAsync(cancellationToken);

        (await service.QueryAsync(db => db.Cases.AnyAsync(cancellationToken))).ShouldBeFalse();
        (await service.QueryAsync(db => db.Questions.AnyAsync(cancellationToken))).ShouldBeFalse();
    }
}
