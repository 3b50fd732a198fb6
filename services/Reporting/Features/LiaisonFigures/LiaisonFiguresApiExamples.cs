using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Features.Exports;

namespace BrandPlatform.Reporting.Features.LiaisonFigures;

/// <summary>The OpenAPI example of liaison's reach: counts per quarter, never a cadre's.</summary>
internal sealed class LiaisonFiguresApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples) =>
        examples.Add("GetLiaisonReach", response: new GetLiaisonReach.Response(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30),
            [new(2026, 1, 42, 35, 12, 18, 5, 9, 7), new(2026, 2, 38, 31, 10, 16, 5, 6, 4)]),
            problems: [.. ReportPeriod.ExampleProblems, XlsxExport.FormatProblem]);
}
