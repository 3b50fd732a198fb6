using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// One language per answer across the tickets API: the same refusal in Chinese (no Accept-Language) and in English
/// (Accept-Language: en), naming states and units by their names, never by codes or ids.
/// </summary>
public sealed class TicketProblemLanguageTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_ticket_is_missing_in_either_language()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");

        var (chinese, english) = await BothAsync(office, () => new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{Guid.NewGuid()}"), HttpStatusCode.NotFound);

        chinese.GetProperty("title").GetString().ShouldBe("工单不存在");
        english.GetProperty("title").GetString().ShouldBe("Ticket not found");
    }

    [Fact]
    public async Task An_illegal_step_names_the_state_and_a_stale_version_is_refused_in_either_language()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        var (id, submitted) = await AcceptedAsync(office, "语言测试：状态冲突");

        var (chinese, english) = await BothAsync(office, () => TicketSteps.StepRequest(id, "reject", new { reason = "重复提交" }), HttpStatusCode.Conflict);
        chinese.GetProperty("detail").GetString()!.ShouldContain("“已受理”");
        chinese.GetProperty("detail").GetString()!.ShouldContain("已提交");
        english.GetProperty("detail").GetString()!.ShouldContain("The ticket is accepted");

        (chinese, english) = await BothAsync(office, () => TicketSteps.StepRequest(id, "reject", new { reason = "重复提交" }, submitted), HttpStatusCode.PreconditionFailed);
        chinese.GetProperty("title").GetString().ShouldBe("工单已被他人修改");
        english.GetProperty("detail").GetString()!.ShouldContain("read it again");
    }

    [Fact]
    public async Task An_unknown_or_non_handling_lead_unit_is_unprocessable_in_either_language()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        var (id, _) = await AcceptedAsync(office, "语言测试：未知单位");

        var (chinese, english) = await BothAsync(office, () => TicketSteps.StepRequest(id, "assign", new { leadUnitId = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity);

        chinese.GetProperty("title").GetString().ShouldBe("承办单位不存在或已撤销");
        chinese.GetProperty("detail").GetString()!.ShouldContain("leadUnitId");
        english.GetProperty("detail").GetString()!.ShouldContain("leadUnitId");

        // A unit the directory knows but that handles no tickets (a Party branch) is named by its name.
        const string branch = "第一党支部";
        (chinese, english) = await BothAsync(office, () => TicketSteps.StepRequest(id, "assign", new { leadUnitId = fixture.Units[branch] }),
            HttpStatusCode.UnprocessableEntity);
        chinese.GetProperty("detail").GetString()!.ShouldContain(branch);
        english.GetProperty("detail").GetString()!.ShouldContain(branch);
    }

    [Fact]
    public async Task A_bad_submission_has_field_errors_in_either_language()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");

        var (chinese, english) = await BothAsync(enterprise, () => new HttpRequestMessage(HttpMethod.Post, "/api/tickets")
        {
            Content = JsonContent.Create(new
            {
                title = "",
                category = "financing",
                description = "扩大生产需要流动资金。",
                enterpriseName = "示范科技有限公司",
                unifiedSocialCreditCode = "91320100MA1X0ABC1A",
                attachments = new[] { new { fileName = "../报表.pdf", contentType = "application/pdf", sizeBytes = 100, sha256 = new string('a', 64) } },
            }),
        }, HttpStatusCode.BadRequest);

        foreach (var problem in new[] { chinese, english })
        {
            var fields = problem.GetProperty("errors").EnumerateObject().Select(f => f.Name).ToList();
            fields.ShouldContain("title");
            fields.ShouldContain("unifiedSocialCreditCode");
            fields.ShouldContain(f => f.Contains("fileName", StringComparison.OrdinalIgnoreCase));
        }
        chinese.GetProperty("errors").GetProperty("unifiedSocialCreditCode")[0].GetString().ShouldBe("统一社会信用代码校验位不正确");
    }

    [Fact]
    public async Task An_enterprise_moving_itself_to_a_chamber_is_refused_in_either_language()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        var (id, _) = await TicketSteps.SubmitAsync(enterprise, "语言测试：商会归属");
        var requester = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}", Cancel)).GetProperty("requesterId").GetGuid();

        var (chinese, english) = await BothAsync(enterprise, () => new HttpRequestMessage(HttpMethod.Put, $"/api/tickets/requesters/{requester}")
        {
            Content = JsonContent.Create(new { name = "示范科技有限公司", chamberId = Guid.NewGuid() }),
        }, HttpStatusCode.Forbidden);

        chinese.GetProperty("title").GetString().ShouldBe("商会归属由办公室维护");
        english.GetProperty("title").GetString().ShouldBe("The office keeps chamber membership");
    }

    /// <summary>A ticket the office has accepted; returns its id and the ETag it had before.</summary>
    private async Task<(Guid Id, string Submitted)> AcceptedAsync(HttpClient office, string title)
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        var (id, submitted) = await TicketSteps.SubmitAsync(enterprise, title);
        await TicketSteps.StepAsync(office, id, "accept", new { }, submitted);
        return (id, submitted);
    }

    /// <summary>The same request without a language and with Accept-Language: en; each answer in one language.</summary>
    private async Task<(JsonElement Chinese, JsonElement English)> BothAsync(HttpClient client, Func<HttpRequestMessage> request, HttpStatusCode status)
    {
        var answers = new List<JsonElement>();
        foreach (var english in new[] { false, true })
        {
            using var message = request();
            if (english)
            {
                message.Headers.AcceptLanguage.ParseAdd("en");
            }
            using var response = await client.SendAsync(message, Cancel);
            response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Cancel));
            answers.Add(await response.Content.ReadFromJsonAsync<JsonElement>(Cancel));
        }
        ProblemLanguage.ShouldSpeakChinese(answers[0]);
        ProblemLanguage.ShouldSpeakEnglish(answers[1]);
        return (answers[0], answers[1]);
    }
}
