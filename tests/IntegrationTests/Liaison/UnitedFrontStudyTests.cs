using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// Thematic education for a united-front audience, on liaison and study with one broker: study keeps a copy of
/// liaison's organisations and contacts, so an activity aimed at a democratic party's committee (or at a category of
/// contacts) expects exactly those contacts; they have no accounts, so the keeper marks who came, and the record names
/// them.
/// </summary>
public sealed class UnitedFrontStudyTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IdentityHost identity = null!;
    private ServiceFactory<StudyDbContext> study = null!;
    private ServiceFactory<LiaisonDbContext> liaison = null!;
    private IReadOnlyDictionary<string, Guid> units = null!;

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        var broker = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("unitedfront")).ToString() };
        study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", broker, identity.Backchannel());
        liaison = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", broker, identity.Backchannel());
        units = await TicketUnits.CopyDirectoryAsync(identity, study);
    }

    [Fact]
    public async Task A_thematic_education_for_a_democratic_party_s_committee_expects_its_contacts_and_the_keeper_marks_who_came()
    {
        var member = Guid.Parse(IdentityHost.JwtPayload(await identity.PersonTokenAsync("member")).GetProperty("sub").GetString()!);
        await LiaisonWorld.PutOnRosterAsync(liaison.Services, member, Guid.CreateVersion7(), "第一党支部党员", Cancel);
        var liaisonOffice = await identity.ClientForPersonAsync(liaison, "office");
        var marker = Guid.NewGuid().ToString("N")[..6];
        var party = await LiaisonWorld.CreatedIdAsync(await liaisonOffice.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "民进市委会" + marker, category = "democraticParty" }, Cancel));
        var chamber = await LiaisonWorld.CreatedIdAsync(await liaisonOffice.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "青年商会" + marker, category = "chamberOfCommerce" }, Cancel));
        async Task<Guid> ContactAsync(string name, string category, Guid organisation, string? enterprise = null) =>
            await LiaisonWorld.CreatedIdAsync(await liaisonOffice.PostAsJsonAsync("/api/liaison/contacts", new
            {
                name, category, organisationId = organisation, phone = "13812345678", responsibleCadreId = member,
                enterpriseName = enterprise, enterpriseCreditCode = enterprise is null ? null : TicketRequests.ValidCreditCode,
            }, Cancel));
        var came = await ContactAsync("林教授" + marker, "representativeFigure", party);
        var away = await ContactAsync("郑律师" + marker, "representativeFigure", party);
        var entrepreneur = await ContactAsync("陈总" + marker, "privateEntrepreneur", chamber, "三明市某某科技有限公司");
        await Eventually.ReturnsAsync(() => study.QueryAsync(db => db.UnitedFrontContacts.CountAsync(c => c.Name.EndsWith(marker), Cancel)),
            count => count == 3, Wait, "study's copy of the contacts", Cancel);

        var office = await identity.ClientForPersonAsync(study, "office");
        var now = DateTimeOffset.UtcNow;
        var scheduled = await LiaisonWorld.ReadAsync(await office.PostAsJsonAsync("/api/study/activities", new
        {
            kind = "thematicEducation", organiserUnitId = units["第一党支部"], topic = "学习贯彻中央统战工作会议精神", materials = Array.Empty<object>(),
            plannedStart = now.AddHours(-2), plannedEnd = now.AddHours(-1), place = "统战部会议室",
            audience = new { kind = "unitedFront", unitedFrontCategory = "democraticParty", organisationId = party },
        }, Cancel), HttpStatusCode.Created);
        var activity = scheduled.GetProperty("id").GetGuid();
        scheduled.GetProperty("audience").GetProperty("organisationId").GetGuid().ShouldBe(party);

        using (var stranger = await office.PostAsJsonAsync($"/api/study/activities/{activity}/hold", Hold(now, entrepreneur), Cancel))
        {
            stranger.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, "the entrepreneur is not of the committee");
        }
        var held = await LiaisonWorld.ReadAsync(await office.PostAsJsonAsync($"/api/study/activities/{activity}/hold", Hold(now, came), Cancel), HttpStatusCode.OK);
        var sheet = held.GetProperty("record").GetProperty("attendance").EnumerateArray()
            .ToDictionary(e => e.GetProperty("personId").GetGuid(), e => (Name: e.GetProperty("displayName").GetString(), Status: e.GetProperty("status").GetString()));
        sheet.Keys.ShouldBe([came, away], ignoreOrder: true);
        sheet[came].ShouldBe(("林教授" + marker, "present"));
        sheet[away].Status.ShouldBe("absent");

        using (var unknown = await office.PostAsJsonAsync("/api/study/activities", new
        {
            kind = "thematicEducation", organiserUnitId = units["第一党支部"], topic = "统战理论学习", materials = Array.Empty<object>(),
            plannedStart = now.AddHours(1), plannedEnd = now.AddHours(2), place = "统战部会议室",
            audience = new { kind = "unitedFront", unitedFrontCategory = "democraticParty", organisationId = Guid.NewGuid() },
        }, Cancel))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await unknown.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("audience.organisationId", out _).ShouldBeTrue();
        }
        var entrepreneurs = await LiaisonWorld.ReadAsync(await office.PostAsJsonAsync("/api/study/activities", new
        {
            kind = "thematicEducation", organiserUnitId = units["第一党支部"], topic = "民营经济人士理想信念教育", materials = Array.Empty<object>(),
            plannedStart = now.AddHours(-2), plannedEnd = now.AddHours(-1), place = "商会会议室",
            audience = new { kind = "unitedFront", unitedFrontCategory = "privateEconomy" },
        }, Cancel), HttpStatusCode.Created);
        var byCategory = await LiaisonWorld.ReadAsync(await office.PostAsJsonAsync(
            $"/api/study/activities/{entrepreneurs.GetProperty("id").GetGuid()}/hold", Hold(now, entrepreneur), Cancel), HttpStatusCode.OK);
        var lines = byCategory.GetProperty("record").GetProperty("attendance").EnumerateArray().Select(e => e.GetProperty("personId").GetGuid()).ToList();
        lines.ShouldContain(entrepreneur);
        lines.ShouldNotContain(came, "a representative figure is not a private entrepreneur");
    }

    private static object Hold(DateTimeOffset now, Guid present) => new
    {
        heldAt = now.AddHours(-2), durationMinutes = 60, minutes = "传达学习会议精神，交流发言。",
        attendance = new[] { new { personId = present, status = "present" } },
    };

    public async ValueTask DisposeAsync()
    {
        await liaison.DisposeAsync();
        await study.DisposeAsync();
    }
}
