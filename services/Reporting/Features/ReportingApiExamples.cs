using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features;

/// <summary>The examples of the reporting API's OpenAPI document, keyed by operation name (WithName).</summary>
internal sealed class ReportingApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples)
    {
        examples.Add("GetTicketSummary", response: """
            { "total": 42, "byCategory": { "financing": 18, "land": 7, "approvals": 9, "labour": 5, "other": 3 } }
            """, problems: [XlsxExport.FormatProblem]);
        examples.Add("GetTicketFigures", response: $$"""
            {
              "from": "2026-07-01",
              "to": "2026-09-30",
              "groupBy": "category",
              "total": {{TicketFiguresExample.Json}},
              "groups": [
                { "key": "financing", "label": "融资需求", "figures": {{TicketFiguresExample.Json}} }
              ]
            }
            """, problems: [ApiExamples.Invalid("to", ChinaPeriod.BackwardsMessage), ApiExamples.Invalid("groupBy", TicketFigureTexts.GroupByInvalid), XlsxExport.FormatProblem]);
    }
}
