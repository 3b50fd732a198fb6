using BrandPlatform.Platform.Security;

namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>
/// The scopes applications can be granted, each tied to the service (audience) that accepts it. A client gets only the
/// scopes named in its registration; a person's token also needs the role the endpoint asks for.
/// </summary>
public static class ApiScopes
{
    public sealed record ApiScope(string Name, string DisplayName, params string[] Audiences);

    public const string DirectoryRead = "directory.read";
    public const string DirectoryManage = "directory.manage";

    public static readonly IReadOnlyList<ApiScope> All =
    [
        new("tickets.read", "读取企业服务工单", "tickets"),
        new("tickets.write", "提交企业服务工单、确认和撤单", "tickets"),
        new("tickets.handle", "受理、交办和办理企业服务工单", "tickets"),
        new("study.read", "读取学习活动", "study"),
        new("study.write", "安排、填报学习活动，签到和记录自学", "study"),
        new("discipline.read", "读取纪律教育记录", "discipline"),
        new("discipline.write", "安排警示教育、答题、补学和签署廉政承诺书", "discipline"),
        new("liaison.read", "读取统战联络的组织与联系对象", "liaison"),
        new("liaison.write", "登记和维护统战联络的组织与联系对象", "liaison"),
        new("community.read", "读取社区报到、志愿服务、为民办实事与宣传稿件", "community"),
        new("community.write", "社区报到、记录志愿服务、起草与审核宣传稿件", "community"),
        new("reporting.read", "读取报表与督办", "reporting"),
        new("supervision.read", "读取品牌、督办任务、收文与错情登记", "reporting"),
        new("supervision.write", "登记品牌、督办任务、收文与错情，反馈与验收", "reporting"),
        new(DirectoryRead, "读取组织与人员", "identity"),
        new(DirectoryManage, "管理组织与人员", "identity"),
        // Operators' own endpoints (/ops/**) on every service, e.g. replaying faulted messages.
        new(OperationsAccess.Scope, "运维操作", "identity", "tickets", "study", "discipline", "liaison", "community", "reporting"),
    ];
}
