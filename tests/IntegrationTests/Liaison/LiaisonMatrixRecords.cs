using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Authorization;
using BrandPlatform.IntegrationTests.WholePlatform;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// The authorization matrix's liaison records: a chamber registered by the office and a private entrepreneur of it whose
/// responsible cadre is the officer (on liaison's copy of the rosters), so the office and the officer read the contact's
/// phone number in full and every other cadre reads it masked. Names carry the matrix's marker, so lists find them.
/// </summary>
public static class LiaisonMatrixRecords
{
    public sealed record Records(
        Guid Organisation, string OrganisationName, Guid Contact, Guid Cadre, string Marker, Guid OfficerVisit, Guid Event, Guid EventToCancel,
        Guid Enterprise2Registration, Guid Pair, Guid PairToEnd, Guid Note, Guid Policy, Guid PolicyToWithdraw, Guid TaskForce, Guid InvestmentLead,
        Guid KeyProject);

    /// <summary>The task force whose work the matrix records: the handler's, 招商服务专班 (on liaison's rosters too).</summary>
    public const string TaskForceName = "招商服务专班";

    public const string ContactPhone = "13912345678";

    internal static async Task<Records> SetUpAsync(
        WholePlatformFixture platform, HttpClient office, HttpClient officerClient, Guid officer, string marker, CancellationToken cancellationToken)
    {
        await LiaisonWorld.PutOnRosterAsync(platform.Services["liaison"].Services, officer, platform.Units["第二党支部"], "第二党支部党务干事", cancellationToken);
        var organisationName = "矩阵商会" + marker;
        var organisation = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = organisationName, category = "chamberOfCommerce" }, cancellationToken));
        var contact = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/contacts",
            ContactBody(organisation, officer, marker), cancellationToken));
        var visit = await LiaisonWorld.CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/liaison/visits", VisitBody(contact), cancellationToken));
        var engagement = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/events", EventBody(marker), cancellationToken));
        var toCancel = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/events", EventBody(marker + "取消"), cancellationToken));
        var registration = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations",
            Enterprise2Registration, cancellationToken));
        var secondContact = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/contacts",
            ContactBody(organisation, officer, marker + "二"), cancellationToken));
        var pair = await PairIdAsync(await office.PostAsJsonAsync("/api/liaison/friendships", PairBody(officer, contact), cancellationToken));
        var pairToEnd = await PairIdAsync(await office.PostAsJsonAsync("/api/liaison/friendships", PairBody(officer, secondContact), cancellationToken));
        var note = await LiaisonWorld.CreatedIdAsync(await officerClient.PostAsJsonAsync("/api/liaison/thought-trends", NoteBody(contact), cancellationToken));
        var policy = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/policies", PolicyBody(marker), cancellationToken));
        var toWithdraw = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/policies", PolicyBody(marker + "废止"), cancellationToken));
        var taskForce = platform.Units[TaskForceName];
        var handler = Guid.Parse(IdentityHost.JwtPayload(await platform.Identity.PersonTokenAsync(AccessMatrix.Handler)).GetProperty("sub").GetString()!);
        await LiaisonWorld.PutOnRosterAsync(platform.Services["liaison"].Services, handler, taskForce, "招商服务专班经办人", cancellationToken);
        var lead = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/task-force-work", LeadBody(taskForce, marker), cancellationToken));
        var project = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/task-force-work", ProjectBody(taskForce, marker), cancellationToken));
        return new Records(
            organisation, organisationName, contact, officer, marker, visit, engagement, toCancel, registration, pair, pairToEnd, note, policy, toWithdraw,
            taskForce, lead, project);
    }

    /// <summary>An investment lead of <paramref name="taskForce"/> contacted today.</summary>
    public static object LeadBody(Guid taskForce, string marker) => new
    {
        kind = "investmentLead", taskForceId = taskForce, name = "矩阵投资方" + marker, sector = "新材料", amount = 50000m, stage = "contacted", on = AccessMatrix.Today,
    };

    /// <summary>A key project of <paramref name="taskForce"/> in approval since today.</summary>
    public static object ProjectBody(Guid taskForce, string marker) => new
    {
        kind = "keyProject", taskForceId = taskForce, name = "矩阵重点项目" + marker, enterpriseName = "样板制造股份有限公司",
        enterpriseCreditCode = MatrixRecords.Enterprise2Code, amount = 80000m, stage = "approval", on = AccessMatrix.Today,
    };

    /// <summary>A policy whose title carries the marker, so a search for the marker finds it.</summary>
    public static object PolicyBody(string marker) => new
    {
        title = "矩阵政策 " + marker, issuer = "矩阵发文单位", issuedOn = "2026-09-15", region = "三明市", summary = "矩阵政策摘要。", fullText = "矩阵政策全文。",
        tags = new[] { "矩阵" },
    };

    /// <summary>A 联谊交友 pair formed today.</summary>
    public static object PairBody(Guid cadre, Guid contact) => new { cadreId = cadre, contactId = contact, formedOn = AccessMatrix.Today };

    public static object FriendshipContactBody => new { on = AccessMatrix.Today, way = "heartToHeartTalk", note = "矩阵谈心" };

    public static object NoteBody(Guid contact) => new
    {
        observedOn = AccessMatrix.Today, contactId = contact, contactCategory = (string?)null, topic = "矩阵思想动态", content = "矩阵所见。",
    };

    private static async Task<Guid> PairIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pair").GetProperty("id").GetGuid();
        }
    }

    /// <summary>A 银企对接会 two days from now: it takes registrations, and holding it or recording outcomes is refused by the record.</summary>
    public static object EventBody(string marker) => new
    {
        series = "bankEnterpriseMatching", title = "矩阵银企对接会" + marker, startsAt = DateTimeOffset.UtcNow.AddDays(2), place = "矩阵会场",
        leaders = new[] { "矩阵领导" }, description = (string?)null,
    };

    /// <summary>Enterprise2 at the matrix's event: the office registers it, enterprise2 may (again), enterprise is refused it (not its own).</summary>
    public static object Enterprise2Registration => new
    {
        kind = "enterprise", organisationName = "样板制造股份有限公司", creditCode = MatrixRecords.Enterprise2Code, attendeeName = "矩阵参会人",
        attendeePosition = (string?)null, need = "矩阵融资需求", needAmount = 100m,
    };

    /// <summary>A field visit today that met <paramref name="contact"/>, with no problem raised.</summary>
    public static object VisitBody(Guid contact) => new
    {
        kind = "fieldVisit", visitedOn = AccessMatrix.Today,
        place = "矩阵企业", contactIds = new[] { contact }, findings = "矩阵走访所见。",
    };

    /// <summary>A private entrepreneur of <paramref name="organisation"/> kept by <paramref name="cadre"/>.</summary>
    public static object ContactBody(Guid organisation, Guid cadre, string marker) => new
    {
        name = "矩阵企业家" + marker, category = "privateEntrepreneur", organisationId = organisation, positions = new[] { "商会副会长" },
        enterpriseName = "样板制造股份有限公司", enterpriseCreditCode = MatrixRecords.Enterprise2Code, phone = ContactPhone, responsibleCadreId = cadre,
    };
}

/// <summary>What liaison tests share: cadres on liaison's rosters and the answers they read.</summary>
public static class LiaisonWorld
{
    /// <summary>Puts a person on liaison's copy of the rosters (as the directory's events would), once.</summary>
    public static async Task PutOnRosterAsync(IServiceProvider liaison, Guid person, Guid unit, string displayName, CancellationToken cancellationToken)
    {
        await using var scope = liaison.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>();
        if (!await db.UnitMembers.Current().AnyAsync(m => m.PersonId == person && m.UnitId == unit, cancellationToken))
        {
            db.UnitMembers.Add(UnitMember.FromJoin(person, unit, UnitKinds.Branch, displayName, ChinaCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(-30)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>A chamber of commerce and a private entrepreneur of it kept by <paramref name="cadre"/>.</summary>
    public static async Task<(Guid Organisation, Guid Contact)> RegisterChamberAndContactAsync(HttpClient office, Guid cadre, CancellationToken cancellationToken)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var organisation = await CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "测试商会" + marker, category = "chamberOfCommerce", description = "异地商会" }, cancellationToken));
        var contact = await CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/contacts", new
        {
            name = "企业家" + marker, category = "privateEntrepreneur", organisationId = organisation, positions = new[] { "商会副会长" },
            enterpriseName = "三明市某某科技有限公司", enterpriseCreditCode = Tickets.TicketRequests.ValidCreditCode, phone = "139 1234 5678",
            responsibleCadreId = cadre,
        }, cancellationToken));
        return (organisation, contact);
    }

    public static async Task<Guid> CreatedIdAsync(HttpResponseMessage response) =>
        (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>The JSON of an answer that must have <paramref name="expected"/> (the body is the message when it has not).</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }
}
