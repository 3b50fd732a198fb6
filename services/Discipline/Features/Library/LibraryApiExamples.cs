using System.Globalization;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Features.Library;

/// <summary>The OpenAPI examples of the case library and its tags.</summary>
internal sealed class LibraryApiExamples : IApiExamples
{
    private const string Case = "019a3c0d-4a0b-7c1d-8e2f-30415263748a";

    private const string Request = """
        { "title": "某局干部违规接受管理服务对象宴请问题", "summary": "2026年中秋节前，该干部接受辖区企业安排的宴请并收受礼品，受到党内警告处分。",
          "violationTypes": ["improperBanquets", "improperGifts"], "source": "市纪委监委通报", "publishedOn": "2026-10-15" }
        """;

    private static readonly string Response = $$"""
        { "id": "{{Case}}", "title": "某局干部违规接受管理服务对象宴请问题",
          "summary": "2026年中秋节前，该干部接受辖区企业安排的宴请并收受礼品，受到党内警告处分。",
          "violationTypes": ["improperBanquets", "improperGifts"], "families": ["eightPointRules"], "source": "市纪委监委通报",
          "publishedOn": "2026-10-15", "recordedAt": "2026-12-01T02:00:00+00:00", "lastChangedAt": "2026-12-01T02:00:00+00:00", "version": 1 }
        """;

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, LibraryTexts.CaseNotFound_Title, LibraryTexts.CaseNotFound_Detail);
        var future = ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, Text(nameof(DisciplineTexts.CasePublishedInFuture_Title)).ToString(),
            Text(nameof(DisciplineTexts.CasePublishedInFuture_Detail)).ToString());
        var types = ApiExamples.Invalid("violationTypes",
            string.Format(CultureInfo.CurrentCulture, LibraryTexts.ViolationTypesCount, Domain.WarningCase.MaxViolationTypes));
        examples.Add("ListWarningCases", response: ApiExamples.Page([Response]), problems:
            [ApiExamples.Invalid("violationType", QueryValues.Unsupported<Domain.ViolationType>())]);
        examples.Add("GetWarningCase", response: Response, problems: [notFound]);
        examples.Add("RecordWarningCase", request: Request, response: Response, problems: [types, future]);
        examples.Add("ReviseWarningCase", request: Request,
            response: ApiExamples.With(Response, """{ "lastChangedAt": "2026-12-02T03:00:00+00:00", "version": 2 }"""), problems: [notFound, types, future]);
        examples.Add("ListViolationTypes", response: """
            [ { "type": "improperBanquets", "label": { "zh": "违规吃喝", "en": "Improper banquets" }, "family": "eightPointRules",
                "familyLabel": { "zh": "中央八项规定", "en": "Central eight-point rules" } } ]
            """);
    }
}
