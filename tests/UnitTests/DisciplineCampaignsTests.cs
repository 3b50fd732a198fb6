using System.Globalization;
using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Platform.Domain;
using Shouldly;
using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

/// <summary>The pure rules of campaigns and make-ups: who may make up a campaign, and when a make-up is complete.</summary>
public sealed class DisciplineCampaignsTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly Guid Banquet = Guid.CreateVersion7(), Gifts = Guid.CreateVersion7(), Wang = Guid.CreateVersion7();

    private static WarningCampaign Campaign()
    {
        var now = China(10, 9, 10);
        var questions = Enumerable.Range(1, 3)
            .Select(i => QuizQuestion.Create(QuestionKind.TrueFalse, $"第{i}题", ["正确", "错误"], [1], null, [ViolationType.ImproperGifts], "office", now)).ToList();
        return WarningCampaign.Launch(2026, 4, "严守中央八项规定精神", [Banquet, Gifts], 1, new QuizSettings(2, 30, 80), questions, "office", now);
    }

    private static IReadOnlyList<Contracts.IntegrationEvent> Raised(IEventSource source) => source.RaisedEvents.Take();

    [Fact]
    public void A_member_absent_from_a_held_session_of_their_branch_may_make_up()
    {
        WarningMakeUp.Refusal(Campaign(), attended: false, onABranchRoster: true, branchHasHeld: true).ShouldBeNull();
    }

    [Theory]
    [InlineData(true, true, true, "无需补学")]
    [InlineData(false, true, false, "本支部尚未召开警示教育会，请参加支部会议")]
    [InlineData(false, false, false, "不在任何支部的名册中")]
    public void Present_members_members_whose_branch_has_not_met_and_members_of_no_branch_are_refused(
        bool attended, bool onABranchRoster, bool branchHasHeld, string says)
    {
        var refusal = WarningMakeUp.Refusal(Campaign(), attended, onABranchRoster, branchHasHeld).ShouldNotBeNull();

        refusal.Status.ShouldBe(409);
        refusal.Detail.Format(Chinese).ShouldContain(says);
    }

    [Fact]
    public void A_closed_campaign_has_nothing_to_make_up()
    {
        var campaign = Campaign();
        campaign.Close(China(12, 31, 17));

        WarningMakeUp.Refusal(campaign, attended: false, onABranchRoster: true, branchHasHeld: true)!.Title.Format(Chinese).ShouldBe("警示教育已结束");
    }

    [Fact]
    public void A_make_up_completes_once_when_every_case_is_read_and_the_quiz_is_passed()
    {
        var campaign = Campaign();
        var makeUp = WarningMakeUp.Start(campaign, Wang, China(11, 20, 9));

        makeUp.ReadCase(campaign, Banquet, quizPassed: true, China(11, 20, 9));
        makeUp.IsComplete.ShouldBeFalse();
        makeUp.ReadCase(campaign, Gifts, quizPassed: false, China(11, 20, 10));
        makeUp.IsComplete.ShouldBeFalse();
        makeUp.CompleteIfDone(campaign, quizPassed: true, China(11, 21, 9));
        makeUp.ReadCase(campaign, Gifts, quizPassed: true, China(11, 22, 9));

        makeUp.CompletedAt.ShouldBe(China(11, 21, 9));
        var completed = Raised(makeUp).OfType<WarningMakeUpCompleted>().ShouldHaveSingleItem();
        (completed.PersonId, completed.CampaignId).ShouldBe((Wang, campaign.Id));
    }

    [Fact]
    public void The_second_campaign_of_a_quarter_is_refused_naming_the_quarter()
    {
        var taken = WarningCampaign.QuarterTaken(2026, 4);

        taken.Status.ShouldBe(409);
        taken.Detail.Format(Chinese).ShouldContain("2026年第4季度");
    }
}
