using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.Identity.Features.DevelopmentData;

/// <summary>
/// Development only: a demo organisation (one organ committee, three branches, committee bodies, a youth study group
/// with members from the federation of industry and commerce, two task forces, the office, a few dozen members, two
/// enterprises), one account per role and one demo government client, so a developer can use every API at once.
/// Refused outside Development; run.sh and the README list the accounts below.
/// </summary>
public static class DevelopmentSeed
{
    public const string DemoClientId = "gov-demo-client";
    public const string DemoClientSecretKey = "Identity:DemoClientSecret";
    public const string DefaultDemoClientSecret = "brandplatform-dev-secret";
    public const string PasswordKey = "Identity:DevelopmentPassword";
    public const string DefaultPassword = "Dangjian#2026";

    /// <summary>One account per role: user name, display name, roles, and the unit names they belong to.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string[] Roles, string[] Units)> RoleAccounts =
    [
        ("admin", "系统管理员", [PlatformRoles.Administrator], []),
        ("operator", "运维值班员", [PlatformRoles.Operator], []),
        ("office", "办公室督办专员", [PlatformRoles.OfficeStaff, PlatformRoles.Member], ["第一党支部", "办公室"]),
        ("secretary", "第一党支部书记", [PlatformRoles.BranchSecretary, PlatformRoles.Member], ["第一党支部", "党委中心组"]),
        ("officer", "第二党支部党务干事", [PlatformRoles.PartyAffairsOfficer, PlatformRoles.Member], ["第二党支部"]),
        ("member", "第一党支部党员", [PlatformRoles.Member], ["第一党支部", "第一党小组", "青年理论学习小组"]),
        ("handler", "招商服务专班经办人", [PlatformRoles.TaskForceHandler, PlatformRoles.Member], ["第三党支部", "招商服务专班"]),
        ("leader", "挂钩联系市领导", [PlatformRoles.LiaisonLeader], []),
        ("enterprise", "示范科技联络员", [PlatformRoles.EnterpriseContact], []),
        ("enterprise2", "样板制造联络员", [PlatformRoles.EnterpriseContact], []),
    ];

    public static readonly IReadOnlyDictionary<string, (string Code, string Name)> Enterprises = new Dictionary<string, (string, string)>
    {
        ["enterprise"] = ("91320100MA1X0ABC1F", "示范科技有限公司"),
        ["enterprise2"] = ("91320100MA1Y0DEF2Y", "样板制造股份有限公司"),
    };

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
    private static readonly string[] GivenNames = ["建国", "丽华", "志强", "秀英", "海燕", "文博", "思远", "晓东", "雅婷", "子涵", "明轩", "欣怡"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Development data is refused outside Development.");
        }
        var configuration = services.GetRequiredService<IConfiguration>();
        await SeedDemoClientAsync(services, configuration[DemoClientSecretKey] ?? DefaultDemoClientSecret, cancellationToken);

        var db = services.GetRequiredService<IdentityDbContext>();
        if (await db.OrganisationUnits.AnyAsync(cancellationToken))
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<Person>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var since = new DateOnly(clock.Today().Year, 1, 1);
        var password = configuration[PasswordKey] ?? DefaultPassword;

        var committee = OrganisationUnit.Create("市委统战部机关党委", UnitKind.OrganCommittee, null, since, now);
        var units = new Dictionary<string, OrganisationUnit> { [committee.Name] = committee };
        void Add(string name, UnitKind kind, string parent) => units[name] = OrganisationUnit.Create(name, kind, units[parent], since, now);
        Add("第一党支部", UnitKind.Branch, committee.Name);
        Add("第二党支部", UnitKind.Branch, committee.Name);
        Add("第三党支部", UnitKind.Branch, committee.Name);
        Add("第一党小组", UnitKind.PartyGroup, "第一党支部");
        Add("第二党小组", UnitKind.PartyGroup, "第一党支部");
        Add("部务会", UnitKind.LeadershipTeam, committee.Name);
        Add("党委中心组", UnitKind.CentralStudyGroup, committee.Name);
        Add("青年理论学习小组", UnitKind.YouthStudyGroup, committee.Name);
        Add("招商服务专班", UnitKind.TaskForce, committee.Name);
        Add("征迁服务专班", UnitKind.TaskForce, committee.Name);
        Add("项目服务专班", UnitKind.TaskForce, committee.Name);
        Add("办公室", UnitKind.Department, committee.Name);
        db.OrganisationUnits.AddRange(units.Values);
        await db.SaveChangesAsync(cancellationToken);

        async Task RegisterAsync(string userName, string displayName, string[] roles, IEnumerable<string> unitNames,
            string? externalOrganisation = null, (string, string)? enterprise = null)
        {
            var person = Person.Register(userName, displayName, null, externalOrganisation, enterprise, now);
            Check(await users.CreateAsync(person, password));
            Check(await users.AddToRolesAsync(person, roles));
            person.AnnounceRegistration(roles, now);
            // The branch first: a party group takes members of its own branch.
            foreach (var unit in unitNames.Select(name => units[name]).OrderBy(u => u.Kind != UnitKind.Branch))
            {
                person.Join(unit, since, now);
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var (userName, displayName, roles, unitNames) in RoleAccounts)
        {
            await RegisterAsync(userName, displayName, roles, unitNames,
                enterprise: Enterprises.TryGetValue(userName, out var enterprise) ? enterprise : null);
        }
        string[] branches = ["第一党支部", "第二党支部", "第三党支部"];
        for (var i = 0; i < 30; i++)
        {
            var groups = new List<string> { branches[i % 3] };
            if (i % 3 == 0)
            {
                groups.Add(i % 2 == 0 ? "第一党小组" : "第二党小组");
            }
            if (i < 4)
            {
                groups.Add("部务会");
                groups.Add("党委中心组");
            }
            if (i is >= 20 and < 26)
            {
                groups.Add("青年理论学习小组");
            }
            if (i is >= 26)
            {
                groups.Add(i == 29 ? "项目服务专班" : i % 2 == 0 ? "招商服务专班" : "征迁服务专班");
            }
            await RegisterAsync($"member{i + 1:00}", Surnames[i % Surnames.Length] + GivenNames[(i * 5 + i / Surnames.Length) % GivenNames.Length],
                [PlatformRoles.Member], groups);
        }
        // The youth study group takes young cadres from other units of the united-front system too.
        await RegisterAsync("youth-fic1", "市工商联青年干部甲", [PlatformRoles.Member], ["青年理论学习小组"], externalOrganisation: "市工商联");
        await RegisterAsync("youth-fic2", "市工商联青年干部乙", [PlatformRoles.Member], ["青年理论学习小组"], externalOrganisation: "市工商联");
    }

    private static async Task SeedDemoClientAsync(IServiceProvider services, string secret, CancellationToken cancellationToken)
    {
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(DemoClientId, cancellationToken) is not null)
        {
            return;
        }
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = DemoClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "演示政务系统（12345 热线）",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + "tickets.read",
                Permissions.Prefixes.Scope + "tickets.write",
                Permissions.Prefixes.Scope + "reporting.read",
            },
        }, cancellationToken);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
