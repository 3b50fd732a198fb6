using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Features.Quizzes;

/// <summary>The examples of the quiz API: a member's first attempt at the fourth quarter's quiz, started, submitted and passed.</summary>
internal sealed class QuizzesApiExamples : IApiExamples
{
    private const string Campaign = "0196f8a0-1c2d-7e3f-8a4b-5c6d7e8f9a01";
    private const string AttemptId = "0196f8b2-3d4e-7f5a-8b6c-7d8e9f0a1b02";
    private const string Banquet = "0196f7c0-0a1b-7c2d-8e3f-4a5b6c7d8e01";
    private const string FourForms = "0196f7c0-0a1b-7c2d-8e3f-4a5b6c7d8e02";

    private static readonly DateTimeOffset Deadline = new(2026, 12, 10, 7, 0, 0, TimeSpan.Zero);

    private static readonly string InProgress = $$"""
        {
          "id": "{{AttemptId}}", "campaignId": "{{Campaign}}", "number": 1, "state": "inProgress",
          "startedAt": "2026-12-10T06:30:00+00:00", "deadline": "2026-12-10T07:00:00+00:00", "timeLimitMinutes": 30, "passMark": 80,
          "expired": false, "submittedAt": null, "score": null, "passed": null, "reopenedAt": null, "reopenReason": null,
          "questions": {{Questions(submitted: false)}}
        }
        """;

    private static readonly string Submitted = ApiExamples.With(InProgress, $$"""
        { "state": "submitted", "submittedAt": "2026-12-10T06:52:00+00:00", "score": 100, "passed": true, "questions": {{Questions(submitted: true)}} }
        """);

    private const string Submit = $$"""
        { "answers": [ { "questionId": "{{Banquet}}", "selected": [1] }, { "questionId": "{{FourForms}}", "selected": [0, 1, 2, 3] } ] }
        """;

    /// <summary>The paper; the answer key and the member's selections only once the sheet is submitted.</summary>
    private static string Questions(bool submitted) => $$"""
        [
          { "questionId": "{{Banquet}}", "kind": "singleChoice", "stem": "下列哪项属于违反中央八项规定精神的违规吃喝问题？",
            "options": [ "在机关食堂按标准用工作餐", "接受管理服务对象安排的宴请", "自费与家人聚餐" ],
            {{(submitted
                ? "\"selected\": [1], \"correctOptions\": [1], \"explanation\": \"接受可能影响公正执行公务的宴请属于违规吃喝。\", \"correct\": true"
                : Unmarked)}} },
          { "questionId": "{{FourForms}}", "kind": "multipleChoice", "stem": "“四风”包括下列哪些？",
            "options": [ "形式主义", "官僚主义", "享乐主义", "奢靡之风" ],
            {{(submitted
                ? "\"selected\": [0, 1, 2, 3], \"correctOptions\": [0, 1, 2, 3], \"explanation\": \"“四风”即形式主义、官僚主义、享乐主义和奢靡之风。\", \"correct\": true"
                : Unmarked)}} }
        ]
        """;

    private const string Unmarked = "\"selected\": null, \"correctOptions\": null, \"explanation\": null, \"correct\": null";

    public void Describe(ApiExamples examples)
    {
        var campaignNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CampaignNotFound_Title, CampaignTexts.CampaignNotFound_Detail);
        var attemptNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, QuizTexts.AttemptNotFound_Title, QuizTexts.AttemptNotFound_Detail);
        var closed = ApiExamples.Refused(new RuleViolation(Text(nameof(DisciplineTexts.CampaignClosed_Title)),
            Text(nameof(DisciplineTexts.CampaignClosed_Detail), Text(nameof(DisciplineTexts.StepStartQuiz)))));
        ProblemDetails NotAllowed(AttemptState state, string step) => ApiExamples.Refused(new RuleViolation(
            Text(nameof(DisciplineTexts.StepNotAllowed_Title)), Text(nameof(DisciplineTexts.StepNotAllowed_Detail), Text(step), state)));

        examples.Add("StartQuizAttempt", response: InProgress, problems:
        [
            campaignNotFound, closed,
            ApiExamples.Problem(StatusCodes.Status403Forbidden, QuizTexts.NotOnBranchRoster_Title, QuizTexts.NotOnBranchRoster_Detail),
            ApiExamples.Refused(new RuleViolation(Text(nameof(DisciplineTexts.QuizAlreadyTaken_Title)), Text(nameof(DisciplineTexts.QuizAlreadyTaken_Detail)))),
        ]);
        examples.Add("GetQuizAttempt", response: Submitted, problems: [attemptNotFound]);
        examples.Add("SubmitQuizAttempt", request: Submit, response: Submitted, problems:
        [
            attemptNotFound, NotAllowed(AttemptState.Submitted, nameof(DisciplineTexts.StepSubmitQuiz)),
            ApiExamples.Refused(new RuleViolation(Text(nameof(DisciplineTexts.QuizTimeUp_Title)),
                Text(nameof(DisciplineTexts.QuizTimeUp_Detail), 30, Deadline.ToChinaTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)))),
            ApiExamples.Unprocessable("answers[1].selected[0]", string.Format(CultureInfo.CurrentCulture, QuizTexts.OptionOutOfRange, 4),
                QuizTexts.SheetDoesNotFit_Detail),
        ]);
        examples.Add("ListMyQuizAttempts", response: ApiExamples.Page([$$"""
            {
              "id": "{{AttemptId}}", "number": 1, "state": "submitted", "startedAt": "2026-12-10T06:30:00+00:00",
              "deadline": "2026-12-10T07:00:00+00:00", "expired": false, "submittedAt": "2026-12-10T06:52:00+00:00", "score": 100, "passed": true
            }
            """]), problems: [campaignNotFound, ApiExamples.InvalidCursor()]);
        examples.Add("ReopenQuizAttempt", request: """{ "reason": "答题期间单位网络中断，经核实准予重新作答" }""", response: $$"""
            {
              "id": "{{AttemptId}}", "campaignId": "{{Campaign}}", "personId": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01", "number": 1,
              "state": "reopened", "passed": null, "reopenedAt": "2026-12-11T01:00:00+00:00", "reopenedBy": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a09 办公室督办专员",
              "reopenReason": "答题期间单位网络中断，经核实准予重新作答"
            }
            """, problems:
        [
            attemptNotFound,
            ApiExamples.Refused(new RuleViolation(Text(nameof(DisciplineTexts.NotReopenable_Title)), Text(nameof(DisciplineTexts.NotReopenable_Detail)))),
        ]);
    }
}
