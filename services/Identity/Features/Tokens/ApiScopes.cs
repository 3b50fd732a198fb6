namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>
/// The scopes applications can be granted, each tied to the service (audience) that accepts it. A client gets only the
/// scopes named in its registration; a person's token also needs the role the endpoint asks for.
/// </summary>
public static class ApiScopes
{
    public sealed record ApiScope(string Name, string Audience, string DisplayName);

    public const string DirectoryRead = "directory.read";
    public const string DirectoryManage = "directory.manage";

    public static readonly IReadOnlyList<ApiScope> All =
    [
        new("tickets.read", "tickets", "读取企业服务工单"),
        new("tickets.write", "tickets", "提交和办理企业服务工单"),
        new("study.read", "study", "读取学习活动"),
        new("discipline.read", "discipline", "读取纪律教育记录"),
        new("reporting.read", "reporting", "读取报表与督办"),
        new(DirectoryRead, "identity", "读取组织与人员"),
        new(DirectoryManage, "identity", "管理组织与人员"),
    ];
}
