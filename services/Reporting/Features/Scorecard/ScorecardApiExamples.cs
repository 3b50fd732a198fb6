using BrandPlatform.Platform.Http;

namespace BrandPlatform.Reporting.Features.Scorecard;

/// <summary>The OpenAPI example of the branch scorecard.</summary>
internal sealed class ScorecardApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples) =>
        examples.Add("GetScorecard", response: """
            { "from": "2026-10-01", "to": "2026-12-31",
              "weights": { "cadenceCompliance": 2, "materialFollowUp": 1, "recordTimeliness": 1, "studyCoverage": 2 },
              "rows": [
                { "unitId": "0193a1b2-0000-7000-8000-000000000101", "unitName": "机关第一党支部", "measures": [
                    { "measure": "cadenceCompliance", "part": 12, "whole": 13, "rate": 0.9231 },
                    { "measure": "materialFollowUp", "part": 1, "whole": 1, "rate": 1.0 },
                    { "measure": "recordTimeliness", "part": 12, "whole": 13, "rate": 0.9231 },
                    { "measure": "studyCoverage", "part": 22, "whole": 24, "rate": 0.9167 }
                  ], "score": 0.9338 }
              ] }
            """, problems: ReportPeriod.ExampleProblems);
}
