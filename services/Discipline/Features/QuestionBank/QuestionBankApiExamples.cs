using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Library;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Features.QuestionBank;

/// <summary>The OpenAPI examples of the question bank.</summary>
internal sealed class QuestionBankApiExamples : IApiExamples
{
    private const string Question = "019a3c0e-5b1c-7d2e-8f30-415263748501";

    private const string Request = """
        { "kind": "multipleChoice", "stem": "下列哪些行为违反中央八项规定精神？",
          "options": ["违规收送礼品礼金", "公款吃喝", "按规定标准安排公务接待", "违规使用公车"], "correctOptions": [0, 1, 3],
          "explanation": "按规定标准安排公务接待是合规的。", "violationTypes": ["improperGifts", "improperBanquets", "officialCarMisuse"] }
        """;

    private static readonly string Response = $$"""
        { "id": "{{Question}}", "kind": "multipleChoice", "stem": "下列哪些行为违反中央八项规定精神？",
          "options": ["违规收送礼品礼金", "公款吃喝", "按规定标准安排公务接待", "违规使用公车"], "correctOptions": [0, 1, 3],
          "explanation": "按规定标准安排公务接待是合规的。", "violationTypes": ["improperBanquets", "improperGifts", "officialCarMisuse"],
          "retired": false, "createdAt": "2026-12-01T02:00:00+00:00", "lastChangedAt": "2026-12-01T02:00:00+00:00", "version": 1 }
        """;

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, QuestionBankTexts.QuestionNotFound_Title, QuestionBankTexts.QuestionNotFound_Detail);
        var answerKey = ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, Text(nameof(DisciplineTexts.AnswerKeyDoesNotFit_Title)).ToString(),
            Text(nameof(DisciplineTexts.AnswerKeyDoesNotFit_Detail), QuestionKind.MultipleChoice).ToString());
        var options = ApiExamples.Invalid("options",
            string.Format(CultureInfo.CurrentCulture, QuestionBankTexts.OptionsCount, QuizQuestion.MinOptions, QuizQuestion.MaxOptions));
        var changed = """{ "lastChangedAt": "2026-12-02T03:00:00+00:00", "version": 2 }""";
        examples.Add("ListQuizQuestions", response: ApiExamples.Page([Response]), problems:
            [ApiExamples.Invalid("kind", QueryValues.Unsupported<QuestionKind>())]);
        examples.Add("GetQuizQuestion", response: Response, problems: [notFound]);
        examples.Add("CreateQuizQuestion", request: Request, response: Response, problems: [options, answerKey]);
        examples.Add("ReviseQuizQuestion", request: Request, response: ApiExamples.With(Response, changed), problems: [notFound, options, answerKey]);
        examples.Add("RetireQuizQuestion", response: ApiExamples.With(Response, """{ "retired": true, "lastChangedAt": "2026-12-02T03:00:00+00:00", "version": 2 }"""),
            problems: [notFound]);
        examples.Add("RestoreQuizQuestion", response: ApiExamples.With(Response, """{ "retired": false, "lastChangedAt": "2026-12-03T03:00:00+00:00", "version": 3 }"""),
            problems: [notFound]);
    }
}
