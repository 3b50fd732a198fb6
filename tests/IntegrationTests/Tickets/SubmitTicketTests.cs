using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

public sealed class SubmitTicketTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_valid_ticket_is_stored_with_its_event_and_the_event_leaves_through_the_outbox()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(TicketRequests.Valid()) };
        request.Headers.Add("X-Correlation-Id", "it-submit-1");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.GetValues("X-Correlation-Id").ShouldBe(["it-submit-1"]);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/tickets/{id}");
        created.GetProperty("state").GetString().ShouldBe("submitted");
        created.GetProperty("category").GetString().ShouldBe("financing");
        created.GetProperty("number").GetString()!.ShouldMatch(@"^QY-\d{4}-\d{6}$");

        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location, TestContext.Current.CancellationToken);
        read.GetProperty("number").GetString().ShouldBe(created.GetProperty("number").GetString());

        var outbox = (await fixture.Service.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync()))
            .Single(m => m.Payload.Contains(id.ToString()));
        outbox.EventName.ShouldBe("tickets.ticket-submitted.v1");
        outbox.CorrelationId.ShouldBe("it-submit-1");
        outbox.TraceParent.ShouldNotBeNull();

        await Eventually.ReturnsAsync(
            () => fixture.Service.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Id == outbox.Id).Select(m => m.SentAt).SingleAsync()),
            sentAt => sentAt is not null, TimeSpan.FromSeconds(20), "the outbox row to be published", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_ticket_filed_under_a_brand_carries_it_on_its_events_and_a_measure_alone_is_refused()
    {
        var cancel = TestContext.Current.CancellationToken;
        var (brand, measure) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        using var response = await client.PostAsJsonAsync("/api/tickets", new
        {
            title = "品牌走访中企业反映的用地问题", category = "land", description = "走访中企业反映用地指标紧张",
            enterpriseName = "三明市某某科技有限公司", unifiedSocialCreditCode = TicketRequests.ValidCreditCode, brandId = brand, brandMeasureId = measure,
        }, cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(cancel));
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancel);
        (created.GetProperty("brandId").GetGuid(), created.GetProperty("brandMeasureId").GetGuid()).ShouldBe((brand, measure));
        var (name, submitted) = (await OutboxEvents.PayloadsAsync(fixture.Service, created.GetProperty("id").GetGuid())).ShouldHaveSingleItem();
        name.ShouldBe("tickets.ticket-submitted.v1");
        (submitted.GetProperty("brandId").GetGuid(), submitted.GetProperty("brandMeasureId").GetGuid()).ShouldBe((brand, measure));

        using var measureAlone = await client.PostAsJsonAsync("/api/tickets", new
        {
            title = "只有举措", category = "land", description = "描述", enterpriseName = "三明市某某科技有限公司",
            unifiedSocialCreditCode = TicketRequests.ValidCreditCode, brandMeasureId = measure,
        }, cancel);
        measureAlone.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await measureAlone.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("errors").TryGetProperty("brandMeasureId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Ticket_numbers_count_up_within_the_year()
    {
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        var (firstYear, firstSequence) = Split(first);
        var (secondYear, secondSequence) = Split(second);
        secondYear.ShouldBe(firstYear);
        secondSequence.ShouldBe(firstSequence + 1);

        async Task<string> SubmitAsync()
        {
            using var response = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("number").GetString()!;
        }

        static (string Year, int Sequence) Split(string number) => (number.Split('-')[1], int.Parse(number.Split('-')[2]));
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "wrong check character", Json(TicketRequests.Valid()).Replace(TicketRequests.ValidCreditCode, "91350100M000100Y44"), "unifiedSocialCreditCode" },
        { "17 characters", Json(TicketRequests.Valid()).Replace(TicketRequests.ValidCreditCode, "91350100M000100Y4"), "unifiedSocialCreditCode" },
        { "letter O is not in the alphabet", Json(TicketRequests.Valid()).Replace(TicketRequests.ValidCreditCode, "91350100M000100O43"), "unifiedSocialCreditCode" },
        { "title over 200 characters", Json(TicketRequests.Valid(new string('长', 201))), "title" },
        { "unknown category", Json(TicketRequests.Valid()).Replace("\"financing\"", "\"lottery\""), "category" },
        { "category as a number", Json(TicketRequests.Valid()).Replace("\"financing\"", "3"), "category" },
        { "missing title", Json(TicketRequests.Valid()).Replace("\"title\":\"企业融资贷款需求\",", ""), "title" },
        { "malformed JSON", "{\"title\": \"x\", ", "$" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_answered_with_400_field_errors_and_writes_nothing(string why, string body, string field)
    {
        var before = await CountRowsAsync();

        using var response = await client.PostAsync(
            "/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{why}: errors should name '{field}' in {problem}");
        (await CountRowsAsync()).ShouldBe(before, why);
    }

    [Fact]
    public async Task An_empty_body_is_a_problem_not_a_crash()
    {
        using var response = await client.PostAsync(
            "/api/tickets", new StringContent("", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task An_unknown_ticket_is_404_problem_details()
    {
        using var response = await client.GetAsync($"/api/tickets/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private Task<(int Tickets, int Outbox)> CountRowsAsync() => fixture.Service.QueryAsync(async db =>
        (await db.Tickets.CountAsync(), await db.Set<OutboxMessage>().CountAsync()));

    private static string Json(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
