using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Reporting.Features.StudyFigures;

/// <summary>The OpenAPI examples of the study figures.</summary>
internal sealed class StudyFiguresApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples) =>
        examples.Add("GetStudySummary", response: """
            { "from": "2027-01-01", "to": "2027-03-31", "kinds": [
              { "kind": "branchCommittee", "held": 9, "attendances": 41, "lateRecords": 1 },
              { "kind": "partyLesson", "held": 3, "attendances": 68, "lateRecords": 0 },
              { "kind": "thematicEducation", "held": 1, "attendances": 57, "lateRecords": 0 }
            ] }
            """, problems: [ApiExamples.Invalid("to", ChinaPeriod.BackwardsMessage)]);
}
