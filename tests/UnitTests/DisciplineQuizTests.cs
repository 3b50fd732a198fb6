using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Quizzes;
using BrandPlatform.Platform.Domain;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>The quiz's pure rules: scoring (the exact set for multiple choice, rounding), the sheet's fit, attempt numbers.</summary>
public sealed class DisciplineQuizTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static QuizQuestion Single(int correct) =>
        QuizQuestion.Create(QuestionKind.SingleChoice, "单选题", ["甲", "乙", "丙"], [correct], null, [ViolationType.ImproperGifts], "office", Now);

    private static QuizQuestion Multiple() =>
        QuizQuestion.Create(QuestionKind.MultipleChoice, "多选题", ["甲", "乙", "丙", "丁"], [0, 2], null, [ViolationType.Formalism], "office", Now);

    private static QuizQuestion TrueFalse() =>
        QuizQuestion.Create(QuestionKind.TrueFalse, "判断题", ["正确", "错误"], [0], null, [ViolationType.OfficialCarMisuse], "office", Now);

    private static WarningCampaign Campaign(params QuizQuestion[] bank)
    {
        var today = ChinaCalendar.DateOf(Now);
        return WarningCampaign.Launch(today.Year, (today.Month - 1) / 3 + 1, "以案为鉴", [], 1, new QuizSettings(bank.Length, 30, 60), bank, "office", Now,
            new Random(7));
    }

    private static QuizAnswer Answer(QuizQuestion question, params int[] selected) => new(question.Id, selected);

    [Fact]
    public void Multiple_choice_earns_its_marks_only_for_exactly_the_correct_set_in_any_order()
    {
        var multiple = Multiple();
        var campaign = Campaign(multiple);

        campaign.Score([Answer(multiple, 2, 0)]).ShouldBe(100);
        campaign.Score([Answer(multiple, 0, 0, 2)]).ShouldBe(100);
        campaign.Score([Answer(multiple, 0)]).ShouldBe(0);
        campaign.Score([Answer(multiple, 0, 1, 2)]).ShouldBe(0);
        campaign.Score([Answer(multiple)]).ShouldBe(0);
    }

    [Fact]
    public void The_score_is_out_of_100_with_each_question_weighing_the_same_rounded_half_away_from_zero_and_unanswered_wrong()
    {
        QuizQuestion[] three = [Single(0), Single(1), TrueFalse()];
        var ofThree = Campaign(three);
        ofThree.Score([Answer(three[0], 0), Answer(three[1], 1)]).ShouldBe(67);
        ofThree.Score([Answer(three[0], 0)]).ShouldBe(33);
        ofThree.Score([]).ShouldBe(0);

        QuizQuestion[] eight = [.. Enumerable.Range(0, 8).Select(_ => Single(2))];
        Campaign(eight).Score([Answer(eight[0], 2)]).ShouldBe(13); // 12.5
        Campaign(eight).Score([.. eight.Take(3).Select(q => Answer(q, 2))]).ShouldBe(38); // 37.5
    }

    [Fact]
    public void A_submitted_sheet_is_scored_against_the_pass_mark_and_announced_once()
    {
        QuizQuestion[] bank = [Single(0), Multiple(), TrueFalse()];
        var campaign = Campaign(bank);
        var attempt = QuizAttempt.Start(campaign, Guid.CreateVersion7(), 1, Now);

        attempt.Submit(campaign, [Answer(bank[0], 0), Answer(bank[1], 0, 2), Answer(bank[2], 1)], Now.AddMinutes(10));

        attempt.Score.ShouldBe(67);
        attempt.Passed.ShouldBe(true);
        var completed = ((IEventSource)attempt).RaisedEvents.Take().OfType<QuizCompleted>().ShouldHaveSingleItem();
        (completed.Score, completed.Passed, completed.Number).ShouldBe((67, true, 1));
        Should.Throw<RuleViolation>(() => attempt.Submit(campaign, [], Now.AddMinutes(11))).Status.ShouldBe(409);
    }

    [Fact]
    public void A_sheet_is_refused_after_the_time_limit_and_its_grace_but_not_within_them()
    {
        var bank = new[] { Single(0) };
        var campaign = Campaign(bank);
        var onTime = QuizAttempt.Start(campaign, Guid.CreateVersion7(), 1, Now);
        var late = QuizAttempt.Start(campaign, Guid.CreateVersion7(), 1, Now);

        onTime.Submit(campaign, [], Now.AddMinutes(30) + QuizAttempt.SubmissionGrace);
        var refused = Should.Throw<RuleViolation>(() => late.Submit(campaign, [], Now.AddMinutes(30) + QuizAttempt.SubmissionGrace + TimeSpan.FromSeconds(1)));

        refused.Status.ShouldBe(409);
        late.State.ShouldBe(AttemptState.InProgress);
        late.IsResumable(Now.AddMinutes(31)).ShouldBeFalse();
        onTime.State.ShouldBe(AttemptState.Submitted);
    }

    [Fact]
    public void The_next_attempt_is_the_first_or_follows_a_reopened_one_and_is_refused_after_any_other()
    {
        var campaign = Campaign(Single(0));
        QuizAttempt.NumberAfter(null).ShouldBe(1);

        var failed = QuizAttempt.Start(campaign, Guid.CreateVersion7(), 1, Now);
        failed.Submit(campaign, [], Now.AddMinutes(1));
        Should.Throw<RuleViolation>(() => QuizAttempt.NumberAfter(failed)).Status.ShouldBe(409);
        failed.Reopen("网络中断", "office", Now.AddMinutes(2));
        QuizAttempt.NumberAfter(failed).ShouldBe(2);

        var expired = QuizAttempt.Start(campaign, Guid.CreateVersion7(), 1, Now.AddHours(-2));
        Should.Throw<RuleViolation>(() => QuizAttempt.NumberAfter(expired)).Status.ShouldBe(409);
    }

    [Fact]
    public void A_sheet_that_does_not_fit_the_paper_names_each_field()
    {
        QuizQuestion[] bank = [Single(0), Multiple(), TrueFalse()];
        var paper = Campaign(bank).Paper;
        AnswerRequest Sheet(QuizQuestion question, params int[] selected) => new(question.Id, selected);

        AnswerSheet.Problems(paper, [Sheet(bank[0], 0), Sheet(bank[1], 0, 1, 2, 3), Sheet(bank[2])]).ShouldBeEmpty();
        AnswerSheet.Problems(paper, []).ShouldBeEmpty();
        AnswerSheet.Problems(paper, [new AnswerRequest(Guid.CreateVersion7(), [0])]).Keys.ShouldBe(["answers[0].questionId"]);
        AnswerSheet.Problems(paper, [Sheet(bank[0], 0), Sheet(bank[0], 1)]).Keys.ShouldBe(["answers[1].questionId"]);
        AnswerSheet.Problems(paper, [Sheet(bank[1], 4, 0, -1)]).Keys.Order().ShouldBe(["answers[0].selected[0]", "answers[0].selected[2]"]);
        AnswerSheet.Problems(paper, [Sheet(bank[0], 0, 1)]).Keys.ShouldBe(["answers[0].selected"]);
        AnswerSheet.Problems(paper, [Sheet(bank[2], 0, 1)]).Keys.ShouldBe(["answers[0].selected"]);
        AnswerSheet.Problems(paper, [Sheet(bank[2], 1, 1)]).ShouldBeEmpty();
    }
}
