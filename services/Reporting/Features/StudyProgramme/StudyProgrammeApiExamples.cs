using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features.StudyProgramme;

/// <summary>The OpenAPI examples of the study programme's figures.</summary>
internal sealed class StudyProgrammeApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples)
    {
        examples.Add("GetStudyCoverage", response: """
            { "from": "2026-10-01", "to": "2026-12-31", "groupBy": "month", "rows": [
              { "period": "2026-10", "from": "2026-10-01", "to": "2026-10-31", "unitId": "0193a1b2-0000-7000-8000-000000000101",
                "unitName": "机关第一党支部", "members": 24, "covered": 22, "rate": 0.9167 },
              { "period": "2026-10", "from": "2026-10-01", "to": "2026-10-31", "unitId": "0193a1b2-0000-7000-8000-000000000102",
                "unitName": "机关第二党支部", "members": 18, "covered": 18, "rate": 1.0 }
            ] }
            """, problems: [.. ReportPeriod.ExampleProblems, ApiExamples.Invalid("groupBy", StudyProgrammeTexts.GroupByInvalid)]);
        examples.Add("GetStudyCompliance", response: """
            { "from": "2026-10-01", "to": "2026-12-31", "groupBy": "branch", "rows": [
              { "period": null, "from": "2026-10-01", "to": "2026-12-31", "unitId": "0193a1b2-0000-7000-8000-000000000101",
                "unitName": "机关第一党支部", "required": 14, "held": 13, "met": 12, "missing": 1, "pending": 1,
                "recordsOnTime": 12, "recordsLate": 1, "kinds": [
                  { "kind": "branchAssembly", "required": 1, "held": 1, "met": 1, "missing": 0, "pending": 0 },
                  { "kind": "partyLesson", "required": 1, "held": 1, "met": 1, "missing": 0, "pending": 0 },
                  { "kind": "branchCommittee", "required": 3, "held": 3, "met": 3, "missing": 0, "pending": 0 },
                  { "kind": "groupMeeting", "required": 6, "held": 5, "met": 4, "missing": 1, "pending": 1 },
                  { "kind": "themedPartyDay", "required": 3, "held": 3, "met": 3, "missing": 0, "pending": 0 }
                ] }
            ] }
            """, problems: [.. ReportPeriod.ExampleProblems, ApiExamples.Invalid("groupBy", StudyProgrammeTexts.GroupByInvalid)]);
        examples.Add("GetFirstAgendaFollowUp", response: """
            { "from": "2026-10-01", "to": "2026-12-31", "materials": [
              { "materialId": "0193a1b2-0000-7000-8000-000000000301", "title": "在二十届四中全会上的重要讲话", "designatedOn": "2026-11-02",
                "firstAgendaItemDue": "2026-11-09", "branchFollowUpDue": "2026-12-02",
                "branches": { "studied": 1, "late": 0, "pending": 0, "overdue": 1 }, "units": [
                  { "unitId": "0193a1b2-0000-7000-8000-000000000100", "unitName": "部务会", "unitKind": "leadershipTeam",
                    "due": "2026-11-09", "status": "studied", "studiedOn": "2026-11-05" },
                  { "unitId": "0193a1b2-0000-7000-8000-000000000101", "unitName": "机关第一党支部", "unitKind": "branch",
                    "due": "2026-12-02", "status": "studied", "studiedOn": "2026-11-20" },
                  { "unitId": "0193a1b2-0000-7000-8000-000000000102", "unitName": "机关第二党支部", "unitKind": "branch",
                    "due": "2026-12-02", "status": "overdue", "studiedOn": null }
                ] }
            ] }
            """, problems: ReportPeriod.ExampleProblems);
    }
}
