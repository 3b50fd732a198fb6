using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// The liaison screens in a real browser, through the gateway: a cadre records a 四访四通 visit to the entrepreneur
/// they keep in touch with from a phone-width page and raises a financing problem, which becomes a ticket in the
/// office's queue linked to the visit; the office reads the entrepreneur's phone number in full and the audit shows it,
/// while a cadre who is not responsible for the contact sees it masked and is refused the whole number.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LiaisonInBrowserTests(PlatformFixture platform)
{
    private const string Phone = "13912345678";
    private const string Masked = "139****5678";
    // The rosters reach liaison from the directory's events, and the ticket's number comes back, through the broker.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_cadre_records_a_visit_on_a_phone_its_problem_becomes_a_ticket_and_only_the_office_reads_the_whole_phone_number()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var officeApi = await platform.SignedInAsync("office", cancellationToken);
        var member = Guid.Parse(PortalSignIn.JwtPayload(await platform.PersonTokenAsync("member", cancellationToken)).GetProperty("sub").GetString()!);
        var marker = DateTimeOffset.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var chamber = await CreatedIdAsync(await officeApi.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "银企对接商会" + marker, category = "chamberOfCommerce" }, cancellationToken));
        var name = "陈志强" + marker;
        // The member is a cadre once liaison has the directory's rosters.
        var contact = await Eventually.ReturnsAsync(async () =>
        {
            using var response = await officeApi.PostAsJsonAsync("/api/liaison/contacts", new
            {
                name, category = "privateEntrepreneur", organisationId = chamber, positions = new[] { "商会副会长" },
                enterpriseName = "示范科技有限公司", enterpriseCreditCode = "91320100MA1X0ABC1F", phone = Phone, responsibleCadreId = member,
            }, cancellationToken);
            return response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid() : Guid.Empty;
        }, id => id != Guid.Empty, Delivery, "the member on liaison's rosters", cancellationToken);

        await using var cadre = await PortalBrowser.SignedInAsync(platform, "member", PortalBrowser.PhoneWidth);
        await cadre.GoToAsync("liaison/contacts");
        var row = cadre.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync(Masked);
        await cadre.CheckPageAsync("liaison-contacts");
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(cadre.Page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await cadre.InteractiveAsync();
        await cadre.CheckPageAsync("liaison-contact");
        await cadre.Page.GetByRole(AriaRole.Link, new() { Name = "记录走访" }).ClickAsync();
        await Assertions.Expect(cadre.Page.GetByRole(AriaRole.Heading, new() { Name = "记录走访", Level = 1 })).ToBeVisibleAsync();
        await cadre.InteractiveAsync();
        await Assertions.Expect(cadre.Page.GetByLabel("走访类型")).ToHaveValueAsync("fourVisitsToEnterprises");
        await cadre.Page.GetByLabel("走访地点").FillAsync("示范科技有限公司生产车间");
        await cadre.Page.GetByLabel("走访情况").FillAsync("企业订单增长，扩产需要流动资金。");
        await cadre.Page.GetByLabel("问题标题").FillAsync("扩产流动资金贷款需求" + marker);
        await cadre.Page.GetByLabel("问题类别").SelectOptionAsync("financing");
        await cadre.Page.GetByLabel("问题描述").FillAsync("申请流动资金贷款500万元，希望协调银行对接。");
        await cadre.CheckPageAsync("liaison-record-visit");
        await cadre.Page.GetByRole(AriaRole.Button, new() { Name = "提交走访记录" }).ClickAsync();

        // The visit page says the record was kept while it still loads the visit, whose loading state is a status too.
        await Assertions.Expect(cadre.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "走访记录已提交" })).ToBeVisibleAsync();
        var visit = cadre.Page.Url[(cadre.Page.Url.LastIndexOf('/') + 1)..].Split('?')[0];
        var number = await Eventually.ReturnsAsync(async () =>
        {
            await cadre.GoToAsync($"liaison/visits/{visit}");
            var numbers = cadre.Page.Locator("#visit-problems .ticket-number");
            return await numbers.CountAsync() == 1 ? await numbers.InnerTextAsync() : null;
        }, found => found is not null, Delivery, "the visit's problem linked to its ticket", cancellationToken);
        number!.ShouldStartWith("QY-");
        await cadre.CheckPageAsync("liaison-visit");

        // The ticket is in the office's queue, filed on the enterprise's behalf from the visit.
        var queue = await officeApi.GetFromJsonAsync<JsonElement>("/api/tickets?state=submitted&limit=200", cancellationToken);
        var ticket = queue.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("ticket")).Single(t => t.GetProperty("number").GetString() == number);
        ticket.GetProperty("channel").GetString().ShouldBe("visit");
        ticket.GetProperty("category").GetString().ShouldBe("financing");
        ticket.GetProperty("unifiedSocialCreditCode").GetString().ShouldBe("91320100MA1X0ABC1F");

        // The office reads the whole number, and the audit shows the read.
        await using var office = await PortalBrowser.SignedInAsync(platform, "office");
        await office.GoToAsync($"liaison/contacts/{contact}");
        await Assertions.Expect(office.Page.Locator("#contact-phone")).ToHaveTextAsync(Masked);
        await office.Page.GetByRole(AriaRole.Button, new() { Name = "查看完整号码" }).ClickAsync();
        await Assertions.Expect(office.Page.Locator("#contact-phone")).ToHaveTextAsync(Phone);
        var audit = await officeApi.GetFromJsonAsync<JsonElement>($"/api/liaison/audit?action=personal-data-read&target={contact}", cancellationToken);
        audit.GetProperty("items").EnumerateArray().ShouldContain(entry => entry.GetProperty("actor").GetString()!.Contains("办公室督办专员"));

        // Another cadre sees the number masked and is refused the whole of it.
        await using var other = await PortalBrowser.SignedInAsync(platform, "secretary");
        await other.GoToAsync($"liaison/contacts/{contact}");
        await Assertions.Expect(other.Page.Locator("#contact-phone")).ToHaveTextAsync(Masked);
        await other.Page.GetByRole(AriaRole.Button, new() { Name = "查看完整号码" }).ClickAsync();
        await Assertions.Expect(other.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "无权查看完整个人信息" })).ToBeVisibleAsync();
        await Assertions.Expect(other.Page.Locator("#contact-phone")).ToHaveTextAsync(Masked);

        cadre.ShouldHaveLoadedNothingFromOtherHosts();
        office.ShouldHaveLoadedNothingFromOtherHosts();
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
