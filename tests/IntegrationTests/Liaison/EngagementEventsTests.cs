using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>A liaison service whose clock the tests move, so an event can be announced for a day to come and then held on it.</summary>
public sealed class EngagementFixture(TestServers servers) : IAsyncLifetime
{
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<LiaisonDbContext> Service { get; private set; } = null!;
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.SharedAsync(servers);
        Service = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", identityBackchannel: Identity.Backchannel(),
            configureServices: services => services.UseMovedClock(Clock));
    }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Service, person);

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}

/// <summary>
/// Engagement events (企业家日, 银企对接会, 商会大讲坛): the office announces one, enterprises register their own
/// enterprise with a need and banks are registered by the office, registrations close when it starts, the office
/// records who attended from the event's day on and then the outcomes; each enterprise reads only what concerns it.
/// </summary>
public sealed class EngagementEventsTests(EngagementFixture fixture) : IClassFixture<EngagementFixture>
{
    private const string EnterpriseCode = "91320100MA1X0ABC1F";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A bank's code, valid by the standard's check character.</summary>
    public static string BankCode { get; } = "91320100MA1K0BNK8" + UnifiedSocialCreditCode.CheckCharacter("91320100MA1K0BNK8");

    [Fact]
    public async Task An_enterprise_registers_for_a_bank_enterprise_matching_attends_and_reads_the_bank_its_need_was_matched_with()
    {
        var office = await fixture.ClientAsync("office");
        var enterprise = await fixture.ClientAsync("enterprise");
        var other = await fixture.ClientAsync("enterprise2");
        var engagement = await AnnounceAsync(office, "bankEnterpriseMatching", "银企对接会");

        var upcoming = await OkAsync(await enterprise.GetAsync("/api/liaison/events?upcoming=true&series=bankEnterpriseMatching&limit=200", Cancel));
        upcoming.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("id").GetGuid() == engagement);
        var mine = await CreatedAsync(await enterprise.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations",
            new { attendeeName = "陈志强", attendeePosition = "董事长", need = "扩产流动资金贷款", needAmount = 500 }, Cancel));
        mine.GetProperty("organisationName").GetString().ShouldBe("示范科技有限公司");
        mine.GetProperty("creditCode").GetString().ShouldBe(EnterpriseCode);
        using (var twice = await enterprise.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations", new { attendeeName = "陈志强" }, Cancel))
        {
            twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        var bank = await CreatedAsync(await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations",
            new { kind = "bank", organisationName = "市农商银行", creditCode = BankCode, attendeeName = "周华", attendeePosition = "普惠金融部总经理" }, Cancel));

        // Another enterprise sees the event but neither registration.
        var seenByOther = await other.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}", Cancel);
        seenByOther.GetProperty("myRegistration").ValueKind.ShouldBe(JsonValueKind.Null);
        (await other.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}/registrations", Cancel)).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await office.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}/registrations", Cancel)).GetProperty("items").GetArrayLength().ShouldBe(2);

        // Not held before its day; registrations close once it starts.
        using (var early = await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/held", new { attended = Array.Empty<Guid>(), summary = "早了" }, Cancel))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }
        var startsAt = (await office.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}", Cancel)).GetProperty("startsAt").GetDateTimeOffset();
        fixture.Clock.Now = startsAt.AddMinutes(10);
        using (var late = await other.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations", new { attendeeName = "迟到者" }, Cancel))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        using (var outcomeTooSoon = await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes", FinancingMatched(mine, bank), Cancel))
        {
            outcomeTooSoon.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        var held = await OkAsync(await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/held", new
        {
            attended = new[] { Id(mine), Id(bank) }, leaders = new[] { "市委统战部副部长 李明" }, summary = "1家企业、1家银行到会。",
        }, Cancel));
        held.GetProperty("state").GetString().ShouldBe("held");
        held.GetProperty("attended").GetInt32().ShouldBe(2);
        var outcome = await CreatedAsync(await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes", FinancingMatched(mine, bank), Cancel));
        outcome.GetProperty("bankName").GetString().ShouldBe("市农商银行");

        var seen = await enterprise.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}", Cancel);
        seen.GetProperty("myRegistration").GetProperty("attended").GetBoolean().ShouldBeTrue();
        var matched = seen.GetProperty("outcomes").EnumerateArray().Single();
        matched.GetProperty("kind").GetString().ShouldBe("financingMatched");
        matched.GetProperty("need").GetString().ShouldBe("扩产流动资金贷款");
        matched.GetProperty("bankName").GetString().ShouldBe("市农商银行");
        matched.GetProperty("amountInTenThousandYuan").GetDecimal().ShouldBe(500m);
        (await other.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}", Cancel)).GetProperty("outcomes").GetArrayLength().ShouldBe(0);

        var announced = await OutboxEvents.PayloadsAsync(fixture.Service, engagement);
        announced.Select(e => (e.Name, e.Payload.GetProperty("aggregateVersion").GetInt64())).OrderBy(e => e.Item2).ShouldBe(
        [
            ("liaison.engagement-event-announced.v1", 1L), ("liaison.engagement-event-held.v1", 2L), ("liaison.engagement-outcome-recorded.v1", 3L),
        ]);
        var heldEvent = announced.Single(e => e.Name == "liaison.engagement-event-held.v1").Payload;
        heldEvent.GetProperty("attendedEnterprises").GetInt32().ShouldBe(1);
        heldEvent.GetProperty("attendedBanks").GetInt32().ShouldBe(1);
        heldEvent.GetProperty("attendedCreditCodes").EnumerateArray().Select(c => c.GetString()).ShouldBe([EnterpriseCode]);
    }

    [Fact]
    public async Task Withdrawals_cancellations_and_outcomes_keep_to_the_event_s_rules()
    {
        var office = await fixture.ClientAsync("office");
        var enterprise = await fixture.ClientAsync("enterprise");
        var other = await fixture.ClientAsync("enterprise2");
        var engagement = await AnnounceAsync(office, "entrepreneursDay", "企业家日");

        // An enterprise registers only its own enterprise, and never a bank.
        (await StatusAsync(enterprise.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations",
            new { kind = "bank", attendeeName = "陈志强" }, Cancel))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StatusAsync(enterprise.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations",
            new { creditCode = BankCode, attendeeName = "陈志强" }, Cancel))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations",
            new { kind = "enterprise", attendeeName = "无名" }, Cancel))).ShouldBe(HttpStatusCode.BadRequest);

        // Withdrawn once and registered again while open (the same record); another enterprise cannot withdraw it.
        var mine = await CreatedAsync(await enterprise.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations", new { attendeeName = "陈志强" }, Cancel));
        (await StatusAsync(other.PostAsync($"/api/liaison/events/{engagement}/registrations/{Id(mine)}/withdraw", null, Cancel))).ShouldBe(HttpStatusCode.NotFound);
        (await OkAsync(await enterprise.PostAsync($"/api/liaison/events/{engagement}/registrations/{Id(mine)}/withdraw", null, Cancel)))
            .GetProperty("withdrawnAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await StatusAsync(enterprise.PostAsync($"/api/liaison/events/{engagement}/registrations/{Id(mine)}/withdraw", null, Cancel))).ShouldBe(HttpStatusCode.Conflict);
        (await office.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}", Cancel)).GetProperty("registeredEnterprises").GetInt32().ShouldBe(0);
        var again = await CreatedAsync(await enterprise.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations", new { attendeeName = "陈志远" }, Cancel));
        Id(again).ShouldBe(Id(mine));
        again.GetProperty("attendeeName").GetString().ShouldBe("陈志远");
        again.GetProperty("withdrawnAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var absent = await CreatedAsync(await other.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations", new { attendeeName = "李明" }, Cancel));

        var startsAt = (await office.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}", Cancel)).GetProperty("startsAt").GetDateTimeOffset();
        fixture.Clock.Now = startsAt.AddMinutes(5);
        (await StatusAsync(enterprise.PostAsync($"/api/liaison/events/{engagement}/registrations/{Id(mine)}/withdraw", null, Cancel))).ShouldBe(HttpStatusCode.Conflict);
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/events/{engagement}/held",
            new { attended = new[] { Guid.NewGuid() }, summary = "名单有误" }, Cancel))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await OkAsync(await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/held", new { attended = new[] { Id(mine) }, summary = "座谈交流。" }, Cancel)))
            .GetProperty("attended").GetInt32().ShouldBe(1);
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/events/{engagement}/held", new { attended = new[] { Id(mine) }, summary = "再次" }, Cancel)))
            .ShouldBe(HttpStatusCode.Conflict);

        // Outcomes name an enterprise that attended, with the fields their kind asks for.
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes",
            new { kind = "other", enterpriseRegistrationId = Id(absent), note = "未到会" }, Cancel))).ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes",
            new { kind = "other", enterpriseRegistrationId = Id(mine), bankRegistrationId = Id(absent), note = "不需银行" }, Cancel))).ShouldBe(HttpStatusCode.BadRequest);
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes",
            new { kind = "problemRaised", enterpriseRegistrationId = Id(mine) }, Cancel))).ShouldBe(HttpStatusCode.BadRequest);
        // An enterprise's problem is about an enterprise category: a 民生 one is a resident's, raised during a community service.
        using (var housing = await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes", new
        {
            kind = "problemRaised", enterpriseRegistrationId = Id(mine), problem = new { title = "员工住房", category = "housing", description = "员工宿舍不足。" },
        }, Cancel))
        {
            housing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await housing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("problem.category", out _).ShouldBeTrue();
        }
        var agreement = await CreatedAsync(await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes",
            new { kind = "other", enterpriseRegistrationId = Id(mine), note = "签订人才合作协议" }, Cancel));
        agreement.GetProperty("note").GetString().ShouldBe("签订人才合作协议");

        // A start that has passed is refused by its field, for the form to show beside it.
        using (var past = await office.PostAsJsonAsync("/api/liaison/events", new
        {
            series = "entrepreneursDay", title = "已过去的活动", startsAt = fixture.Clock.GetUtcNow().AddMinutes(-1), place = "市民中心", leaders = Array.Empty<string>(),
        }, Cancel))
        {
            past.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await past.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("startsAt", out _).ShouldBeTrue();
        }

        // A cancelled event takes no registrations and is no longer revised.
        fixture.Clock.Now = DateTimeOffset.UtcNow;
        var cancelled = await AnnounceAsync(office, "chamberLectureHall", "商会大讲坛");
        (await OkAsync(await office.PostAsJsonAsync($"/api/liaison/events/{cancelled}/cancel", new { reason = "延期另行通知" }, Cancel)))
            .GetProperty("state").GetString().ShouldBe("cancelled");
        (await StatusAsync(enterprise.PostAsJsonAsync($"/api/liaison/events/{cancelled}/registrations", new { attendeeName = "陈志强" }, Cancel)))
            .ShouldBe(HttpStatusCode.Conflict);
        (await StatusAsync(office.PostAsJsonAsync($"/api/liaison/events/{cancelled}/cancel", new { reason = "再次取消" }, Cancel))).ShouldBe(HttpStatusCode.Conflict);
    }

    /// <summary>Announces an event of <paramref name="series"/> two days from the test's clock, at 14:30 China time.</summary>
    private async Task<Guid> AnnounceAsync(HttpClient office, string series, string title)
    {
        var day = ChinaCalendar.DateOf(fixture.Clock.GetUtcNow()).AddDays(2);
        var startsAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 30)), TimeSpan.FromHours(8));
        var created = await CreatedAsync(await office.PostAsJsonAsync("/api/liaison/events", new
        {
            series, title = title + Guid.NewGuid().ToString("N")[..6], startsAt, place = "市民中心三楼报告厅", leaders = new[] { "市委统战部副部长 李明" },
            description = "对接交流。",
        }, Cancel));
        return Id(created);
    }

    private static object FinancingMatched(JsonElement enterprise, JsonElement bank) => new
    {
        kind = "financingMatched", enterpriseRegistrationId = Id(enterprise), bankRegistrationId = Id(bank), amount = 500m, note = "达成授信意向。",
    };

    private static Guid Id(JsonElement created) => created.GetProperty("id").GetGuid();

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sent)
    {
        using var response = await sent;
        if ((int)response.StatusCode >= 400)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        return response.StatusCode;
    }

    private static Task<JsonElement> CreatedAsync(HttpResponseMessage response) => LiaisonWorld.ReadAsync(response, HttpStatusCode.Created);

    private static Task<JsonElement> OkAsync(HttpResponseMessage response) => LiaisonWorld.ReadAsync(response, HttpStatusCode.OK);
}
