using System.Globalization;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>The examples of the directory API's OpenAPI document, keyed by operation name (WithName).</summary>
internal sealed class DirectoryApiExamples : IApiExamples
{
    private const string Committee = "0196f0aa-0001-7000-8000-000000000001";
    private const string FirstBranch = "0196f0aa-0b1c-7d2e-8f30-415263748501";
    private const string SecondBranch = "0196f0aa-0b1c-7d2e-8f30-415263748502";
    private const string PartyGroup = "0196f0aa-0b1c-7d2e-8f30-415263748511";
    private const string TaskForce = "0196f0aa-1c2d-7e3f-8a9b-0c1d2e3f4a51";
    private const string PersonId = "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01";

    private static readonly string Branch = $$"""
        {
          "id": "{{FirstBranch}}", "name": "第一党支部", "kind": "branch", "parentId": "{{Committee}}",
          "validFrom": "2024-01-01", "validTo": null, "currentMembers": 12
        }
        """;

    private static readonly string Person = $$"""
        {
          "id": "{{PersonId}}", "userName": "wangfang", "displayName": "王芳", "phoneNumber": "138****5678",
          "roles": ["Member", "BranchSecretary"], "branchId": "{{FirstBranch}}", "externalOrganisation": null,
          "enterpriseCode": null, "enterpriseName": null, "active": true,
          "memberships": [
            { "unitId": "{{FirstBranch}}", "unitKind": "branch", "validFrom": "2024-07-01", "validTo": null }
          ]
        }
        """;

    public void Describe(ApiExamples examples)
    {
        // Built while the examples are described, in the document's language.
        var unitNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, IdentityTexts.UnitNotFound_Title, IdentityTexts.UnitNotFound_Detail);
        var personNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, IdentityTexts.PersonNotFound_Title, IdentityTexts.PersonNotFound_Detail);
        var deactivated = ApiExamples.Refused(Domain.Person.Deactivated("王芳", new DateOnly(2026, 2, 28)));
        examples.Add("ListUnits", response: $$"""
            { "items": [
              {{Branch}},
              {
                "id": "{{TaskForce}}", "name": "招商服务专班", "kind": "taskForce", "parentId": "{{Committee}}",
                "validFrom": "2025-05-01", "validTo": null, "currentMembers": 6
              }
            ], "next": null }
            """, problems: [ApiExamples.Invalid("kind", IdentityTexts.UnknownUnitKind), ApiExamples.InvalidCursor()]);
        examples.Add("GetUnit", response: Branch, problems: [unitNotFound]);
        examples.Add("CreateUnit",
            request: $$"""{ "name": "第一党小组", "kind": "partyGroup", "parentId": "{{FirstBranch}}", "validFrom": "2026-03-01" }""",
            response: $$"""
                {
                  "id": "{{PartyGroup}}", "name": "第一党小组", "kind": "partyGroup", "parentId": "{{FirstBranch}}",
                  "validFrom": "2026-03-01", "validTo": null, "currentMembers": 0
                }
                """,
            problems:
            [
                ApiExamples.Refused(OrganisationUnit.WrongParentKind(UnitKind.PartyGroup, UnitKind.Branch)),
            ]);
        examples.Add("MoveUnit", request: $$"""{ "parentId": "{{SecondBranch}}" }""",
            response: $$"""
                {
                  "id": "{{PartyGroup}}", "name": "第一党小组", "kind": "partyGroup", "parentId": "{{SecondBranch}}",
                  "validFrom": "2026-03-01", "validTo": null, "currentMembers": 4
                }
                """,
            problems:
            [
                unitNotFound,
                ApiExamples.Refused(OrganisationUnit.AlreadyUnder("第一党小组", "第二党支部")),
                ApiExamples.Unprocessable("parentId", IdentityTexts.ParentNotFound, IdentityTexts.ParentNotFound_Detail),
            ]);
        examples.Add("DeactivateUnit", request: """{ "on": "2026-06-30" }""",
            response: $$"""
                {
                  "id": "{{PartyGroup}}", "name": "第一党小组", "kind": "partyGroup", "parentId": "{{FirstBranch}}",
                  "validFrom": "2026-03-01", "validTo": "2026-06-30", "currentMembers": 0
                }
                """,
            problems:
            [
                unitNotFound,
                ApiExamples.Refused(OrganisationUnit.NotEmpty("第一党小组")),
            ]);

        // A government system's token names no person.
        examples.Add("GetMe", response: Person, problems:
        [
            ApiExamples.Problem(StatusCodes.Status404NotFound, IdentityTexts.PersonNotFound_Title, IdentityTexts.CallerNotInDirectory_Detail),
        ]);
        examples.Add("ListPeople", response: ApiExamples.Page([Person]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetPerson", response: Person, problems: [personNotFound]);
        examples.Add("RegisterPerson",
            request: $$"""
                {
                  "userName": "liming", "displayName": "李明", "password": "Dangjian#2026", "roles": ["Member"],
                  "branchId": "{{FirstBranch}}", "phoneNumber": "13912345678", "externalOrganisation": null,
                  "enterpriseCode": null, "enterpriseName": null
                }
                """,
            response: $$"""
                {
                  "id": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a02", "userName": "liming", "displayName": "李明",
                  "phoneNumber": "139****5678", "roles": ["Member"], "branchId": "{{FirstBranch}}",
                  "externalOrganisation": null, "enterpriseCode": null, "enterpriseName": null, "active": true,
                  "memberships": [
                    { "unitId": "{{FirstBranch}}", "unitKind": "branch", "validFrom": "2026-03-02", "validTo": null }
                  ]
                }
                """,
            problems:
            [
                ApiExamples.Invalid("password", IdentityTexts.PasswordRequiresNonAlphanumeric),
                ApiExamples.Unprocessable("branchId", IdentityTexts.BranchNotFound, IdentityTexts.BranchNotFound_Detail),
            ]);
        examples.Add("JoinUnit", request: $$"""{ "unitId": "{{PartyGroup}}", "on": "2026-03-02" }""",
            response: ApiExamples.With(Person, $$"""
                {
                  "memberships": [
                    { "unitId": "{{FirstBranch}}", "unitKind": "branch", "validFrom": "2024-07-01", "validTo": null },
                    { "unitId": "{{PartyGroup}}", "unitKind": "partyGroup", "validFrom": "2026-03-02", "validTo": null }
                  ]
                }
                """),
            problems:
            [
                personNotFound,
                ApiExamples.Refused(Domain.Person.AlreadyMember("王芳", "第一党小组")),
                ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, IdentityTexts.PartyGroupOfOwnBranch_Title,
                    Format(IdentityTexts.PartyGroupOfOwnBranch_Detail, "第三党小组", "第二党支部", "王芳")),
            ]);
        examples.Add("LeaveUnit", request: """{ "on": "2026-03-31" }""",
            response: ApiExamples.With(Person, $$"""
                {
                  "memberships": [
                    { "unitId": "{{FirstBranch}}", "unitKind": "branch", "validFrom": "2024-07-01", "validTo": null },
                    { "unitId": "{{PartyGroup}}", "unitKind": "partyGroup", "validFrom": "2026-03-02", "validTo": "2026-03-31" }
                  ]
                }
                """),
            problems:
            [
                personNotFound,
                unitNotFound,
                ApiExamples.Problem(StatusCodes.Status409Conflict, IdentityTexts.NotMember_Title, Format(IdentityTexts.NotMember_Detail, "王芳", "第二党小组")),
            ]);
        examples.Add("ChangeRoles", request: """{ "roles": ["Member", "PartyAffairsOfficer"] }""",
            response: ApiExamples.With(Person, """{ "roles": ["Member", "PartyAffairsOfficer"] }"""),
            problems: [personNotFound, deactivated]);
        examples.Add("DeactivatePerson", request: """{ "on": "2026-02-28" }""",
            response: ApiExamples.With(Person, $$"""
                {
                  "branchId": null, "active": false,
                  "memberships": [
                    { "unitId": "{{FirstBranch}}", "unitKind": "branch", "validFrom": "2024-07-01", "validTo": "2026-02-28" }
                  ]
                }
                """),
            problems: [personNotFound, deactivated]);

        examples.Add("ListAuditEntries", response: $$"""
            { "items": [
              {
                "id": 1042, "occurredAt": "2026-03-02T02:15:31+00:00", "action": "person-registered", "succeeded": true,
                "actor": "admin", "target": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a02", "detail": "liming 李明 roles Member",
                "ipAddress": "10.12.0.8", "userAgent": "Mozilla/5.0", "correlationId": "6f1c2e0a9b3d4e5f8a7b6c5d4e3f2a1b"
              },
              {
                "id": 1041, "occurredAt": "2026-03-02T02:10:02+00:00", "action": "sign-in", "succeeded": false,
                "actor": "liming", "target": null, "detail": "wrong user name or password",
                "ipAddress": "10.12.0.31", "userAgent": "Mozilla/5.0", "correlationId": "0d5e8c7b6a594f3e2d1c0b9a8f7e6d5c"
              }
            ], "next": null }
            """);
    }

    private static string Format(string pattern, params object[] arguments) => string.Format(CultureInfo.CurrentCulture, pattern, arguments);
}
