using BrandPlatform.Platform.Http;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>The OpenAPI examples of the discipline figures: counts per branch, never a person or a score.</summary>
internal sealed class DisciplineFiguresApiExamples : IApiExamples
{
    private static readonly Guid Campaign = Guid.Parse("0196f3b0-1a2b-7c3d-8e4f-5a6b7c8d9e01");
    private static readonly Guid First = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748501");
    private static readonly Guid Second = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748502");

    public void Describe(ApiExamples examples)
    {
        var day = new DateOnly(2026, 12, 31);
        var badYear = ApiExamples.Invalid("year", Resources.PeriodTexts.YearInvalid);
        examples.Add("GetDisciplineCoverage", response: new GetDisciplineCoverage.Response(2026, 4, GetDisciplineCoverage.ByBranch,
            [
                new(4, Campaign, day, First, "第一党支部", 12, 10, 1, 11, 10),
                new(4, Campaign, day, Second, "第二党支部", 9, 8, 0, 9, 8),
            ]),
            problems:
            [
                badYear,
                ApiExamples.Invalid("quarter", Resources.PeriodTexts.QuarterInvalid),
                ApiExamples.Invalid("groupBy", DisciplineFigureParameters.GroupByMessage(GetDisciplineCoverage.Groupings)),
            ]);
        examples.Add("GetDisciplinePledges", response: new GetDisciplinePledges.Response(2026, day, 21, 19,
            [new(First, "第一党支部", 12, 12), new(Second, "第二党支部", 9, 7)]), problems: [badYear]);
    }
}
