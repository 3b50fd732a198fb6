using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features.Exports;

/// <summary>The OpenAPI examples of the exports: the report is a file (no example body), its problems are shown.</summary>
internal sealed class ExportsApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples) =>
        examples.Add("GetQuarterlyReport", problems:
        [
            ApiExamples.Invalid("quarter", PeriodTexts.QuarterInvalid),
            GetQuarterlyReport.FontMissing().ProblemDetails,
        ]);
}
