using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>The examples of the brand registry: 机关第一党支部's brand “同心聚力”, a measure, a plan item and a highlight.</summary>
internal sealed class BrandsApiExamples : IApiExamples
{
    private const string BrandId = "0196f8a0-1a2b-7c3d-8e4f-000000000001";
    private const string Branch = "0193a1b2-0000-7000-8000-000000000101";
    private const string MeasureId = "0196f8a0-1a2b-7c3d-8e4f-000000000011";
    private const string Department = "0193a1b2-0000-7000-8000-000000000201";
    private const string HighlightId = "0196f8a0-1a2b-7c3d-8e4f-000000000031";

    private const string Description = """
        { "name": "同心聚力", "field": "服务民营经济", "meaning": "以党建聚同心，以服务促发展，把支部建在服务企业的一线。", "slogan": "党建引领 同心同行" }
        """;

    private const string Measure = $$"""
        { "title": "开展“企业家日”政策宣讲", "ownerUnitId": "{{Department}}", "ownerPersonId": null, "deadline": "2026-06-30",
          "expectedResult": "全年宣讲不少于4场，覆盖重点商会" }
        """;

    private static readonly string MeasureAnswer = ApiExamples.With(Measure, $$"""{ "id": "{{MeasureId}}" }""");

    private static readonly string Registered = ApiExamples.With(Description, $$"""
        { "id": "{{BrandId}}", "branchId": "{{Branch}}", "logo": null, "measures": [], "registeredAt": "2026-12-02T02:00:00+00:00",
          "lastChangedAt": "2026-12-02T02:00:00+00:00", "version": 1 }
        """);

    private static readonly string WithMeasure = ApiExamples.With(Registered, $$"""
        { "logo": "/api/supervision/brands/{{BrandId}}/logo", "measures": [ {{MeasureAnswer}} ], "lastChangedAt": "2026-12-03T02:00:00+00:00", "version": 3 }
        """);

    private const string PlanItem = $$"""
        { "year": 2026, "month": 3, "branchId": "{{Branch}}", "title": "主题党日：品牌举措推进会", "brandId": "{{BrandId}}", "measureId": "{{MeasureId}}" }
        """;

    private static readonly string PlanItemAnswer = ApiExamples.With(PlanItem,
        """{ "id": "0196f8a0-1a2b-7c3d-8e4f-000000000021", "addedAt": "2026-12-02T03:00:00+00:00" }""");

    private const string Highlight = """{ "title": "“企业家日”宣讲进商会", "summary": "支部党员分组联系重点商会，每月一次政策宣讲，收集问题转为诉求办理。" }""";

    private static readonly string Submitted = ApiExamples.With(Highlight, $$"""
        { "id": "{{HighlightId}}", "brandId": "{{BrandId}}", "branchId": "{{Branch}}", "state": "submitted",
          "submittedAt": "2026-12-04T02:00:00+00:00", "decidedAt": null, "version": 1 }
        """);

    private static readonly string Selected = ApiExamples.With(Submitted, """{ "state": "selected", "decidedAt": "2026-12-05T02:00:00+00:00", "version": 2 }""");

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, BrandTexts.BrandNotFound_Title, BrandTexts.BrandNotFound_Detail);
        var highlightNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, BrandTexts.HighlightNotFound_Title, BrandTexts.HighlightNotFound_Detail);
        var unknownOwner = ApiExamples.Unprocessable("ownerUnitId", BrandTexts.UnitUnknown, BrandTexts.OwnerNotFound_Detail);
        examples.Add("RegisterBrand", request: ApiExamples.With(Description, $$"""{ "branchId": "{{Branch}}" }"""), response: Registered, problems:
        [
            ApiExamples.Refused(BrandAccess.BranchTaken()),
            ApiExamples.Problem(StatusCodes.Status403Forbidden, BrandTexts.BranchNotYours, BrandTexts.BranchNotYours),
            ApiExamples.Unprocessable("branchId", BrandTexts.BranchUnknown, BrandTexts.BranchesNotFound_Detail),
        ]);
        examples.Add("ListBrands", response: ApiExamples.Page([WithMeasure]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetBrandPage", response: $$"""
            { "brand": {{WithMeasure}}, "planItems": [ {{PlanItemAnswer}} ], "highlights": [ {{Selected}} ], "work": [
              { "kind": "studyActivity", "id": "0196f4d0-2222-7333-8444-555566667777", "title": "“同心聚力”品牌建设专题党课", "state": "held",
                "at": "2026-12-10T06:30:00+00:00", "measureId": "{{MeasureId}}" } ] }
            """, problems: [notFound]);
        examples.Add("EditBrand", request: Description, response: ApiExamples.With(Registered, """{ "version": 2 }"""), problems: [notFound]);
        examples.Add("AddBrandMeasure", request: Measure, response: MeasureAnswer, problems:
            [notFound, unknownOwner, ApiExamples.Unprocessable("ownerPersonId", BrandTexts.PersonNotInUnit, BrandTexts.OwnerNotFound_Detail)]);
        examples.Add("EditBrandMeasure", request: Measure, response: MeasureAnswer, problems:
            [ApiExamples.Problem(StatusCodes.Status404NotFound, BrandTexts.MeasureNotFound_Title, BrandTexts.MeasureNotFound_Detail), unknownOwner]);
        examples.Add("UploadBrandLogo", response: WithMeasure, problems:
        [
            notFound,
            ApiExamples.Problem(StatusCodes.Status415UnsupportedMediaType, BrandTexts.LogoTypeUnsupported_Title, BrandTexts.LogoTypeUnsupported_Detail),
            ApiExamples.Problem(StatusCodes.Status413PayloadTooLarge, BrandTexts.LogoTooLarge_Title, string.Format(
                System.Globalization.CultureInfo.CurrentCulture, BrandTexts.LogoTooLarge_Detail, BrandLogo.MaxBytes / 1024)),
            ApiExamples.Problem(StatusCodes.Status400BadRequest, BrandTexts.LogoNotImage_Title,
                string.Format(System.Globalization.CultureInfo.CurrentCulture, BrandTexts.LogoNotImage_Detail, "image/png")),
        ]);
        examples.Add("GetBrandLogo", problems:
            [notFound, ApiExamples.Problem(StatusCodes.Status404NotFound, BrandTexts.LogoNotFound_Title, BrandTexts.LogoNotFound_Detail)]);
        examples.Add("AddPlanItem", request: PlanItem, response: PlanItemAnswer, problems:
        [
            ApiExamples.Problem(StatusCodes.Status403Forbidden, BrandTexts.PlanNotYours, BrandTexts.PlanNotYours),
            ApiExamples.Unprocessable("brandId", BrandTexts.BrandUnknown, BrandTexts.PlanRefsNotFound_Detail),
        ]);
        examples.Add("ListPlanItems", response: ApiExamples.Page([PlanItemAnswer]), problems:
            [ApiExamples.InvalidCursor(), ApiExamples.Invalid("year", BrandTexts.YearOutOfRange)]);
        examples.Add("SubmitHighlight", request: Highlight, response: Submitted, problems: [notFound]);
        examples.Add("ListHighlights", response: ApiExamples.Page([Selected]), problems:
            [ApiExamples.InvalidCursor(), ApiExamples.Invalid("state", BrandTexts.HighlightStateInvalid)]);
        examples.Add("SelectHighlight", response: Selected, problems:
            [highlightNotFound, ApiExamples.Refused(BrandHighlight.AlreadyDecided(nameof(BrandTexts.StepSelect), HighlightState.Declined))]);
        examples.Add("DeclineHighlight", response: ApiExamples.With(Selected, """{ "state": "declined" }"""), problems:
            [highlightNotFound, ApiExamples.Refused(BrandHighlight.AlreadyDecided(nameof(BrandTexts.StepDecline), HighlightState.Selected))]);
    }
}
