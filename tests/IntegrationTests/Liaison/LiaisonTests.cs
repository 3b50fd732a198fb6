using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>A liaison service of its own (real PostgreSQL and RabbitMQ) against the shared identity, with the officer and the member on its rosters.</summary>
public sealed class LiaisonFixture(TestServers servers) : IAsyncLifetime
{
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<LiaisonDbContext> Service { get; private set; } = null!;
    public Dictionary<string, Guid> People { get; } = [];

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.SharedAsync(servers);
        Service = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", identityBackchannel: Identity.Backchannel());
        // Liaison keeps no units, only who belongs to one: any unit id stands for the person's branch.
        foreach (var person in new[] { "officer", "member" })
        {
            People[person] = Guid.Parse(IdentityHost.JwtPayload(await Identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
            await LiaisonWorld.PutOnRosterAsync(Service.Services, People[person], Guid.CreateVersion7(), person == "officer" ? "第二党支部党务干事" : "第一党支部党员",
                TestContext.Current.CancellationToken);
        }
    }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Service, person);

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}

/// <summary>
/// Organisations and contacts: the office registers them, every cadre reads a contact's phone masked, the responsible
/// cadre and the office read it whole and each such read is audited, and each change is announced with its version.
/// </summary>
public sealed class LiaisonTests(LiaisonFixture fixture) : IClassFixture<LiaisonFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_office_reads_a_contact_s_phone_in_full_and_the_audit_shows_it_while_another_cadre_sees_it_masked()
    {
        var office = await fixture.ClientAsync("office");
        var (_, contact) = await LiaisonWorld.RegisterChamberAndContactAsync(office, fixture.People["officer"], Cancel);

        var member = await fixture.ClientAsync("member");
        var masked = await member.GetFromJsonAsync<JsonElement>($"/api/liaison/contacts/{contact}", Cancel);
        masked.GetProperty("maskedPhone").GetString().ShouldBe("139****5678");
        masked.GetRawText().ShouldNotContain("13912345678");
        var listed = await member.GetFromJsonAsync<JsonElement>($"/api/liaison/contacts?q={Uri.EscapeDataString(masked.GetProperty("name").GetString()!)}", Cancel);
        listed.GetProperty("items").EnumerateArray().Single().GetProperty("maskedPhone").GetString().ShouldBe("139****5678");
        listed.GetRawText().ShouldNotContain("13912345678");
        using (var refused = await member.GetAsync($"/api/liaison/contacts/{contact}/personal-data", Cancel))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        var whole = await office.GetFromJsonAsync<JsonElement>($"/api/liaison/contacts/{contact}/personal-data", Cancel);
        whole.GetProperty("phone").GetString().ShouldBe("13912345678");
        var officer = await fixture.ClientAsync("officer");
        (await officer.GetFromJsonAsync<JsonElement>($"/api/liaison/contacts/{contact}/personal-data", Cancel))
            .GetProperty("phone").GetString().ShouldBe("13912345678");

        var reads = await fixture.Service.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Target == contact.ToString() && a.Action == "personal-data-read").OrderBy(a => a.Id).ToListAsync(Cancel));
        reads.Count.ShouldBe(2);
        reads[0].Actor.ShouldContain("办公室督办专员");
        reads[1].Actor.ShouldBe($"{fixture.People["officer"]} 第二党支部党务干事");
        var audit = await office.GetFromJsonAsync<JsonElement>($"/api/liaison/audit?action=personal-data-read&target={contact}", Cancel);
        audit.GetProperty("items").GetArrayLength().ShouldBe(2);
        (await fixture.Service.QueryAsync(db => db.Set<AuditEntry>().AsNoTracking().Where(a => a.Target == contact.ToString()).Select(a => a.Detail)
            .ToListAsync(Cancel))).ShouldAllBe(detail => detail == null || !detail.Contains("13912345678"));
    }

    [Fact]
    public async Task Registration_and_changes_are_announced_in_order_without_the_phone_number()
    {
        var office = await fixture.ClientAsync("office");
        var (organisation, contact) = await LiaisonWorld.RegisterChamberAndContactAsync(office, fixture.People["officer"], Cancel);
        var current = await office.GetAsync($"/api/liaison/contacts/{contact}", Cancel);
        var etag = current.Headers.ETag!.Tag;
        var body = await current.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        var officer = await fixture.ClientAsync("officer");
        using var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/liaison/contacts/{contact}")
        {
            Content = JsonContent.Create(Details(organisation, body.GetProperty("name").GetString()!, phone: "0591-87654321")),
        };
        revise.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        using (var revised = await officer.SendAsync(revise, Cancel))
        {
            revised.StatusCode.ShouldBe(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync(Cancel));
        }
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/liaison/contacts/{contact}")
        {
            Content = JsonContent.Create(Details(organisation, body.GetProperty("name").GetString()!, phone: "13800001111")),
        };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        (await office.SendAsync(stale, Cancel)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        using (var reassigned = await office.PostAsJsonAsync($"/api/liaison/contacts/{contact}/reassign", new { responsibleCadreId = fixture.People["member"] }, Cancel))
        {
            reassigned.StatusCode.ShouldBe(HttpStatusCode.OK, await reassigned.Content.ReadAsStringAsync(Cancel));
            (await reassigned.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("responsibleCadreName").GetString().ShouldBe("第一党支部党员");
        }

        (await OutboxEvents.OfAsync(fixture.Service, contact)).ShouldBe(
            [("liaison.contact-registered.v1", 1L), ("liaison.contact-updated.v1", 2L), ("liaison.contact-reassigned.v1", 3L)]);
        var payloads = await OutboxEvents.PayloadsAsync(fixture.Service, contact);
        payloads.ShouldAllBe(p => !p.Payload.GetRawText().Contains("13912345678") && !p.Payload.GetRawText().Contains("87654321"));
        var registered = payloads.Single(p => p.Name == "liaison.contact-registered.v1").Payload;
        registered.GetProperty("category").GetString().ShouldBe("privateEntrepreneur");
        registered.GetProperty("enterpriseCreditCode").GetString().ShouldBe(TicketRequests.ValidCreditCode);
        registered.GetProperty("responsibleCadreId").GetGuid().ShouldBe(fixture.People["officer"]);
        (await OutboxEvents.OfAsync(fixture.Service, organisation)).ShouldBe([("liaison.organisation-registered.v1", 1L)]);

        // Handed to the member, the contact is no longer the officer's to change or read in full.
        (await officer.GetAsync($"/api/liaison/contacts/{contact}/personal-data", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PutAsJsonAsync($"/api/liaison/contacts/{contact}", Details(organisation, "改名", phone: "13800001111"), Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var mine = await (await fixture.ClientAsync("member")).GetFromJsonAsync<JsonElement>("/api/liaison/contacts?mine=true&limit=200", Cancel);
        mine.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(contact);
        mine.GetProperty("items").EnumerateArray().ShouldAllBe(c => c.GetProperty("responsibleCadreId").GetGuid() == fixture.People["member"]);
    }

    [Fact]
    public async Task Bad_registrations_get_field_errors_and_write_nothing()
    {
        var office = await fixture.ClientAsync("office");
        var (organisation, _) = await LiaisonWorld.RegisterChamberAndContactAsync(office, fixture.People["officer"], Cancel);
        var before = await CountsAsync();

        await ShouldRefuseAsync(office.PostAsJsonAsync("/api/liaison/contacts", new
        {
            name = "缺企业的企业家", category = "privateEntrepreneur", phone = "13912345678", responsibleCadreId = fixture.People["officer"],
        }, Cancel), HttpStatusCode.BadRequest, "enterpriseName", "enterpriseCreditCode");
        await ShouldRefuseAsync(office.PostAsJsonAsync("/api/liaison/contacts", new
        {
            name = "号码有误", category = "newSocialClassFigure", phone = "12345", responsibleCadreId = fixture.People["officer"],
        }, Cancel), HttpStatusCode.BadRequest, "phone");
        await ShouldRefuseAsync(office.PostAsJsonAsync("/api/liaison/contacts", new
        {
            name = "无人负责", category = "representativeFigure", phone = "13912345678", responsibleCadreId = Guid.NewGuid(),
        }, Cancel), HttpStatusCode.UnprocessableEntity, "responsibleCadreId");
        await ShouldRefuseAsync(office.PostAsJsonAsync("/api/liaison/contacts", new
        {
            name = "组织不存在", category = "representativeFigure", organisationId = Guid.NewGuid(), phone = "13912345678", responsibleCadreId = fixture.People["officer"],
        }, Cancel), HttpStatusCode.UnprocessableEntity, "organisationId");
        var taken = (await office.GetFromJsonAsync<JsonElement>($"/api/liaison/organisations/{organisation}", Cancel)).GetProperty("name").GetString();
        await ShouldRefuseAsync(office.PostAsJsonAsync("/api/liaison/organisations", new { name = taken, category = "democraticParty" }, Cancel),
            HttpStatusCode.Conflict);

        (await CountsAsync()).ShouldBe(before);
    }

    private async Task<(int, int, int)> CountsAsync() => await fixture.Service.QueryAsync(async db =>
        (await db.Contacts.CountAsync(Cancel), await db.Organisations.CountAsync(Cancel), await db.Set<BrandPlatform.Platform.Messaging.OutboxMessage>().CountAsync(Cancel)));

    private static async Task ShouldRefuseAsync(Task<HttpResponseMessage> sending, HttpStatusCode status, params string[] fields)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (fields.Length > 0)
        {
            JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(fields, ignoreOrder: true);
        }
    }

    private static object Details(Guid organisation, string name, string phone) => new
    {
        name, category = "privateEntrepreneur", organisationId = organisation, positions = new[] { "商会副会长", "市政协委员" },
        enterpriseName = "三明市某某科技有限公司", enterpriseCreditCode = TicketRequests.ValidCreditCode, phone,
    };
}
