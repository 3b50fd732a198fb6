using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// Reporting (where supervision lives) and study on one virtual host, so a study activity reaches reporting through
/// its events; reporting's directory holds the secretary's and the officer's branches and a department with one member.
/// </summary>
public sealed class BrandRegistryFixture(TestServers servers) : IAsyncLifetime
{
    public ServiceFactory<ReportingDbContext> Reporting { get; private set; } = null!;
    public ServiceFactory<StudyDbContext> Study { get; private set; } = null!;
    public IdentityHost Identity { get; private set; } = null!;
    public Guid SecretaryBranch { get; private set; }
    public Guid OfficerBranch { get; private set; }
    public Guid Department { get; } = Guid.CreateVersion7();
    public Guid DepartmentMember { get; } = Guid.CreateVersion7();

    public async ValueTask InitializeAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        Identity = await IdentityHost.SharedAsync(servers);
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("brands")).ToString() };
        Reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", shared, Identity.Backchannel());
        await Reporting.WaitUntilHealthyAsync(cancel);
        Study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", shared, Identity.Backchannel());
        await Study.WaitUntilHealthyAsync(cancel);
        SecretaryBranch = await BranchOfAsync("secretary");
        OfficerBranch = await BranchOfAsync("officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await Reporting.QueryAsync(db =>
        {
            var known = db.Units.Select(u => u.Id).ToHashSet();
            db.Units.AddRange(new[] { SecretaryBranch, OfficerBranch }.Distinct().Where(id => !known.Contains(id))
                .Select(id => new DirectoryUnit(id, UnitKinds.Branch, "品牌测试支部", null)));
            db.Units.Add(new DirectoryUnit(Department, UnitKinds.Department, "品牌测试处", null));
            db.UnitMembers.Add(UnitMember.FromJoin(DepartmentMember, Department, UnitKinds.Department, "李处长", today.AddYears(-1)));
            return db.SaveChangesAsync(cancel);
        });
    }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Reporting, person);

    private async Task<Guid> BranchOfAsync(string person) =>
        Guid.Parse(IdentityHost.JwtPayload(await Identity.PersonTokenAsync(person)).GetProperty(PlatformClaims.Branch).GetString()!);

    public async ValueTask DisposeAsync()
    {
        await Study.DisposeAsync();
        await Reporting.DisposeAsync();
    }
}
