using BrandPlatform.Platform.Http;
using Microsoft.AspNetCore.Mvc;

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

    private static readonly ProblemDetails UnitNotFound =
        ApiExamples.Problem(StatusCodes.Status404NotFound, "组织不存在", $"No organisation unit has id {FirstBranch}.");

    private static readonly ProblemDetails PersonNotFound =
        ApiExamples.Problem(StatusCodes.Status404NotFound, "人员不存在", $"No person has id {PersonId}.");

    private static readonly ProblemDetails Deactivated =
        ApiExamples.Problem(StatusCodes.Status409Conflict, "人员已停用", "王芳 was deactivated on 2026-02-28.");

    public void Describe(ApiExamples examples)
    {
        examples.Add("ListUnits", response: $$"""
            { "items": [
              {{Branch}},
              {
                "id": "{{TaskForce}}", "name": "招商服务专班", "kind": "taskForce", "parentId": "{{Committee}}",
                "validFrom": "2025-05-01", "validTo": null, "currentMembers": 6
              }
            ], "next": null }
            """, problems: [ApiExamples.Invalid("kind", "组织类型不正确"), ApiExamples.InvalidCursor()]);
        examples.Add("GetUnit", response: Branch, problems: [UnitNotFound]);
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
                ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, "上级组织类型不正确", "A partyGroup belongs under a branch."),
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
                UnitNotFound,
                ApiExamples.Problem(StatusCodes.Status409Conflict, "组织已在该上级之下", "The unit is already under 第二党支部."),
                ApiExamples.Unprocessable("parentId", "上级组织不存在", $"No organisation unit has id {SecondBranch}."),
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
                UnitNotFound,
                ApiExamples.Problem(StatusCodes.Status409Conflict, "组织下仍有在册成员或下级组织",
                    "Move or deactivate the unit's members and sub-units before deactivating it."),
            ]);

        // A government system's token names no person.
        examples.Add("GetMe", response: Person, problems:
        [
            ApiExamples.Problem(StatusCodes.Status404NotFound, "人员不存在", $"No person has id {Guid.Empty}."),
        ]);
        examples.Add("ListPeople", response: ApiExamples.Page([Person]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetPerson", response: Person, problems: [PersonNotFound]);
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
                ApiExamples.Invalid("password", "密码需要包含至少一个符号"),
                ApiExamples.Unprocessable("branchId", "所属支部不存在", $"No organisation unit has id {FirstBranch}."),
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
                PersonNotFound,
                ApiExamples.Problem(StatusCodes.Status409Conflict, "已是该组织成员", "王芳 already belongs to 第一党小组."),
                ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, "只能加入本支部的党小组", "A party group's members belong to the group's branch."),
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
                PersonNotFound,
                ApiExamples.Problem(StatusCodes.Status409Conflict, "不是该组织的在册成员", $"王芳 does not currently belong to unit {PartyGroup}."),
            ]);
        examples.Add("ChangeRoles", request: """{ "roles": ["Member", "PartyAffairsOfficer"] }""",
            response: ApiExamples.With(Person, """{ "roles": ["Member", "PartyAffairsOfficer"] }"""),
            problems: [PersonNotFound, Deactivated]);
        examples.Add("DeactivatePerson", request: """{ "on": "2026-02-28" }""",
            response: ApiExamples.With(Person, $$"""
                {
                  "branchId": null, "active": false,
                  "memberships": [
                    { "unitId": "{{FirstBranch}}", "unitKind": "branch", "validFrom": "2024-07-01", "validTo": "2026-02-28" }
                  ]
                }
                """),
            problems: [PersonNotFound, Deactivated]);

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
}
